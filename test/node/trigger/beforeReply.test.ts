// Before Event Reply: "allow" answers Tencent at once; "workflow" answers a Before event with the first item of the
// last node when the workflow has finished (n8n's lastNode / firstEntryJson), and After events still at once.
import { OK, callbackQuery, triggerWorkflow, post, emitted } from '../../support/trigger';

const BEFORE = 'OfficialAccount.CallbackBeforeAddSubscriber';
const AFTER = 'OfficialAccount.CallbackAfterAddSubscriber';
const GROUP_BEFORE = 'Group.CallbackBeforeSendMsg';
const body = (command: string) => ({ CallbackCommand: command, Official_Account: '@TOA#_b', Operator_Account: 'u1', SubscribeAccountList: [{ Subscriber_Account: 'u1' }], EventTime: Date.now() });
const ENVELOPE = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';

describe('Allow at Once (the default)', () => {
	test.each([BEFORE, GROUP_BEFORE])('%s is answered with the OK envelope at once, and the workflow still runs', async (command) => {
		const answer = await post(triggerWorkflow({ events: [command], values: { ErrorCode: 1 } }), { query: callbackQuery(command), body: body(command) });
		expect(answer.responseMode).toBe('onReceived');
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(ENVELOPE); // not the last node's ErrorCode 1, not n8n's "Workflow was started"
		expect(answer.started).toBe(true);
		expect(answer.result!.items('CRM')[0].json.ErrorCode).toBe(1);
	});
});

describe('From the Workflow', () => {
	const options = { beforeEventReply: 'workflow' };
	const refuse = { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'Not on the guest list' };

	test('a Before event gets the last node\'s first item: here a refusal', async () => {
		const answer = await post(triggerWorkflow({ events: [BEFORE], options, values: refuse }), { query: callbackQuery(BEFORE), body: body(BEFORE) });
		expect(answer.responseMode).toBe('lastNode');
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject(refuse);
		expect(answer.body.Official_Account).toBe('@TOA#_b'); // the whole item of the last node
	});

	test('an allow, and a code in 120001-130000, pass through as set', async () => {
		for (const values of [{ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }, { ActionStatus: 'OK', ErrorCode: 120001, ErrorInfo: 'spam' }]) {
			const answer = await post(triggerWorkflow({ events: [GROUP_BEFORE], options, values }), { query: callbackQuery(GROUP_BEFORE), body: body(GROUP_BEFORE) });
			expect(answer.body).toMatchObject(values);
		}
	});

	test('with Split Accounts the first item answers', async () => {
		const command = BEFORE;
		const payload = { ...body(command), SubscribeAccountList: [{ Subscriber_Account: 'a' }, { Subscriber_Account: 'b' }] };
		const values = '={{ { ActionStatus: "OK", ErrorCode: $json.account === "a" ? 1 : 0, ErrorInfo: "" } }}';
		const answer = await post(triggerWorkflow({ events: [command], options: { ...options, splitAccounts: true }, values }), { query: callbackQuery(command), body: payload });
		expect(emitted(answer).map((j) => j.account)).toEqual(['a', 'b']);
		expect(answer.body).toMatchObject({ account: 'a', ErrorCode: 1 });
	});

	test('an After event is still answered with the envelope at once (its reply is ignored), and runs', async () => {
		const answer = await post(triggerWorkflow({ events: [AFTER], options, values: refuse }), { query: callbackQuery(AFTER), body: body(AFTER) });
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(ENVELOPE);
		expect(answer.webhookResult.noWebhookResponse).toBe(true);
		expect(answer.started).toBe(true);
		expect(answer.result!.items('CRM')).toHaveLength(1);
	});

	test('a refused callback is still 401 and runs nothing', async () => {
		const answer = await post(triggerWorkflow({ events: [BEFORE], options, values: refuse }), { query: callbackQuery(BEFORE, { token: 'wrong' }), body: body(BEFORE) });
		expect(answer.status).toBe(401);
		expect(answer.started).toBe(false);
	});

	test('an event not selected is answered OK at once', async () => {
		const answer = await post(triggerWorkflow({ events: [AFTER], options }), { query: callbackQuery(BEFORE), body: body(BEFORE) });
		expect(answer.body).toEqual(OK);
		expect(answer.started).toBe(false);
	});
});
