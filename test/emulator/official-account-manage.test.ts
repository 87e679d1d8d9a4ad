// Official account management, subscriber Custom Data, sending and recalling: the commands of issue 11.

import { datasets, type Emulator } from '../../emulator';
import { call, ADD, SUBS, MSGS, useDemoEmulator } from './helpers';

const S = 'official_account_open_http_svc/';
const CREATE = S + 'create_official_account';
const INFO = S + 'get_official_account_info';
const FOLLOWED = S + 'get_subscribed_official_account_list';
const MODIFY = S + 'modify_official_account_base_info';
const DESTROY = S + 'destroy_official_account';
const MODIFY_SUB = S + 'modify_subscriber_info';
const SEND = S + 'send_official_account_msg';
const RECALL = S + 'official_account_msg_recall';
const OA = datasets.demo.officialAccountId;
const FAST = { minIntervalMs: 0, perHour: 1000 };

const demo = useDemoEmulator();
let emu: Emulator;
beforeAll(() => (emu = demo.emu));

const ok = (path: string, body: any) => demo.ok(path, body);
const fails = (path: string, body: any) => demo.fails(path, body);

const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];
const send = (account: string, t: string, more = {}) => ({ Official_Account: account, Random: 42, MsgBody: text(t), ...more });

describe('create_official_account', () => {
	test('a custom ID is kept; the account gets subscribers and reads back with every field', async () => {
		const created = await ok(CREATE, {
			Owner_Account: 'owner1',
			OfficialAccountUserID: '@TOA#_shop',
			Name: 'Shop 新闻',
			Introduction: 'Deals',
			FaceUrl: 'https://x.test/a.png',
			Organization: 'Acme',
			CustomString: 'tier=gold',
			MaxSubscriberNum: 2,
		});
		expect(created.OfficialAccountUserID).toBe('@TOA#_shop');
		const added = await ok(ADD, { Official_Account: '@TOA#_shop', SubscriberList: ['a', 'b', 'c'].map((id) => ({ Subscriber_Account: id })) });
		expect(added.SubscriberList.map((s) => s.Result)).toEqual([1, 1, 0]); // MaxSubscriberNum 2
		const info = await ok(INFO, { OfficialAccountIdList: [{ Official_Account: '@TOA#_shop' }] });
		expect(info.OfficialAccountInfoList).toEqual([
			{
				Official_Account: '@TOA#_shop',
				CreateTime: expect.any(Number),
				Name: 'Shop 新闻',
				Owner_Account: 'owner1',
				LastMsgTime: 0,
				SubscriberNum: 2,
				Introduction: 'Deals',
				FaceUrl: 'https://x.test/a.png',
				Organization: 'Acme',
				CustomString: 'tier=gold',
				ErrorCode: 0,
				ErrorInfo: '',
			},
		]);
	});

	test('without a custom ID the service makes one with the @TOA#_ prefix', async () => {
		const a = await ok(CREATE, { Owner_Account: 'owner1', Name: 'One' });
		const b = await ok(CREATE, { Owner_Account: 'owner1', Name: 'One' });
		expect(a.OfficialAccountUserID).toMatch(/^@TOA#_[0-9A-Z]+$/);
		expect(b.OfficialAccountUserID).not.toBe(a.OfficialAccountUserID);
	});

	test.each([
		['no owner', { Name: 'x' }],
		['no name', { Owner_Account: 'o' }],
		['Name of 153 bytes', { Owner_Account: 'o', Name: '新'.repeat(51) }],
		['Introduction over 400 bytes', { Owner_Account: 'o', Name: 'x', Introduction: 'i'.repeat(401) }],
		['FaceUrl over 500 bytes', { Owner_Account: 'o', Name: 'x', FaceUrl: 'u'.repeat(501) }],
		['Organization over 500 bytes', { Owner_Account: 'o', Name: 'x', Organization: 'o'.repeat(501) }],
		['CustomString over 3000 bytes', { Owner_Account: 'o', Name: 'x', CustomString: 'c'.repeat(3001) }],
		['custom ID without the prefix', { Owner_Account: 'o', Name: 'x', OfficialAccountUserID: 'shop' }],
	])('%s is refused with 6017', async (label, body) => {
		expect(await fails(CREATE, body)).toBe(6017);
	});

	test('the limits are bytes: 50 CJK characters (150 bytes) pass', async () => {
		await ok(CREATE, { Owner_Account: 'o', Name: '新'.repeat(50) });
	});

	test('a custom ID in use answers 130003 and changes nothing', async () => {
		expect(await fails(CREATE, { Owner_Account: 'o', Name: 'x', OfficialAccountUserID: OA })).toBe(130003);
	});
});

describe('get_official_account_info', () => {
	test('at most 50 IDs; an unknown one gets its own ErrorCode; the filter picks fields', async () => {
		const list = (n) => Array.from({ length: n }, (_, i) => ({ Official_Account: i ? `@TOA#_none${i}` : OA }));
		expect(await fails(INFO, { OfficialAccountIdList: list(51) })).toBe(6017);
		const r = await ok(INFO, { OfficialAccountIdList: list(2), ResponseFilter: { OfficialAccountBaseInfoFilter: ['Name', 'SubscriberNum'] } });
		expect(r.OfficialAccountInfoList).toEqual([
			{ Official_Account: OA, Name: 'demo_news', SubscriberNum: 3000, ErrorCode: 0, ErrorInfo: '' },
			{ Official_Account: '@TOA#_none1', ErrorCode: 130004, ErrorInfo: expect.any(String) },
		]);
		expect(await fails(INFO, { OfficialAccountIdList: list(1), ResponseFilter: { OfficialAccountBaseInfoFilter: ['Nope'] } })).toBe(6017);
	});
});

describe('get_subscribed_official_account_list', () => {
	test('the accounts a user follows, paged by Limit and Offset, with SelfInfo apart', async () => {
		for (const id of ['@TOA#_a', '@TOA#_b', '@TOA#_c']) emu.addOfficialAccount({ id, subscribers: [{ Subscriber_Account: 'fan', CustomString: id }] });
		emu.addOfficialAccount({ id: '@TOA#_other', subscribers: ['someone'] });
		const p1 = await ok(FOLLOWED, { Subscriber_Account: 'fan', Limit: 2, Offset: 0 });
		expect(p1).toMatchObject({ TotalCount: 3, CompleteFlag: 0, Next: 2 });
		expect(p1.OfficialAccountInfoList.map((a) => a.Official_Account)).toEqual(['@TOA#_a', '@TOA#_b']);
		expect(p1.OfficialAccountInfoList[0].SelfInfo).toEqual({ SubscribeTime: expect.any(Number), CustomString: '@TOA#_a' });
		expect(p1.OfficialAccountInfoList[0].CustomString).toBe(''); // the account's own field
		const p2 = await ok(FOLLOWED, { Subscriber_Account: 'fan', Limit: 2, Offset: 2 });
		expect(p2).toMatchObject({ TotalCount: 3, CompleteFlag: 1 });
		expect(p2.OfficialAccountInfoList.map((a) => a.Official_Account)).toEqual(['@TOA#_c']);
		expect(await fails(FOLLOWED, { Subscriber_Account: 'fan', Limit: 201 })).toBe(6017);
	});

	test('generated subscribers count too', async () => {
		const r = await ok(FOLLOWED, { Subscriber_Account: 'user000001' });
		expect(r.OfficialAccountInfoList.map((a) => a.Official_Account)).toEqual([OA]);
	});
});

describe('modify_official_account_base_info and destroy_official_account', () => {
	test('fields change under the Official_Account key; an empty change or another key is refused', async () => {
		await ok(MODIFY, { Official_Account: OA, Name: 'News 2', CustomString: 'x' });
		const r = await ok(INFO, { OfficialAccountIdList: [{ Official_Account: OA }] });
		expect(r.OfficialAccountInfoList[0]).toMatchObject({ Name: 'News 2', CustomString: 'x' });
		expect(await fails(MODIFY, { Official_Account: OA })).toBe(6017);
		expect(await fails(MODIFY, { OfficialAccount: OA, Name: 'y' })).toBe(6017);
		expect(await fails(MODIFY, { Official_Account: OA, Introduction: '简'.repeat(134) })).toBe(6017); // 402 bytes
		expect(await fails(MODIFY, { Official_Account: '@TOA#_none', Name: 'y' })).toBe(130004);
	});

	test('a destroyed account is gone for every API', async () => {
		await ok(DESTROY, { Official_Account: OA });
		expect(await fails(DESTROY, { Official_Account: OA })).toBe(130004);
		expect(await fails(SUBS, { Official_Account: OA, Limit: 1, Next: '' })).toBe(130004);
		expect(await fails(MSGS, { Official_Account: OA })).toBe(10010);
		expect(await fails(SEND, send(OA, 'hi'))).toBe(10010);
		const r = await ok(INFO, { OfficialAccountIdList: [{ Official_Account: OA }] });
		expect(r.OfficialAccountInfoList[0].ErrorCode).toBe(130004);
	});
});

describe('modify_subscriber_info', () => {
	test('CustomString shows in get_subscriber_info, for generated and added subscribers', async () => {
		await ok(ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: 'newbie' }] });
		await ok(MODIFY_SUB, { Official_Account: OA, Subscriber_Account: 'user000002', CustomString: 'tier:gold' });
		await ok(MODIFY_SUB, { Official_Account: OA, Subscriber_Account: 'newbie', CustomString: 'tier:silver' });
		const first = await ok(SUBS, { Official_Account: OA, Limit: 3, Next: '' });
		expect(first.SubscriberList[1]).toMatchObject({ Subscriber_Account: 'user000002', CustomString: 'tier:gold' });
		const followed = await ok(FOLLOWED, { Subscriber_Account: 'newbie' });
		expect(followed.OfficialAccountInfoList[0].SelfInfo.CustomString).toBe('tier:silver');
	});

	test('a user who does not follow, a missing CustomString or one over 3000 bytes is refused', async () => {
		expect(await fails(MODIFY_SUB, { Official_Account: OA, Subscriber_Account: 'stranger', CustomString: 'x' })).toBe(6017);
		expect(await fails(MODIFY_SUB, { Official_Account: OA, Subscriber_Account: 'user000001' })).toBe(6017);
		expect(await fails(MODIFY_SUB, { Official_Account: OA, Subscriber_Account: 'user000001', CustomString: 'x'.repeat(3001) })).toBe(6017);
	});
});

describe('send_official_account_msg', () => {
	test('a sent message is the newest in history under its MsgKey', async () => {
		emu.addOfficialAccount({ id: '@TOA#_s', messages: 3, sendLimits: FAST });
		const r = await ok(SEND, send('@TOA#_s', 'hello', { CloudCustomData: 'cd' }));
		expect(r.MsgKey).toMatch(/^4_1_\d+$/);
		expect(r.MsgKey).toBe(`4_1_${r.MsgTime}`);
		const history = await ok(MSGS, { Official_Account: '@TOA#_s', ReqMsgNumber: 1 });
		expect(history.RspMsgList).toEqual([
			{ From_Account: '@TOA#_s', IsPlaceMsg: 0, MsgBody: text('hello'), MsgSeq: 4, MsgKey: r.MsgKey, MsgTimeStamp: r.MsgTime, CloudCustomData: 'cd' },
		]);
		const info = await ok(INFO, { OfficialAccountIdList: [{ Official_Account: '@TOA#_s' }] });
		expect(info.OfficialAccountInfoList[0].LastMsgTime).toBe(r.MsgTime);
	});

	test('a second message within a second answers 10023; after a second it goes', async () => {
		emu.addOfficialAccount({ id: '@TOA#_pace', sendLimits: { perHour: 10 } });
		await ok(SEND, send('@TOA#_pace', 'one'));
		expect(await fails(SEND, send('@TOA#_pace', 'two'))).toBe(10023);
		emu.addOfficialAccount({ id: '@TOA#_other', sendLimits: { perHour: 10 } });
		await ok(SEND, send('@TOA#_other', 'two')); // the pace is per account
		await new Promise((resolve) => setTimeout(resolve, 1010));
		await ok(SEND, send('@TOA#_pace', 'two'));
	});

	test('the same content within 5 minutes is dropped silently; after 5 minutes it is stored', async () => {
		emu.addOfficialAccount({ id: '@TOA#_dup', sendLimits: FAST });
		const first = await ok(SEND, send('@TOA#_dup', 'same'));
		const again = await ok(SEND, { ...send('@TOA#_dup', 'same'), Random: 7 });
		expect(again).toMatchObject({ MsgKey: first.MsgKey, MsgTime: first.MsgTime });
		let history = await ok(MSGS, { Official_Account: '@TOA#_dup' });
		expect(history.RspMsgList).toHaveLength(1);
		emu.setOptions({ clockOffsetSeconds: 301 });
		const later = await ok(SEND, send('@TOA#_dup', 'same'));
		expect(later.MsgKey).not.toBe(first.MsgKey);
		history = await ok(MSGS, { Official_Account: '@TOA#_dup' });
		expect(history.RspMsgList).toHaveLength(2);
	});

	test('2 messages an hour by default: the third answers 10024 until the hour has passed', async () => {
		emu.addOfficialAccount({ id: '@TOA#_hour', sendLimits: { minIntervalMs: 0 } });
		await ok(SEND, send('@TOA#_hour', 'a'));
		await ok(SEND, send('@TOA#_hour', 'b'));
		expect(await fails(SEND, send('@TOA#_hour', 'c'))).toBe(10024);
		emu.setOptions({ clockOffsetSeconds: 3601 });
		await ok(SEND, send('@TOA#_hour', 'c'));
	});

	test.each([
		['no Random', { Random: undefined }, 10004],
		['a negative Random', { Random: -1 }, 10004],
		['an empty MsgBody', { MsgBody: [] }, 10004],
		['an unknown element', { MsgBody: [{ MsgType: 'TIMNopeElem', MsgContent: {} }] }, 10004],
		['a body over 12 KB', { MsgBody: text('x'.repeat(13000)) }, 10004],
		['OnlineOnlyFlag 2', { OnlineOnlyFlag: 2 }, 10004],
		['an empty account', { Official_Account: '' }, 10015],
		['an unknown account', { Official_Account: '@TOA#_none' }, 10010],
	])('%s answers %d', async (label, patch, code) => {
		emu.addOfficialAccount({ id: '@TOA#_bad', sendLimits: FAST });
		const body: Record<string, unknown> = { ...send('@TOA#_bad', 'x'), ...patch };
		for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
		expect(await fails(SEND, body)).toBe(code);
	});

	test('appliedThen502: the message is stored although the answer is a 502', async () => {
		emu.addOfficialAccount({ id: '@TOA#_f', sendLimits: FAST });
		emu.setOptions({ faults: { appliedThen502: 1 } });
		const r = await call(emu, SEND, send('@TOA#_f', 'lost answer'));
		expect(r.status).toBe(502);
		emu.setOptions({ faults: { appliedThen502: 0 } });
		const history = await ok(MSGS, { Official_Account: '@TOA#_f' });
		expect(history.RspMsgList.map((m) => m.MsgBody)).toEqual([text('lost answer')]);
	});
});

describe('official_account_msg_recall', () => {
	test('a recalled message turns into IsPlaceMsg 2; each key gets its RetCode', async () => {
		emu.addOfficialAccount({ id: '@TOA#_r', messages: 2, sendLimits: FAST });
		const sent = await ok(SEND, send('@TOA#_r', 'oops'));
		const history = await ok(MSGS, { Official_Account: '@TOA#_r' });
		const older = history.RspMsgList[0].MsgKey;
		const r = await ok(RECALL, { Official_Account: '@TOA#_r', MsgKeyList: [sent.MsgKey, older, '9_1_1', 'junk'], Reason: 'typo' });
		expect(r.RecallRetList).toEqual([
			{ MsgKey: sent.MsgKey, RetCode: 0 },
			{ MsgKey: older, RetCode: 0 },
			{ MsgKey: '9_1_1', RetCode: 10030 },
			{ MsgKey: 'junk', RetCode: 10030 },
		]);
		const after = await ok(MSGS, { Official_Account: '@TOA#_r', WithRecalledMsg: 1 });
		expect(after.RspMsgList.map((m) => [m.MsgKey, m.IsPlaceMsg, m.MsgBody])).toEqual([
			[older, 2, []],
			[history.RspMsgList[1].MsgKey, 0, expect.any(Array)],
			[sent.MsgKey, 2, []],
		]);
		const again = await ok(RECALL, { Official_Account: '@TOA#_r', MsgKeyList: [sent.MsgKey] });
		expect(again.RecallRetList).toEqual([{ MsgKey: sent.MsgKey, RetCode: 10031 }]);
	});

	test('1 to 10 keys, a Reason of at most 100 bytes', async () => {
		const keys = (n) => Array.from({ length: n }, (_, i) => `${i + 1}_1_1`);
		expect(await fails(RECALL, { Official_Account: OA, MsgKeyList: keys(11) })).toBe(10004);
		expect(await fails(RECALL, { Official_Account: OA, MsgKeyList: [] })).toBe(10004);
		expect(await fails(RECALL, { Official_Account: OA, MsgKeyList: keys(1), Reason: 'r'.repeat(101) })).toBe(10004);
		expect(await fails(RECALL, { Official_Account: '@TOA#_none', MsgKeyList: keys(1) })).toBe(10010);
		await ok(RECALL, { Official_Account: OA, MsgKeyList: keys(10), Reason: 'r'.repeat(100) });
	});
});

describe('faults on the new commands', () => {
	test.each([
		['create_official_account', CREATE, () => ({ Owner_Account: 'o', Name: 'x', OfficialAccountUserID: '@TOA#_fault' }), () => emu.state.findAccount(datasets.demo.sdkAppId, '@TOA#_fault') !== undefined],
		['destroy_official_account', DESTROY, () => ({ Official_Account: OA }), () => emu.state.findAccount(datasets.demo.sdkAppId, OA) === undefined],
		['modify_subscriber_info', MODIFY_SUB, () => ({ Official_Account: OA, Subscriber_Account: 'user000003', CustomString: 'set' }), () => emu.state.findAccount(datasets.demo.sdkAppId, OA)!.subscribers.recordOf('user000003')!.CustomString === 'set'],
		['official_account_msg_recall', RECALL, () => ({ Official_Account: OA, MsgKeyList: [emu.state.findAccount(datasets.demo.sdkAppId, OA)!.messages.get(240).MsgKey] }), () => emu.state.findAccount(datasets.demo.sdkAppId, OA)!.messages.get(240).IsPlaceMsg === 2],
	])('appliedThenReset on %s: the connection resets and the change stays', async (command, path, body, applied) => {
		emu.setOptions({ faults: { appliedThenReset: 1 } });
		await expect(call(emu, path, body())).rejects.toThrow();
		expect(applied()).toBe(true);
		expect(emu.requests().at(-1)).toMatchObject({ command, fault: 'appliedThenReset' });
	});

	test('http502 on send: nothing is stored', async () => {
		emu.setOptions({ faults: { http502: 1 } });
		const r = await call(emu, SEND, send(OA, 'never'));
		expect(r.status).toBe(502);
		expect(emu.state.findAccount(datasets.demo.sdkAppId, OA)!.messages.count).toBe(240);
	});
});

