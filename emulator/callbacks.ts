// Tencent's third-party callbacks (https://trtc.io/document/34354): when the emulator's state changes it POSTs
// the event to the configured URL, as Tencent does, signed with the configured token.
// Any API handler calls `callbacks.emit(sdkAppId, command, payload)` after a change (After events: delivered in the
// background, the reply is ignored) or `await callbacks.before(sdkAppId, command, payload)` before it (the reply
// decides: ErrorCode 0 allows, anything else refuses).

import http from 'node:http';
import https from 'node:https';
import { createHash } from 'node:crypto';

import type { EmulatorOptions } from './options';

const LOG_LIMIT = 10000;

/** One callback to post: see Callbacks.deliver. */
export interface DeliverySpec {
	sdkAppId: number;
	command: string;
	payload?: Record<string, unknown>;
	url?: string;
	/** null or '' sends no Sign */
	token?: string | null;
	requestTime?: number;
	eventTime?: number;
	/** overrides of the query parameters; null removes one */
	query?: Record<string, string | number | null | undefined>;
	rawBody?: string;
}

/** A posted callback, as the log keeps it. */
export interface CallbackEntry {
	time: number;
	command: string;
	sdkAppId: number;
	query: Record<string, string>;
	body: any;
	status: number | null;
	reply: any;
	error: string | null;
	ms: number;
}

/** What a Before callback's reply decides. */
export interface Decision {
	allowed: boolean;
	errorCode: number;
	refused: string[];
	reply: any;
}

interface PostResult {
	status?: number;
	text?: string;
	error?: string;
	ms: number;
}

interface Agents {
	http: http.Agent;
	https: https.Agent;
}

interface UrlParams {
	sdkAppId: number;
	command: string;
	token: string | null | undefined;
	clientIp: string;
	optPlatform: string;
	requestTime: number;
	overrides?: Record<string, string | number | null | undefined>;
}

/** Sign = hex(sha256(token + RequestTime)), RequestTime in Unix seconds (https://trtc.io/document/34354). */
export function callbackSign(token: string, requestTime: number | string): string {
	return createHash('sha256').update(`${token}${requestTime}`).digest('hex');
}

/**
 * The URL Tencent posts to: the configured URL plus SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform,
 * and with a token Sign and RequestTime. `overrides` replaces any of these (tests of a receiver's checks).
 */
export function callbackUrl(base: string, { sdkAppId, command, token, clientIp, optPlatform, requestTime, overrides = {} }: UrlParams): URL {
	const url = new URL(base);
	const params: Record<string, string> = {
		SdkAppid: String(sdkAppId),
		CallbackCommand: command,
		contenttype: 'json',
		ClientIP: clientIp,
		OptPlatform: optPlatform,
	};
	if (token) {
		params.Sign = callbackSign(token, requestTime);
		params.RequestTime = String(requestTime);
	}
	for (const [key, value] of Object.entries({ ...params, ...overrides })) {
		if (value === null || value === undefined) url.searchParams.delete(key);
		else url.searchParams.set(key, String(value));
	}
	return url;
}

/** One POST; resolves to { status, text, ms } or { error, ms }, never rejects. */
function post(url: URL, body: string, { timeoutMs, agents }: { timeoutMs: number; agents: Agents }): Promise<PostResult> {
	const started = Date.now();
	const lib = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		const req = lib.request(
			url,
			{
				method: 'POST',
				agent: url.protocol === 'https:' ? agents.https : agents.http,
				headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) },
				timeout: timeoutMs,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }));
				res.on('error', (err) => resolve({ error: err.message, ms: Date.now() - started }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (err) => resolve({ error: err.message, ms: Date.now() - started }));
		req.end(body);
	});
}

function parseReply(text: string): Record<string, any> | null {
	try {
		const value = JSON.parse(text);
		return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
	} catch {
		return null;
	}
}

/**
 * What a Before callback's answer decides. Tencent goes ahead when the callback fails or times out
 * (https://trtc.io/document/34354), so only an HTTP 200 JSON reply with a non-zero ErrorCode refuses.
 */
export function decision(entry: Pick<CallbackEntry, 'status' | 'reply'>): Decision {
	const reply = entry.status === 200 && entry.reply && typeof entry.reply === 'object' ? entry.reply : null;
	if (!reply || typeof reply.ErrorCode !== 'number') return { allowed: true, errorCode: 0, refused: [], reply };
	const refused = Array.isArray(reply.RefusedSubscribers_Account) ? reply.RefusedSubscribers_Account.map(String) : [];
	return { allowed: reply.ErrorCode === 0, errorCode: reply.ErrorCode, refused, reply };
}

export class Callbacks {
	getOptions: () => EmulatorOptions;
	log: CallbackEntry[];
	pending: Set<Promise<unknown>>;
	agents: Agents;

	/** @param getOptions the emulator's current options (callbackUrl, callbackToken, ...) */
	constructor(getOptions: () => EmulatorOptions) {
		this.getOptions = getOptions;
		this.log = [];
		this.pending = new Set();
		this.agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
	}

	/** Whether `command` is delivered: a URL is set and the command is among `callbackCommands` (null: all). */
	enabled(command: string): boolean {
		const o = this.getOptions();
		return Boolean(o.callbackUrl) && (!o.callbackCommands || o.callbackCommands.includes(command));
	}

	/** An After event: posted in the background; its reply is ignored. */
	emit(sdkAppId: number, command: string, payload: Record<string, unknown>): void {
		if (!this.enabled(command)) return;
		const delivery = this.deliver({ sdkAppId, command, payload }).finally(() => this.pending.delete(delivery));
		this.pending.add(delivery);
	}

	/** A Before event: resolves to { allowed, errorCode, refused } (allowed when no callback is configured). */
	async before(sdkAppId: number, command: string, payload: Record<string, unknown>): Promise<Decision> {
		if (!this.enabled(command)) return { allowed: true, errorCode: 0, refused: [], reply: null };
		return decision(await this.deliver({ sdkAppId, command, payload }));
	}

	/** Posts one callback now and resolves to its log entry. */
	async deliver(spec: DeliverySpec): Promise<CallbackEntry> {
		const o = this.getOptions();
		const base = spec.url || o.callbackUrl;
		if (!base) throw new Error('set callbackUrl first');
		const nowMs = Date.now() + o.clockOffsetSeconds * 1000;
		const requestTime = spec.requestTime ?? Math.floor(nowMs / 1000);
		const token = spec.token !== undefined ? spec.token : o.callbackToken;
		const url = callbackUrl(base, {
			sdkAppId: spec.sdkAppId,
			command: spec.command,
			token,
			clientIp: o.callbackClientIp,
			optPlatform: o.callbackOptPlatform,
			requestTime,
			overrides: spec.query,
		});
		const body =
			spec.rawBody ?? JSON.stringify({ CallbackCommand: spec.command, ...spec.payload, EventTime: spec.eventTime ?? nowMs });
		const result = await post(url, body, { timeoutMs: o.callbackTimeoutMs, agents: this.agents });
		const entry: CallbackEntry = {
			time: Date.now(),
			command: spec.command,
			sdkAppId: spec.sdkAppId,
			query: Object.fromEntries(url.searchParams),
			body: parseReply(body) ?? body,
			status: result.status ?? null,
			reply: result.text === undefined ? null : (parseReply(result.text) ?? result.text),
			error: result.error ?? null,
			ms: result.ms,
		};
		this.log.push(entry);
		if (this.log.length > LOG_LIMIT) this.log.shift();
		return entry;
	}

	/** Resolves when every background delivery has been answered (or has failed). */
	async idle(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	entries(): CallbackEntry[] {
		return this.log.map((e) => ({ ...e }));
	}

	clear(): { ok: true } {
		this.log = [];
		return { ok: true };
	}

	close(): void {
		this.agents.http.destroy();
		this.agents.https.destroy();
	}
}
