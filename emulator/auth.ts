// Steps 1 to 4 of the check pipeline: the query parameters, the app, the ticket (with the lock-out after
// too many bad signatures) and the admin, in the order the real service reports them.

import { fail, type Answer } from './answers';
import type { Lockout } from './limits';
import type { EmulatorOptions } from './options';
import type { AppRecord } from './records';
import type { LogEntry } from './requestLog';
import type { State } from './state';
import { decodeUserSig, ticketId, verifyUserSig } from './usersig';

const UINT = /^\d{1,10}$/;

/** A caller that passed the checks. */
export interface Caller {
	app: AppRecord;
	sdkAppId: number;
	identifier: string;
	/** the emulator's clock, with clockOffsetSeconds */
	nowSeconds: number;
}

/** What the checks read of the emulator. */
export interface AuthHost {
	opts: EmulatorOptions;
	state: State;
	lockout: Lockout;
}

/** The log keeps who called and with which ticket, whatever the checks find. */
function recordQuery(q: URLSearchParams, entry: LogEntry): void {
	const identifier = q.get('identifier');
	const random = q.get('random');
	const usersig = q.get('usersig');
	if (identifier != null) entry.identifier = identifier;
	if (random != null) entry.random = UINT.test(random) ? Number(random) : random;
	if (usersig) {
		entry.ticketId = ticketId(usersig);
		const dec = decodeUserSig(usersig);
		if (dec.doc) entry.ticketTime = dec.doc['TLS.time'];
	}
}

function appIdProblem(appParam: string | null): Answer | null {
	if (!appParam) return fail(60012);
	if (!UINT.test(appParam)) return fail(60012, 'SDKAppID in the request URL is not a number.');
	return null;
}

function otherQueryProblem(q: URLSearchParams): Answer | null {
	if (!q.get('identifier')) return fail(60004, 'The identifier is missing from the request URL.');
	const random = q.get('random');
	if (random == null || !UINT.test(random) || Number(random) > 4294967295) {
		return fail(60002, 'HTTP parse error: random must be a 32-bit unsigned integer.');
	}
	if (q.get('contenttype') !== 'json') return fail(60002, 'HTTP parse error: contenttype must be json.');
	return null;
}

/** The ticket check; only tickets that get as far as the signature check count toward, or meet, the lock-out. */
function ticketProblem(host: AuthHost, app: AppRecord, q: URLSearchParams, nowMs: number, nowSeconds: number): Answer | null {
	const opts = host.opts;
	const v = verifyUserSig(q.get('usersig'), {
		sdkAppId: app.sdkAppId,
		identifier: q.get('identifier') as string,
		secretKey: app.secretKey,
		nowSeconds,
		maxTicketAgeSeconds: opts.maxTicketAgeSeconds,
		invalidatedBefore: opts.invalidatedBefore,
	});
	if (v.code === 0 || v.code === 70009) {
		const locked = host.lockout.isLocked(app.sdkAppId, opts.lockoutAfter, nowMs);
		if (v.badSignature) host.lockout.recordBad(app.sdkAppId, nowMs);
		if (locked) return fail(70050);
	}
	if (v.code !== 0) return fail(v.code, v.info);
	return null;
}

/** Steps 1-4; the caller, or the FAIL answer of the first check that failed. */
export function checkCaller(host: AuthHost, q: URLSearchParams, entry: LogEntry): { caller: Caller } | { answer: Answer } {
	recordQuery(q, entry);
	const appProblem = appIdProblem(q.get('sdkappid'));
	if (appProblem) return { answer: appProblem };
	const sdkAppId = Number(q.get('sdkappid'));
	entry.sdkAppId = sdkAppId;
	const queryProblem = otherQueryProblem(q);
	if (queryProblem) return { answer: queryProblem };
	const app = host.state.getApp(sdkAppId);
	if (!app) return { answer: fail(70020) };
	const nowMs = Date.now();
	const nowSeconds = Math.floor(nowMs / 1000) + host.opts.clockOffsetSeconds;
	const badTicket = ticketProblem(host, app, q, nowMs, nowSeconds);
	if (badTicket) return { answer: badTicket };
	const identifier = q.get('identifier') as string;
	if (!app.admins.includes(identifier)) return { answer: fail(70403) };
	return { caller: { app, sdkAppId, identifier, nowSeconds } };
}
