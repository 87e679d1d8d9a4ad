// Query checks, UserSig checks, admin check and lock-out, in the documented order.

import zlib from 'node:zlib';
import crypto from 'node:crypto';
import TLSSigAPIv2 from 'tls-sig-api-v2/TLSSigAPIv2.js';
import { startEmulator, signUserSig, verifyUserSig, decodeUserSig, ticketId, type Emulator } from '../../emulator';
import { DEMO, call, sign, SUBS, CHECK, type QueryOverrides } from './helpers';

const OTHER = { sdkAppId: 1400000002, secretKey: 'other-secret', admins: ['boss'] };
const body = { Official_Account: '@TOA#_demo_news', Limit: 1, Next: '' };

function escape(b64: string): string {
	return b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ seed: 'demo', apps: [OTHER] });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function code(query: QueryOverrides, b: any = body, path = SUBS): Promise<number> {
	const r = await call(emu, path, b, query);
	expect(r.status).toBe(200);
	expect(r.json.ActionStatus).toBe(r.json.ErrorCode === 0 ? 'OK' : 'FAIL');
	return r.json.ErrorCode;
}

describe('usersig module', () => {
	test('accepts tickets from tls-sig-api-v2 and the local signer alike', () => {
		const now = Math.floor(Date.now() / 1000);
		const ref = new TLSSigAPIv2.Api(DEMO.sdkAppId, DEMO.secretKey).genUserSig('administrator', 600);
		const mine = signUserSig({ ...DEMO, identifier: 'administrator', expire: 600, time: now });
		for (const sig of [ref, mine]) {
			const v = verifyUserSig(sig, { sdkAppId: DEMO.sdkAppId, identifier: 'administrator', secretKey: DEMO.secretKey, nowSeconds: now });
			expect(v.code).toBe(0);
		}
		expect(decodeUserSig(mine).doc?.['TLS.time']).toBe(now);
	});

	test('accepts a stored (uncompressed) zlib stream', () => {
		const doc = JSON.parse(zlib.inflateSync(Buffer.from(sign().replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString('utf8'));
		const stored = escape(zlib.deflateSync(Buffer.from(JSON.stringify(doc)), { level: 0 }).toString('base64'));
		const v = verifyUserSig(stored, { sdkAppId: DEMO.sdkAppId, identifier: DEMO.identifier, secretKey: DEMO.secretKey, nowSeconds: doc['TLS.time'] });
		expect(v.code).toBe(0);
	});
});

describe('API call checks', () => {
	test('a good call passes', async () => {
		expect(await code({})).toBe(0);
		expect(await code({}, { CheckItem: [{ UserID: 'x' }] }, CHECK)).toBe(0);
	});

	test('query parameters', async () => {
		expect(await code({ sdkappid: null })).toBe(60012);
		expect(await code({ sdkappid: 'abc', usersig: sign() })).toBe(60012);
		expect(await code({ identifier: null })).toBe(60004);
		expect(await code({ random: null })).toBe(60002);
		expect(await code({ random: '4294967296' })).toBe(60002);
		expect(await code({ random: '4294967295' })).toBe(0);
		expect(await code({ contenttype: 'xml' })).toBe(60002);
	});

	test('unknown SDKAppID: 70020, before the ticket is looked at', async () => {
		expect(await code({ sdkappid: '1400009999', usersig: 'garbage' })).toBe(70020);
	});

	test('ticket parse errors: 70002, 70003, 70005', async () => {
		expect(await code({ usersig: null })).toBe(70002);
		expect(await code({ usersig: '' })).toBe(70002);
		expect(await code({ usersig: 'not base64 at all!' })).toBe(70003);
		expect(await code({ usersig: escape(crypto.randomBytes(40).toString('base64')) })).toBe(70003);
		expect(await code({ usersig: escape(zlib.deflateSync(Buffer.from('hello')).toString('base64')) })).toBe(70005);
		expect(await code({ usersig: escape(zlib.deflateSync(Buffer.from('{"TLS.ver":"2.0"}')).toString('base64')) })).toBe(70005);
	});

	test('70014 SDKAppID mismatch, 70013 identifier mismatch', async () => {
		const otherApp = new TLSSigAPIv2.Api(OTHER.sdkAppId, DEMO.secretKey).genUserSig(DEMO.identifier, 600);
		expect(await code({ usersig: otherApp })).toBe(70014);
		const otherUser = new TLSSigAPIv2.Api(DEMO.sdkAppId, DEMO.secretKey).genUserSig('someone', 600);
		expect(await code({ usersig: otherUser })).toBe(70013);
	});

	test('70001 expired: by expire, by clock offset, by maxTicketAgeSeconds', async () => {
		const now = Math.floor(Date.now() / 1000);
		const old = signUserSig({ ...DEMO, time: now - 7200, expire: 3600 });
		expect(await code({ usersig: old })).toBe(70001);
		const fresh = signUserSig({ ...DEMO, time: now, expire: 3600 });
		expect(await code({ usersig: fresh })).toBe(0);
		emu.setOptions({ clockOffsetSeconds: 3700 });
		expect(await code({ usersig: fresh })).toBe(70001);
		emu.setOptions({ clockOffsetSeconds: 0, maxTicketAgeSeconds: 60 });
		expect(await code({ usersig: signUserSig({ ...DEMO, time: now - 120 }) })).toBe(70001);
		expect(await code({ usersig: fresh })).toBe(0);
	});

	test('70052 invalidated tickets', async () => {
		const now = Math.floor(Date.now() / 1000);
		emu.setOptions({ invalidatedBefore: now - 10 });
		expect(await code({ usersig: signUserSig({ ...DEMO, time: now - 100 }) })).toBe(70052);
		expect(await code({ usersig: signUserSig({ ...DEMO, time: now }) })).toBe(0);
	});

	test('70009 wrong key; 70403 not an admin', async () => {
		expect(await code({ secretKey: 'wrong-key' })).toBe(70009);
		// Trailing whitespace in the key makes a different signature.
		expect(await code({ secretKey: `${DEMO.secretKey} ` })).toBe(70009);
		expect(await code({ identifier: 'alice' })).toBe(70403);
	});

	test('70050 after lockoutAfter bad signatures within a minute, per app', async () => {
		emu.setOptions({ lockoutAfter: 3 });
		for (let i = 0; i < 3; i++) expect(await code({ secretKey: 'wrong-key' })).toBe(70009);
		expect(await code({ secretKey: 'wrong-key' })).toBe(70050);
		expect(await code({})).toBe(70050); // locked for good tickets too
		const otherSig = new TLSSigAPIv2.Api(OTHER.sdkAppId, OTHER.secretKey).genUserSig('boss', 600);
		expect(await code({ sdkappid: String(OTHER.sdkAppId), identifier: 'boss', usersig: otherSig }, { CheckItem: [{ UserID: 'a' }] }, CHECK)).toBe(0);
		emu.reset();
		expect(await code({})).toBe(0);
	});

	test('admin list is per app', async () => {
		const otherSig = new TLSSigAPIv2.Api(OTHER.sdkAppId, OTHER.secretKey).genUserSig('administrator', 600);
		expect(await code({ sdkappid: String(OTHER.sdkAppId), usersig: otherSig })).toBe(70403);
	});

	test('unknown command: 10003 in known services, 60009 elsewhere (after auth)', async () => {
		expect(await code({}, {}, 'official_account_open_http_svc/nope')).toBe(10003);
		expect(await code({}, {}, 'group_open_http_svc/nope')).toBe(10003);
		expect(await code({}, {}, 'nope_svc/nope')).toBe(60009);
		expect(await code({ secretKey: 'bad' }, {}, 'nope_svc/nope')).toBe(70009);
	});

	test('body that is not a JSON object: 20001 / 10004 / 60003', async () => {
		expect(await code({}, '{"Official_Account": ', SUBS)).toBe(20001);
		expect(await code({}, '[1,2]', 'group_open_http_svc/get_group_member_info')).toBe(10004);
		expect(await code({}, '', CHECK)).toBe(60003);
	});

	test('the request log holds ticket ids, never the ticket', async () => {
		const a = sign();
		const b = signUserSig({ ...DEMO, time: Math.floor(Date.now() / 1000) - 5 });
		await code({ usersig: a });
		await code({ usersig: a });
		await code({ usersig: b });
		await code({ secretKey: 'wrong-key' });
		const log = emu.requests();
		const text = JSON.stringify(log);
		expect(text).not.toContain(a);
		expect(text).not.toContain(b);
		expect(text).not.toMatch(/usersig/i);
		expect(log[0].ticketId).toBe(ticketId(a));
		expect(log[0].ticketId).toMatch(/^[0-9a-f]{12}$/);
		expect(log[2].ticketTime).toBe(decodeUserSig(b).doc?.['TLS.time']);
		expect(emu.stats().distinctTicketIds).toBe(3);
	});

	test('ErrorInfo never echoes the ticket', async () => {
		const sig = sign(DEMO.sdkAppId, 'wrong');
		const r = await call(emu, SUBS, body, { usersig: sig });
		expect(r.json.ErrorCode).toBe(70009);
		expect(r.text).not.toContain(sig);
	});
});
