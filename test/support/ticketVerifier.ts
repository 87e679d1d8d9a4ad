// An independent UserSig verifier for tests, following the server's algorithm (https://trtc.io/document/34385 and tls-sig-api-v2):
// inflate, check SDKAppID, identifier and expiry, recompute the HMAC.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export function decodeTicket(userSig: string): Record<string, any> {
	const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
	return JSON.parse(zlib.inflateSync(Buffer.from(base64, 'base64')).toString('utf8'));
}

/** Returns 'ok' or the reason the server would reject the ticket. */
export function verifyTicket(userSig: string, { sdkAppId, identifier, secretKey, now = Math.floor(Date.now() / 1000) }: { sdkAppId: number; identifier: string; secretKey: string; now?: number }): string {
	let doc;
	try {
		doc = decodeTicket(userSig);
	} catch {
		return 'malformed';
	}
	if (doc['TLS.ver'] !== '2.0') return 'version';
	if (doc['TLS.sdkappid'] !== sdkAppId) return 'sdkappid';
	if (doc['TLS.identifier'] !== identifier) return 'identifier';
	if (now > doc['TLS.time'] + doc['TLS.expire']) return 'expired';
	const content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${doc['TLS.time']}\nTLS.expire:${doc['TLS.expire']}\n`;
	const expected = crypto.createHmac('sha256', secretKey).update(content).digest('base64');
	return expected === doc['TLS.sig'] ? 'ok' : 'signature';
}
