import zlib from 'node:zlib';
// Tencent's reference signer, by its file: its package.json names `main` twice, a missing file first.
import TLSSigAPIv2 from 'tls-sig-api-v2/TLSSigAPIv2.js';

const { createUserSig, zlibStored, getUserSig, discardUserSig } = require('../dist/nodes/shared/userSig');
const { signRequest } = require('../dist/nodes/shared/transport/signRequest');
import { decodeTicket, verifyTicket } from './support/ticketVerifier';

const app = { sdkAppId: 1400000001, identifier: 'administrator', secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e' };

function inflateText(userSig: string): string {
	const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
	return zlib.inflateSync(Buffer.from(base64, 'base64')).toString('utf8');
}

describe('UserSig', () => {
	test.each([
		['administrator', 86400],
		['admin_ops', 180 * 86400],
		['用户-ü', 3600],
	])('inflates to exactly the reference document for %s', (identifier, expire) => {
		const reference = new TLSSigAPIv2.Api(app.sdkAppId, app.secretKey).genUserSig(identifier, expire);
		const referenceText = inflateText(reference);
		const time = JSON.parse(referenceText)['TLS.time'];
		const ours = createUserSig({ ...app, identifier }, time, expire);
		expect(inflateText(ours)).toBe(referenceText);
	});

	test('uses only the URL-safe alphabet', () => {
		expect(createUserSig(app, 1700000000)).toMatch(/^[A-Za-z0-9*_-]+$/);
	});

	test('an independent verifier accepts our tickets and rejects tampered, expired and wrong-key ones', () => {
		const now = Math.floor(Date.now() / 1000);
		const ticket = createUserSig(app, now);
		expect(verifyTicket(ticket, app)).toBe('ok');
		expect(verifyTicket(ticket, { ...app, secretKey: 'another-key' })).toBe('signature');
		expect(verifyTicket(ticket, { ...app, sdkAppId: 1400000002 })).toBe('sdkappid');
		expect(verifyTicket(ticket, { ...app, identifier: 'someone' })).toBe('identifier');
		expect(verifyTicket(createUserSig(app, now - 100, 60), app)).toBe('expired');

		const doc = decodeTicket(ticket);
		const forged = { ...doc, 'TLS.expire': doc['TLS.expire'] * 10 };
		const forgedTicket = zlib.deflateSync(Buffer.from(JSON.stringify(forged))).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
		expect(verifyTicket(forgedTicket, app)).toBe('signature');

		const middle = Math.floor(ticket.length / 2);
		const flipped = ticket.slice(0, middle) + (ticket[middle] === 'A' ? 'B' : 'A') + ticket.slice(middle + 1);
		expect(verifyTicket(flipped, app)).not.toBe('ok');
	});

	test('the stored-block zlib stream round-trips data over one block (65,535 bytes)', () => {
		const data = Buffer.alloc(150000);
		for (let index = 0; index < data.length; index++) data[index] = (index * 7919) % 251;
		expect(zlib.inflateSync(zlibStored(data)).equals(data)).toBe(true);
		expect(zlib.inflateSync(zlibStored(Buffer.alloc(0))).length).toBe(0);
	});

	test('credentials with stray whitespace still give valid tickets', async () => {
		const padded = { sdkAppId: ` ${app.sdkAppId}\n`, region: 'custom', baseUrl: ' http://127.0.0.1:9/ ', identifier: ' administrator\t', secretKey: `\n${app.secretKey}  ` };
		const signed = await signRequest(padded, { url: '/v4/x/y', method: 'POST' });
		expect(signed.baseURL).toBe('http://127.0.0.1:9');
		expect(signed.qs).toMatchObject({ sdkappid: app.sdkAppId, identifier: 'administrator', contenttype: 'json' });
		expect(verifyTicket(signed.qs.usersig, app)).toBe('ok');
	});

	test('one ticket per credential until discarded; a fresh random on every request', async () => {
		const key = { ...app, identifier: 'cache-test' };
		const first = getUserSig(key);
		expect(getUserSig({ ...key })).toBe(first);
		expect(getUserSig({ ...key, secretKey: 'other' })).not.toBe(first);
		discardUserSig(key);
		const renewed = getUserSig(key);
		expect(verifyTicket(renewed, key)).toBe('ok');

		const credentials = { ...key, region: 'custom', baseUrl: 'http://127.0.0.1:9' };
		const randoms = new Set();
		for (let index = 0; index < 50; index++) {
			const { qs } = await signRequest(credentials, { url: '/v4/x/y' });
			expect(qs.usersig).toBe(renewed);
			expect(Number.isInteger(qs.random) && qs.random >= 0 && qs.random <= 4294967295).toBe(true);
			randoms.add(qs.random);
		}
		expect(randoms.size).toBeGreaterThan(45);
	});
});
