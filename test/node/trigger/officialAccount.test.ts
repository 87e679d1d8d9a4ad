// Official account events: each reaches the workflow as { event, sdkAppId, clientIp, platform, eventTime, ...payload }.
import { APP, OK, callbackQuery, triggerWorkflow, post, emitted } from '../../support/trigger';

const OA = '@TOA#_news';
const EVENT_TIME = 1796115600123; // 2026-12-01T09:40:00.123Z
const ISO = new Date(EVENT_TIME).toISOString();
const subscribers = (...ids: string[]) => ids.map((id) => ({ Subscriber_Account: id }));

// Payloads as the event pages show them (https://trtc.io/document/60800, 60802, 34354).
const EVENTS = {
	'OfficialAccount.CallbackAfterAddSubscriber': { Official_Account: OA, Operator_Account: 'admin', SubscribeAccountList: subscribers('u1', 'u2') },
	'OfficialAccount.CallbackAfterDeleteSubscriber': { Official_Account: OA, Operator_Account: 'u3', SubscribeAccountList: subscribers('u3') },
	'OfficialAccount.CallbackAfterSendMsg': {
		Official_Account: OA,
		MsgKey: '12_1_1796115600',
		MsgTime: 1796115600,
		OnlineOnlyFlag: 0,
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello' } }],
		CloudCustomData: '',
	},
	'OfficialAccount.CallbackAfterMsgWithDraw': { Official_Account: OA, MsgKey: '12_1_1796115600' },
	'OfficialAccount.CallbackAfterCreateOfficialAccount': { Official_Account: OA, Name: 'News', Owner_Account: 'admin' },
	'OfficialAccount.CallbackAfterOfficialAccountInfoChanged': { Official_Account: OA, Name: 'News 2' },
	'OfficialAccount.CallbackAfterOfficialAccountDestroyed': { Official_Account: OA },
	'OfficialAccount.CallbackAfterOfficialAccountFull': { Official_Account: OA },
	'OfficialAccount.CallbackBeforeAddSubscriber': { Official_Account: OA, Operator_Account: 'u9', SubscribeAccountList: subscribers('u9') },
	'OfficialAccount.CallbackBeforeSendMsg': { Official_Account: OA, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'draft' } }] },
};

describe.each(Object.entries(EVENTS))('%s', (command, payload) => {
	test('selected by its own value: one item with the event fields and the whole payload; Tencent gets OK', async () => {
		const body = { CallbackCommand: command, ...payload, EventTime: EVENT_TIME };
		const answer = await post(triggerWorkflow({ events: [command] }), { query: callbackQuery(command), body });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual(OK);
		expect(emitted(answer)).toEqual([{ event: command, sdkAppId: APP.sdkAppId, clientIp: '203.0.113.7', platform: 'RESTAPI', eventTime: ISO, ...body }]);
		expect(answer.result!.items('CRM').map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
	});
});

describe('Split Accounts', () => {
	const command = 'OfficialAccount.CallbackAfterAddSubscriber';
	const body = { CallbackCommand: command, ...EVENTS[command], EventTime: EVENT_TIME };

	test('one item per subscriber, each with `account` instead of the list, in list order', async () => {
		const answer = await post(triggerWorkflow({ events: [command], options: { splitAccounts: true } }), { query: callbackQuery(command), body });
		const common = { event: command, sdkAppId: APP.sdkAppId, clientIp: '203.0.113.7', platform: 'RESTAPI', eventTime: ISO, CallbackCommand: command, Official_Account: OA, Operator_Account: 'admin', EventTime: EVENT_TIME };
		expect(emitted(answer)).toEqual([{ ...common, account: 'u1' }, { ...common, account: 'u2' }]);
		expect(answer.result!.items('CRM').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('off (the default): the list stays whole', async () => {
		const answer = await post(triggerWorkflow({ events: [command] }), { query: callbackQuery(command), body });
		expect(emitted(answer)).toHaveLength(1);
		expect(emitted(answer)[0].SubscribeAccountList).toEqual(subscribers('u1', 'u2'));
	});

	test('an event without a list is one item as is', async () => {
		const full = 'OfficialAccount.CallbackAfterOfficialAccountFull';
		const answer = await post(triggerWorkflow({ events: [full], options: { splitAccounts: true } }), { query: callbackQuery(full), body: { CallbackCommand: full, Official_Account: OA } });
		expect(emitted(answer)).toHaveLength(1);
		expect(emitted(answer)[0].account).toBeUndefined();
	});
});

describe('eventTime', () => {
	const command = 'OfficialAccount.CallbackAfterOfficialAccountDestroyed';
	test('from RequestTime (seconds) when the payload has no EventTime', async () => {
		const requestTime = Math.floor(Date.now() / 1000) - 10;
		const answer = await post(triggerWorkflow({ events: [command] }), { query: callbackQuery(command, { requestTime }), body: { Official_Account: OA } });
		expect(emitted(answer)[0].eventTime).toBe(new Date(requestTime * 1000).toISOString());
	});
});
