// Fault knobs, latency, hang, intercept and the rate limit.

import { startEmulator, datasets, type Emulator } from '../../emulator';
import { RateLimiter } from '../../emulator/limits';
import type { InterceptedCall } from '../../emulator/options';
import { call, SUBS, ADD, MSGS, MEMBERS, CHECK } from './helpers';

const OA = datasets.demo.officialAccountId;
const subsBody = { Official_Account: OA, Limit: 5, Next: '' };

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ seed: 'demo' });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function lastLog() {
	const log = emu.requests();
	return log[log.length - 1];
}

describe('fault knobs', () => {
	test('http502: HTML body, HTTP 502', async () => {
		emu.setOptions({ faults: { http502: 1 } });
		const r = await call(emu, SUBS, subsBody);
		expect(r.status).toBe(502);
		expect(r.headers['content-type']).toMatch(/text\/html/);
		expect(r.text).toContain('502 Bad Gateway');
		expect(lastLog()).toMatchObject({ status: 502, errorCode: null, fault: 'http502' });
	});

	test.each([
		['error20005', 20005],
		['error10002', 10002],
		['rateLimited', 60007],
	])('%s answers FAIL %d on every API', async (kind, code) => {
		emu.setOptions({ faults: { [kind]: 1 } });
		const calls: [string, object][] = [
			[SUBS, subsBody],
			[MEMBERS, { GroupId: datasets.demo.publicGroupId }],
			[CHECK, { CheckItem: [{ UserID: 'a' }] }],
		];
		for (const [path, body] of calls) {
			const r = await call(emu, path, body);
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
		}
		expect(emu.stats().faults[kind]).toBe(3);
	});

	test('malformedJson: HTTP 200 with a cut JSON body', async () => {
		emu.setOptions({ faults: { malformedJson: 1 } });
		const calls: [string, object][] = [[SUBS, subsBody], [ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: 'z' }] }]];
		for (const [path, body] of calls) {
			const r = await call(emu, path, body);
			expect(r.status).toBe(200);
			expect(r.text.startsWith('{"ActionStatus":"OK"')).toBe(true);
			expect(() => JSON.parse(r.text)).toThrow();
		}
	});

	test('a faulted add or delete changes nothing', async () => {
		for (const kind of ['http502', 'error20005', 'error10002', 'rateLimited', 'malformedJson']) {
			emu.setOptions({ faults: { http502: 0, error20005: 0, error10002: 0, rateLimited: 0, malformedJson: 0, [kind]: 1 } });
			await call(emu, ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: `f_${kind}` }] });
			await call(emu, 'official_account_open_http_svc/delete_subscriber', { Official_Account: OA, SubscriberToDel_Account: ['user000001'] });
		}
		expect(emu.getSubscribers(OA)).toHaveLength(3000);
		expect(emu.getSubscribers(OA)[0]).toBe('user000001');
	});

	test('faults come after auth: a bad ticket still gets its auth error', async () => {
		emu.setOptions({ faults: { http502: 1 } });
		const r = await call(emu, SUBS, subsBody, { secretKey: 'wrong' });
		expect(r.status).toBe(200);
		expect(r.json.ErrorCode).toBe(70009);
	});

	test('faultSeed makes the fault sequence repeatable', async () => {
		async function run(seed: number) {
			emu.setOptions({ faultSeed: seed, faults: { error20005: 0.3, http502: 0.2 } });
			const out: number[] = [];
			for (let i = 0; i < 30; i++) {
				const r = await call(emu, CHECK, { CheckItem: [{ UserID: 'a' }] });
				out.push(r.status === 502 ? 502 : r.json.ErrorCode);
			}
			return out;
		}
		const a = await run(7);
		const b = await run(7);
		const c = await run(8);
		expect(b).toEqual(a);
		expect(c).not.toEqual(a);
		expect(a.filter((x) => x === 0).length).toBeGreaterThan(3);
		expect(a.filter((x) => x !== 0).length).toBeGreaterThan(3);
	});

	test('latencyMs delays every answer', async () => {
		emu.setOptions({ latencyMs: 150 });
		const t0 = Date.now();
		await call(emu, SUBS, subsBody);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
	});

	test('hang: the server waits hangMs; a client that gives up changes nothing', async () => {
		emu.setOptions({ faults: { hang: 1 }, hangMs: 5000 });
		const r = call(emu, ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: 'slowpoke' }] }, {}, { signal: AbortSignal.timeout(200) });
		await expect(r).rejects.toThrow();
		await new Promise((res) => setTimeout(res, 50));
		expect(emu.getSubscribers(OA)).not.toContain('slowpoke');
		expect(lastLog()).toMatchObject({ fault: 'hang', status: 0, command: 'add_subscriber' });

		emu.setOptions({ hangMs: 300 });
		const t0 = Date.now();
		const ok = await call(emu, SUBS, subsBody);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		expect(ok.json.ErrorCode).toBe(0);
		expect(emu.stats().faults.hang).toBe(2);
	});
});

describe('intercept', () => {
	test('scripts odd answers after auth', async () => {
		const seen: InterceptedCall[] = [];
		const answers = [
			{ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>bad gateway</html>' },
			{ status: 200, body: '' },
			{ status: 200, body: '{"SubscriberList":[]}' },
			{ status: 200, body: JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: 'weird' }) },
			undefined,
		];
		emu.setOptions({
			intercept: (req) => {
				seen.push(req);
				return answers[seen.length - 1];
			},
		});
		const r1 = await call(emu, SUBS, subsBody);
		expect(r1.status).toBe(502);
		expect(r1.text).toBe('<html>bad gateway</html>');
		expect((await call(emu, SUBS, subsBody)).text).toBe('');
		expect((await call(emu, SUBS, subsBody)).json).toEqual({ SubscriberList: [] });
		expect((await call(emu, SUBS, subsBody)).json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 0 });
		expect((await call(emu, SUBS, subsBody)).json.SubscriberList).toHaveLength(5); // undefined: normal answer
		expect(seen[0]).toMatchObject({ service: 'official_account_open_http_svc', command: 'get_subscriber_info', body: subsBody, sdkAppId: 1400000001 });
		// Not reached for a call that fails auth.
		expect((await call(emu, SUBS, subsBody, { secretKey: 'wrong' })).json.ErrorCode).toBe(70009);
		expect(seen).toHaveLength(5);
		expect(emu.requests().filter((e) => e.fault === 'intercept')).toHaveLength(4);
		emu.setOptions({ intercept: null });
	});
});

describe('rate limit', () => {
	test('token bucket: the 201st call in the same millisecond is refused, per key', () => {
		const rl = new RateLimiter();
		for (let i = 0; i < 200; i++) expect(rl.take('app/a', 200, 1000)).toBe(true);
		expect(rl.take('app/a', 200, 1000)).toBe(false);
		expect(rl.take('app/a', 200, 1004)).toBe(false); // 0.8 token refilled
		expect(rl.take('app/b', 200, 1004)).toBe(true); // another API: own bucket
		expect(rl.take('app/a', 200, 1005)).toBe(true); // 1 token after 5 ms
		expect(rl.take('app/a', 200, 1005)).toBe(false);
		expect(rl.take('app/a', 200, 999999)).toBe(true); // refills up to capacity only
	});

	test('over ratePerSecond over HTTP: 60007, per API', async () => {
		// A low rate keeps this independent of how fast the machine is.
		emu.setOptions({ ratePerSecond: 20 });
		const t0 = Date.now();
		const results = await Promise.all(Array.from({ length: 100 }, () => call(emu, SUBS, subsBody)));
		const elapsed = (Date.now() - t0) / 1000;
		const codes = results.map((r) => r.json.ErrorCode);
		const okCount = codes.filter((c) => c === 0).length;
		expect(codes.every((c) => c === 0 || c === 60007)).toBe(true);
		expect(okCount).toBeGreaterThanOrEqual(20);
		expect(okCount).toBeLessThanOrEqual(20 + Math.ceil(elapsed * 20) + 1);
		expect(results.find((r) => r.json.ErrorCode === 60007)?.json).toEqual({
			ActionStatus: 'FAIL',
			ErrorInfo: expect.stringContaining('frequency'),
			ErrorCode: 60007,
		});
		// Another API of the same app has its own budget.
		expect((await call(emu, MSGS, { Official_Account: OA, ReqMsgNumber: 1 })).json.ErrorCode).toBe(0);
	});

	test('the 201st call in the same second is refused; a small rate refills', async () => {
		emu.setOptions({ ratePerSecond: 3 });
		const codes: number[] = [];
		for (let i = 0; i < 4; i++) codes.push((await call(emu, SUBS, subsBody)).json.ErrorCode);
		expect(codes).toEqual([0, 0, 0, 60007]);
		await new Promise((res) => setTimeout(res, 400));
		expect((await call(emu, SUBS, subsBody)).json.ErrorCode).toBe(0);
	});

	test('rateLimit: false turns it off', async () => {
		emu.setOptions({ rateLimit: false, ratePerSecond: 2 });
		const codes: number[] = [];
		for (let i = 0; i < 5; i++) codes.push((await call(emu, SUBS, subsBody)).json.ErrorCode);
		expect(codes).toEqual([0, 0, 0, 0, 0]);
	});
});
