// Server-side UserSig (TLS ticket v2) checks, in the order the real service
// reports them. Each check returns an error code, never the ticket text.

import crypto from 'node:crypto';
import zlib from 'node:zlib';

const MAX_TICKET_BYTES = 64 * 1024; // a real ticket inflates to ~200 bytes

/** The inflated ticket: TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire, TLS.sig, maybe TLS.userbuf. */
export type TicketDoc = Record<string, any>;

/** A decoded ticket, or why it could not be decoded. */
export interface DecodedUserSig {
	doc?: TicketDoc;
	code?: number;
	info?: string;
}

/** code 0: the ticket is good; `badSignature` when the HMAC check failed (it counts toward the lock-out). */
export interface UserSigCheck {
	code: number;
	info?: string;
	doc?: TicketDoc;
	badSignature?: boolean;
}

export interface UserSigCheckParams {
	sdkAppId: number;
	identifier: string;
	secretKey: string;
	nowSeconds: number;
	maxTicketAgeSeconds?: number | null;
	invalidatedBefore?: number | null;
}

export interface SignParams {
	sdkAppId: number | string;
	secretKey: string;
	identifier: string;
	expire?: number;
	time?: number;
}

function unescapeBase64(s: string): string {
	return s.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
}

/** Short stable id for logs: lets tests count distinct tickets without storing them. */
export function ticketId(usersig: string): string {
	return crypto.createHash('sha256').update(usersig).digest('hex').slice(0, 12);
}

function signContent(doc: TicketDoc): string {
	let s =
		`TLS.identifier:${doc['TLS.identifier']}\n` +
		`TLS.sdkappid:${doc['TLS.sdkappid']}\n` +
		`TLS.time:${doc['TLS.time']}\n` +
		`TLS.expire:${doc['TLS.expire']}\n`;
	if (doc['TLS.userbuf'] != null) s += `TLS.userbuf:${doc['TLS.userbuf']}\n`;
	return s;
}

function hmac(secretKey: string, content: string): string {
	return crypto.createHmac('sha256', secretKey).update(content).digest('base64');
}

/** Base64 -> inflate -> JSON. */
export function decodeUserSig(usersig: unknown): DecodedUserSig {
	if (typeof usersig !== 'string' || usersig.length === 0) return { code: 70002, info: 'UserSig is empty' };
	const b64 = unescapeBase64(usersig);
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return { code: 70003, info: 'UserSig is not valid base64' };
	let json;
	try {
		json = zlib.inflateSync(Buffer.from(b64, 'base64'), { maxOutputLength: MAX_TICKET_BYTES }).toString('utf8');
	} catch {
		return { code: 70003, info: 'UserSig decompression failed: not a zlib ticket' };
	}
	let doc;
	try {
		doc = JSON.parse(json);
	} catch {
		return { code: 70005, info: 'UserSig content is not a valid ticket document' };
	}
	const ok =
		doc &&
		typeof doc === 'object' &&
		typeof doc['TLS.identifier'] === 'string' &&
		Number.isFinite(Number(doc['TLS.sdkappid'])) &&
		Number.isFinite(doc['TLS.time']) &&
		Number.isFinite(doc['TLS.expire']) &&
		typeof doc['TLS.sig'] === 'string';
	if (!ok) return { code: 70005, info: 'UserSig ticket document misses required fields' };
	return { doc };
}

/**
 * Full ticket check for an API call.
 * HMAC is checked last: the caller needs to know whether it failed (for lock-out), see `badSignature`.
 */
export function verifyUserSig(usersig: unknown, p: UserSigCheckParams): UserSigCheck {
	const dec = decodeUserSig(usersig);
	if (!dec.doc) return dec as UserSigCheck;
	const doc = dec.doc;
	if (Number(doc['TLS.sdkappid']) !== p.sdkAppId)
		return { code: 70014, info: 'the SDKAppID in the request does not match the SDKAppID in the UserSig', doc };
	if (doc['TLS.identifier'] !== p.identifier)
		return { code: 70013, info: 'the identifier in the request does not match the identifier in the UserSig', doc };
	const t = doc['TLS.time'];
	if (p.nowSeconds > t + doc['TLS.expire']) return { code: 70001, info: 'UserSig has expired, generate a new one', doc };
	if (p.maxTicketAgeSeconds != null && p.nowSeconds - t > p.maxTicketAgeSeconds)
		return { code: 70001, info: 'UserSig has expired, generate a new one', doc };
	if (p.invalidatedBefore != null && t < p.invalidatedBefore)
		return { code: 70052, info: 'UserSig has been invalidated, generate a new one', doc };
	const expected = Buffer.from(hmac(p.secretKey, signContent(doc)));
	const given = Buffer.from(doc['TLS.sig']);
	if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
		return { code: 70009, info: 'UserSig verification failed: check that the secret key belongs to this SDKAppID', doc, badSignature: true };
	return { code: 0, doc };
}

/**
 * Makes a ticket like tls-sig-api-v2 does, but with a chosen `time`
 * (tests use it for old or future tickets; otherwise use the npm package).
 */
export function signUserSig({ sdkAppId, secretKey, identifier, expire = 86400, time = Math.floor(Date.now() / 1000) }: SignParams): string {
	const doc: TicketDoc = {
		'TLS.ver': '2.0',
		'TLS.identifier': String(identifier),
		'TLS.sdkappid': Number(sdkAppId),
		'TLS.time': Number(time),
		'TLS.expire': Number(expire),
	};
	doc['TLS.sig'] = hmac(secretKey, signContent(doc));
	return zlib
		.deflateSync(Buffer.from(JSON.stringify(doc)))
		.toString('base64')
		.replace(/\+/g, '*')
		.replace(/\//g, '-')
		.replace(/=/g, '_');
}
