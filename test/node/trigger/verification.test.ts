// The trigger's checks, each a security boundary: SdkAppid, Sign (constant time), RequestTime age, the body, the
// events. A refused request gets 401 with Tencent's envelope, starts no execution and is logged without its body.
import crypto from 'node:crypto';
import { createHarness, captureConsole } from '../../harness';
import type { WebhookAnswer } from '../../harness';
import { TOKEN, OK, APP, triggerCredentials, sign, nowSeconds, callbackQuery, triggerWorkflow, post } from '../../support/trigger';

const ADDED = 'OfficialAccount.CallbackAfterAddSubscriber';
const SECRET_MARKER = 'private-message-text-4417';
const body = { CallbackCommand: ADDED, Official_Account: '@TOA#_v', Operator_Account: 'admin', SubscribeAccountList: [{ Subscriber_Account: SECRET_MARKER }], EventTime: Date.now() };
const workflow = triggerWorkflow({ events: [ADDED] });

beforeAll(async () => {
	await createHarness({ logLevel: 'warn' }); // so refusals are logged where the test can read them
});

function expectRefused(answer: WebhookAnswer, status = 401) {
	expect(answer.status).toBe(status);
	expect(answer.body).toMatchObject({ ActionStatus: 'FAIL', ErrorInfo: expect.any(String) });
	expect(answer.body.ErrorCode).not.toBe(0);
	expect(answer.started).toBe(false);
	expect(answer.text).not.toContain(SECRET_MARKER);
}

describe('a correct callback', () => {
	test('is answered 200 with exactly Tencent\'s envelope and starts one execution', async () => {
		const answer = await post(workflow, { query: callbackQuery(ADDED), body });
		expect(answer.status).toBe(200);
		expect(answer.text).toBe('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
		expect(answer.started).toBe(true);
		expect(answer.result!.status).toBe('success');
		expect(answer.result!.items('CRM')).toHaveLength(1);
	});

	test('neither the Callback Token nor the Secret Key reaches the items or the reply', async () => {
		const answer = await post(workflow, { query: callbackQuery(ADDED), body });
		const everything = JSON.stringify([answer.text, answer.result!.run!.data]);
		expect(everything).not.toContain(TOKEN);
		expect(everything).not.toContain(APP.secretKey);
	});

	test('an upper-case Sign is the same hex digest', async () => {
		const t = nowSeconds();
		const answer = await post(workflow, { query: callbackQuery(ADDED, { requestTime: t, Sign: sign(TOKEN, t).toUpperCase() }), body });
		expect(answer.started).toBe(true);
	});

	test('Sign is compared with crypto.timingSafeEqual', async () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			await post(workflow, { query: callbackQuery(ADDED, { Sign: 'ab'.repeat(32) }), body });
			expect(spy).toHaveBeenCalled();
		} finally {
			spy.mockRestore();
		}
	});
});

describe('SdkAppid', () => {
	test.each([
		['another app', { SdkAppid: '1400099999' }],
		['missing', { SdkAppid: null }],
		['repeated (two values)', { SdkAppid: [String(APP.sdkAppId), '1400099999'] }],
		['with a suffix', { SdkAppid: `${APP.sdkAppId}0` }],
	])('%s: 401, no execution', async (_, overrides) => {
		expectRefused(await post(workflow, { query: callbackQuery(ADDED, overrides), body }));
	});

	test('is checked without a Callback Token too', async () => {
		const credentials = triggerCredentials({ callbackToken: '' });
		expectRefused(await post(workflow, { query: callbackQuery(ADDED, { token: null, SdkAppid: '1400099999' }), body, credentials }));
	});
});

describe('Sign, with a Callback Token', () => {
	test.each([
		['made with another token', () => callbackQuery(ADDED, { token: 'another-token' })],
		['for another RequestTime', () => callbackQuery(ADDED, { Sign: sign(TOKEN, nowSeconds() - 5) })],
		['garbage', () => callbackQuery(ADDED, { Sign: 'not-hex' })],
		['missing', () => callbackQuery(ADDED, { Sign: null })],
		['empty', () => callbackQuery(ADDED, { Sign: '' })],
		['without RequestTime', () => callbackQuery(ADDED, { RequestTime: null })],
		['unsigned', () => callbackQuery(ADDED, { token: null })],
	])('%s: 401, no execution', async (_, query) => {
		expectRefused(await post(workflow, { query: query(), body }));
	});

	test('the refusal is logged with its reason, never with the body', async () => {
		const capture = captureConsole();
		let output;
		try {
			await post(workflow, { query: callbackQuery(ADDED, { token: 'another-token' }), body });
		} finally {
			output = capture.stop();
		}
		expect(output).toContain('refused a callback: Sign does not match the Callback Token');
		expect(output).not.toContain(SECRET_MARKER);
		expect(output).not.toContain(TOKEN);
	});
});

describe('RequestTime, with a Callback Token', () => {
	test.each([
		['61 s old', -61],
		// 62: a request time 61 s ahead is 60.x s ahead once the clock has ticked on before the check.
		['62 s ahead', 62],
		['a day old', -86400],
	])('%s (Max Request Age 60): 401', async (_, offset) => {
		expectRefused(await post(workflow, { query: callbackQuery(ADDED, { requestTime: nowSeconds() + offset }), body }));
	});

	test('55 s old passes the default 60', async () => {
		expect((await post(workflow, { query: callbackQuery(ADDED, { requestTime: nowSeconds() - 55 }), body })).started).toBe(true);
	});

	test('Max Request Age 300 accepts 200 s old and refuses 301', async () => {
		const wide = triggerWorkflow({ events: [ADDED], options: { maxAgeSeconds: 300 } });
		expect((await post(wide, { query: callbackQuery(ADDED, { requestTime: nowSeconds() - 200 }), body })).started).toBe(true);
		expectRefused(await post(wide, { query: callbackQuery(ADDED, { requestTime: nowSeconds() - 301 }), body }));
	});

	test('a RequestTime that is not Unix seconds: 401', async () => {
		const t = '2026-12-01T10:00:00Z';
		expectRefused(await post(workflow, { query: callbackQuery(ADDED, { RequestTime: t, Sign: sign(TOKEN, t) }), body }));
	});
});

describe('without a Callback Token in n8n', () => {
	const credentials = triggerCredentials({ callbackToken: '' });

	test('a request that carries a Sign is accepted (it cannot be checked)', async () => {
		const answer = await post(workflow, { query: callbackQuery(ADDED, { Sign: 'anything', RequestTime: '1' }), body, credentials });
		expect(answer.status).toBe(200);
		expect(answer.started).toBe(true);
	});

	test('so is one without', async () => {
		expect((await post(workflow, { query: callbackQuery(ADDED, { token: null }), body, credentials })).started).toBe(true);
	});
});

describe('the body', () => {
	test.each([
		['text that is not JSON', { rawBody: Buffer.from('not json'), body: 'not json', headers: { 'content-type': 'text/plain' } }],
		['a JSON array', { body: [body] }],
		['a JSON string', { body: 'just a string' }],
	])('%s: 400, no execution', async (_, request) => {
		expectRefused(await post(workflow, { query: callbackQuery(ADDED), ...request }), 400);
	});

	test('JSON sent as text/plain is read from the raw body', async () => {
		const text = JSON.stringify(body);
		const answer = await post(workflow, { query: callbackQuery(ADDED), body: text, rawBody: Buffer.from(text), headers: { 'content-type': 'text/plain' } });
		expect(answer.started).toBe(true);
	});

	test('over 1 MB: 413, no execution', async () => {
		const big = { ...body, Padding: 'x'.repeat(1024 * 1024) };
		expectRefused(await post(workflow, { query: callbackQuery(ADDED), body: big }), 413);
	});

	test('a URL without CallbackCommand: 400', async () => {
		expectRefused(await post(workflow, { query: callbackQuery(ADDED, { CallbackCommand: null }), body }), 400);
	});
});

describe('events', () => {
	test('an event not selected is answered OK at once and starts nothing', async () => {
		const removed = 'OfficialAccount.CallbackAfterDeleteSubscriber';
		const answer = await post(workflow, { query: callbackQuery(removed), body: { ...body, CallbackCommand: removed } });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual(OK);
		expect(answer.started).toBe(false);
	});

	test('Any Event takes every command', async () => {
		const any = triggerWorkflow({ events: ['*'] });
		const answer = await post(any, { query: callbackQuery('Group.CallbackAfterGroupDestroyed'), body: { GroupId: '@TGS#1' } });
		expect(answer.started).toBe(true);
	});
});

test('an incomplete credential refuses every callback (500) and starts nothing', async () => {
	const answer = await post(workflow, { query: callbackQuery(ADDED), body, credentials: triggerCredentials({ secretKey: '' }) });
	expectRefused(answer, 500);
});
