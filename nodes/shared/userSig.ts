import { createHash, createHmac } from 'crypto';

import type { ChatCredentials } from './credentials';

type SigningKey = Pick<ChatCredentials, 'sdkAppId' | 'identifier' | 'secretKey'>;

/** Tencent's SDKs sign for a day or more and renew shortly before expiry; so do we. */
export const TICKET_LIFETIME_SECONDS = 86400;
const RENEW_BEFORE_SECONDS = 300;
const MAX_STORED_BLOCK = 0xffff;

function adler32(data: Buffer): number {
	let a = 1;
	let b = 0;
	for (const byte of data) {
		a = (a + byte) % 65521;
		b = (b + a) % 65521;
	}
	return ((b << 16) | a) >>> 0;
}

/**
 * Wraps data in a zlib stream of uncompressed ("stored") deflate blocks.
 * Any valid zlib stream is accepted by the server, and n8n Cloud does not allow `zlib`.
 */
export function zlibStored(data: Buffer): Buffer {
	const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
	let offset = 0;
	do {
		const length = Math.min(MAX_STORED_BLOCK, data.length - offset);
		const isLast = offset + length >= data.length;
		const header = Buffer.alloc(5);
		header[0] = isLast ? 1 : 0;
		header.writeUInt16LE(length, 1);
		header.writeUInt16LE(~length & 0xffff, 3);
		parts.push(header, data.subarray(offset, offset + length));
		offset += length;
	} while (offset < data.length);
	const trailer = Buffer.alloc(4);
	trailer.writeUInt32BE(adler32(data), 0);
	parts.push(trailer);
	return Buffer.concat(parts);
}

/** Builds a UserSig (https://trtc.io/document/34385); the document's key order is the reference implementation's (tls-sig-api-v2). */
export function createUserSig(key: SigningKey, time: number, expire = TICKET_LIFETIME_SECONDS): string {
	const content =
		`TLS.identifier:${key.identifier}\n` +
		`TLS.sdkappid:${key.sdkAppId}\n` +
		`TLS.time:${time}\n` +
		`TLS.expire:${expire}\n`;
	const document = {
		'TLS.ver': '2.0',
		'TLS.identifier': key.identifier,
		'TLS.sdkappid': key.sdkAppId,
		'TLS.time': time,
		'TLS.expire': expire,
		'TLS.sig': createHmac('sha256', key.secretKey).update(content, 'utf8').digest('base64'),
	};
	return zlibStored(Buffer.from(JSON.stringify(document), 'utf8'))
		.toString('base64')
		.replace(/\+/g, '*')
		.replace(/\//g, '-')
		.replace(/=/g, '_');
}

interface CachedTicket {
	userSig: string;
	renewAt: number;
	lastUsed: number;
}

/** A ticket unused this long is dropped, so many credentials (every credential Test) do not pile up. */
const IDLE_SECONDS = 30 * 60;
const SWEEP_EVERY_SECONDS = 60;
/** The tickets issued lately, newest last: errors are scrubbed of exactly these. */
const MAX_REMEMBERED = 256;

const tickets = new Map<string, CachedTicket>();
const issued = new Set<string>();
let lastSweep = 0;

/** The cache key holds a hash of the secret key, never the key itself. */
function cacheKey(key: SigningKey): string {
	const keyHash = createHash('sha256').update(key.secretKey).digest('hex');
	return `${key.sdkAppId}\n${key.identifier}\n${keyHash}`;
}

function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

function sweep(now: number): void {
	if (now - lastSweep < SWEEP_EVERY_SECONDS) return;
	lastSweep = now;
	for (const [id, ticket] of tickets) if (now - ticket.lastUsed > IDLE_SECONDS) tickets.delete(id);
}

function remember(userSig: string): void {
	issued.add(userSig);
	if (issued.size > MAX_REMEMBERED) issued.delete(issued.values().next().value as string);
}

/** One ticket per (SDKAppID, identifier, key), reused until shortly before it expires. */
export function getUserSig(key: SigningKey): string {
	const id = cacheKey(key);
	const now = nowSeconds();
	sweep(now);
	const cached = tickets.get(id);
	if (cached && now < cached.renewAt) {
		cached.lastUsed = now;
		return cached.userSig;
	}
	const userSig = createUserSig(key, now);
	tickets.set(id, { userSig, renewAt: now + TICKET_LIFETIME_SECONDS - RENEW_BEFORE_SECONDS, lastUsed: now });
	remember(userSig);
	return userSig;
}

/** Drops the cached ticket after the server said it expired (70001) or was invalidated (70052). */
export function discardUserSig(key: SigningKey): void {
	tickets.delete(cacheKey(key));
}

/** The UserSigs this process issued lately, to scrub from anything shown to users. */
export function issuedUserSigs(): Iterable<string> {
	return issued;
}

/** How many tickets are cached (for tests of the idle sweep). */
export function cachedTicketCount(): number {
	return tickets.size;
}
