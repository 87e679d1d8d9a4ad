// The emulator's third-party callbacks: a real receiver on 127.0.0.1 gets them signed, with Tencent's query
// parameters, and a Before reply that refuses leaves the state unchanged.
import { createHash } from 'node:crypto';
import { startEmulator, EmulatorClient, type Emulator } from '../../emulator';
import { callbackSign } from '../../emulator/callbacks';
import { startCallbackReceiver } from '../support/callbackReceiver';
import { DEMO, call, ADD, DEL } from './helpers';

const OA = '@TOA#_cb';
const TOKEN = 'cb-token-5d1e';
const BEFORE = 'OfficialAccount.CallbackBeforeAddSubscriber';
const AFTER = 'OfficialAccount.CallbackAfterAddSubscriber';
const DELETED = 'OfficialAccount.CallbackAfterDeleteSubscriber';
const FULL = 'OfficialAccount.CallbackAfterOfficialAccountFull';

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
beforeAll(async () => {
	receiver = await startCallbackReceiver();
	emu = await startEmulator({
		seed: 'demo',
		rateLimit: false,
		officialAccounts: [{ id: OA, subscribers: ['old1'] }, { id: '@TOA#_small', subscribers: ['a'], maxSubscribers: 2 }],
	});
});
afterAll(async () => {
	await emu.close();
	await receiver.close();
});
beforeEach(() => {
	emu.reset();
	emu.setOptions({ callbackUrl: receiver.url, callbackToken: TOKEN });
	receiver.received.length = 0;
	receiver.setReply(() => ({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }));
});

const add = (ids: string[], account = OA) => call(emu, ADD, { Official_Account: account, SubscriberList: ids.map((id) => ({ Subscriber_Account: id })) });
const results = (r) => r.json.SubscriberList.map((s) => s.Result);

describe('signing and query parameters', () => {
	test('the documented example: token xxxxyyyy at 1669872112 (https://trtc.io/document/34354)', () => {
		expect(callbackSign('xxxxyyyy', 1669872112)).toBe('17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061');
	});

	test('Before then After for an add, each with SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform, Sign, RequestTime', async () => {
		const before = Date.now();
		expect(results(await add(['new1', 'old1', 'new2']))).toEqual([1, 2, 1]);
		await emu.callbacksIdle();
		expect(receiver.received.map((r) => r.query.CallbackCommand)).toEqual([BEFORE, AFTER]);
		for (const r of receiver.received) {
			expect(r.method).toBe('POST');
			expect(r.path).toBe('/tencent');
			expect(Object.keys(r.query).sort()).toEqual(
				['CallbackCommand', 'ClientIP', 'OptPlatform', 'RequestTime', 'SdkAppid', 'Sign', 'contenttype'].sort(),
			);
			expect(r.query).toMatchObject({ SdkAppid: String(DEMO.sdkAppId), contenttype: 'json', ClientIP: '127.0.0.1', OptPlatform: 'RESTAPI' });
			const expected = createHash('sha256').update(TOKEN + r.query.RequestTime).digest('hex');
			expect(r.query.Sign).toBe(expected);
			expect(Math.abs(Number(r.query.RequestTime) - Date.now() / 1000)).toBeLessThan(5);
			expect(r.headers['content-type']).toMatch(/^application\/json/);
			expect(r.body.EventTime).toBeGreaterThanOrEqual(before);
			expect(r.body.EventTime).toBeLessThanOrEqual(Date.now());
		}
		// Before lists the IDs about to be added (not old1, already there); After those that were.
		const [b, a] = receiver.received;
		const list = [{ Subscriber_Account: 'new1' }, { Subscriber_Account: 'new2' }];
		expect(b.body).toEqual({ CallbackCommand: BEFORE, Official_Account: OA, Operator_Account: DEMO.identifier, SubscribeAccountList: list, EventTime: b.body.EventTime });
		expect(a.body).toEqual({ CallbackCommand: AFTER, Official_Account: OA, Operator_Account: DEMO.identifier, SubscribeAccountList: list, EventTime: a.body.EventTime });
	});

	test('without a token there is no Sign and no RequestTime', async () => {
		emu.setOptions({ callbackToken: null });
		await add(['n1']);
		await emu.callbacksIdle();
		expect(receiver.received).toHaveLength(2);
		for (const r of receiver.received) expect(r.query.Sign === undefined && r.query.RequestTime === undefined).toBe(true);
	});

	test('callbackCommands limits what is sent; without a URL nothing is', async () => {
		emu.setOptions({ callbackCommands: [AFTER] });
		await add(['n1']);
		await emu.callbacksIdle();
		expect(receiver.received.map((r) => r.query.CallbackCommand)).toEqual([AFTER]);
		emu.setOptions({ callbackUrl: null });
		await add(['n2']);
		await emu.callbacksIdle();
		expect(receiver.received).toHaveLength(1);
	});

	test('a delete sends CallbackAfterDeleteSubscriber with the removed IDs only', async () => {
		const r = await call(emu, DEL, { Official_Account: OA, SubscriberToDel_Account: ['old1', 'never'] });
		expect(results(r)).toEqual([1, 2]);
		await emu.callbacksIdle();
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].body).toMatchObject({
			CallbackCommand: DELETED,
			Official_Account: OA,
			Operator_Account: DEMO.identifier,
			SubscribeAccountList: [{ Subscriber_Account: 'old1' }],
		});
	});

	test('the add that fills an account sends CallbackAfterOfficialAccountFull once', async () => {
		await add(['b'], '@TOA#_small');
		await add(['c'], '@TOA#_small');
		await emu.callbacksIdle();
		expect(receiver.of(FULL).map((r) => r.body.Official_Account)).toEqual(['@TOA#_small']);
	});
});

describe('Before replies', () => {
	test('ErrorCode 1 refuses: the subscribers read Result 0, the state is unchanged, no After callback', async () => {
		receiver.setReply(() => ({ ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'not allowed' }));
		expect(results(await add(['x1', 'x2']))).toEqual([0, 0]);
		await emu.callbacksIdle();
		expect(emu.getSubscribers(OA)).toEqual(['old1']);
		expect(receiver.received.map((r) => r.query.CallbackCommand)).toEqual([BEFORE]);
	});

	test('RefusedSubscribers_Account refuses only those listed', async () => {
		receiver.setReply(() => ({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RefusedSubscribers_Account: ['x2'] }));
		expect(results(await add(['x1', 'x2', 'x3']))).toEqual([1, 0, 1]);
		await emu.callbacksIdle();
		expect(emu.getSubscribers(OA)).toEqual(['old1', 'x1', 'x3']);
		expect(receiver.of(AFTER)[0].body.SubscribeAccountList).toEqual([{ Subscriber_Account: 'x1' }, { Subscriber_Account: 'x3' }]);
	});

	test('a receiver that does not answer in time lets the add go ahead, as Tencent does', async () => {
		emu.setOptions({ callbackTimeoutMs: 50 });
		receiver.setReply(() => new Promise((resolve) => setTimeout(() => resolve({ ErrorCode: 1 }), 300)));
		expect(results(await add(['late']))).toEqual([1]);
		expect(emu.getSubscribers(OA)).toContain('late');
		expect(emu.callbackLog()[0].error).toMatch(/within 50 ms/);
		await emu.callbacksIdle();
		expect(emu.callbackLog().map((e) => e.command)).toEqual([BEFORE, AFTER]);
	});
});

describe('sending on demand (control route)', () => {
	test('a series at a rate, each logged with its answer time; overrides change the query', async () => {
		const client = new EmulatorClient(emu.url as string);
		const summary = await client.sendCallback({ command: AFTER, payload: { Official_Account: OA, SubscribeAccountList: [{ Subscriber_Account: 'u{i}' }] }, count: 5, ratePerSecond: 50 });
		expect(summary).toMatchObject({ sent: 5, statuses: { 200: 5 }, errors: 0 });
		expect(receiver.received.map((r) => r.body.SubscribeAccountList[0].Subscriber_Account)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
		const one = await client.sendCallback({ command: AFTER, payload: {}, query: { Sign: 'bad', SdkAppid: '1' }, requestTime: 1000 });
		expect(one.entry?.query).toMatchObject({ Sign: 'bad', SdkAppid: '1', RequestTime: '1000' });
		expect(await client.callbackLog()).toHaveLength(6);
		await client.clearCallbacks();
		expect(await client.callbackLog()).toHaveLength(0);
	});
});

describe('official account management and messages', () => {
	const CREATE = 'official_account_open_http_svc/create_official_account';
	const MODIFY = 'official_account_open_http_svc/modify_official_account_base_info';
	const DESTROY = 'official_account_open_http_svc/destroy_official_account';
	const SEND = 'official_account_open_http_svc/send_official_account_msg';
	const RECALL = 'official_account_open_http_svc/official_account_msg_recall';

	test('create, change, send, recall and destroy each send their After callback', async () => {
		const created = await call(emu, CREATE, { Owner_Account: 'owner1', Name: 'Events', OfficialAccountUserID: '@TOA#_events' });
		expect(created.json.ErrorCode).toBe(0);
		await call(emu, MODIFY, { Official_Account: '@TOA#_events', Name: 'Events 2' });
		const sent = await call(emu, SEND, { Official_Account: '@TOA#_events', Random: 7, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] });
		expect(sent.json.ErrorCode).toBe(0);
		await call(emu, RECALL, { Official_Account: '@TOA#_events', MsgKeyList: [sent.json.MsgKey] });
		await call(emu, DESTROY, { Official_Account: '@TOA#_events' });
		await emu.callbacksIdle();
		const seen = receiver.received.map((r) => [r.query.CallbackCommand, r.body]);
		const base = (command: string) => ({ CallbackCommand: command, EventTime: expect.any(Number) });
		expect(seen).toEqual([
			['OfficialAccount.CallbackAfterCreateOfficialAccount', { ...base('OfficialAccount.CallbackAfterCreateOfficialAccount'), Official_Account: '@TOA#_events', Operator_Account: DEMO.identifier, Owner_Account: 'owner1', Name: 'Events' }],
			['OfficialAccount.CallbackAfterOfficialAccountInfoChanged', { ...base('OfficialAccount.CallbackAfterOfficialAccountInfoChanged'), Official_Account: '@TOA#_events', Operator_Account: DEMO.identifier, Name: 'Events 2' }],
			['OfficialAccount.CallbackAfterSendMsg', { ...base('OfficialAccount.CallbackAfterSendMsg'), Official_Account: '@TOA#_events', MsgKey: sent.json.MsgKey, MsgTime: sent.json.MsgTime, OnlineOnlyFlag: 0, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }], CloudCustomData: '' }],
			['OfficialAccount.CallbackAfterMsgWithDraw', { ...base('OfficialAccount.CallbackAfterMsgWithDraw'), Official_Account: '@TOA#_events', Operator_Account: DEMO.identifier, MsgKey: sent.json.MsgKey }],
			['OfficialAccount.CallbackAfterOfficialAccountDestroyed', { ...base('OfficialAccount.CallbackAfterOfficialAccountDestroyed'), Official_Account: '@TOA#_events', Operator_Account: DEMO.identifier }],
		]);
	});
});

describe('group members', () => {
	const ADD_MEMBER = 'group_open_http_svc/add_group_member';
	const DEL_MEMBER = 'group_open_http_svc/delete_group_member';

	test('add and delete send Member Joined and Member Left with those who joined or left', async () => {
		emu.addGroup({ id: '@TGS#cbgroup', type: 'Public', members: [{ Member_Account: 'owner', Role: 'Owner' }, { Member_Account: 'm1', Role: 'Member' }] });
		const added = await call(emu, ADD_MEMBER, { GroupId: '@TGS#cbgroup', MemberList: [{ Member_Account: 'm1' }, { Member_Account: 'm2' }] });
		expect(added.json.MemberList.map((m) => m.Result)).toEqual([2, 1]);
		const removed = await call(emu, DEL_MEMBER, { GroupId: '@TGS#cbgroup', MemberToDel_Account: ['m1', 'never'] });
		expect(removed.json.ErrorCode).toBe(0);
		await emu.callbacksIdle();
		expect(receiver.received.map((r) => r.body)).toEqual([
			{ CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId: '@TGS#cbgroup', Type: 'Public', JoinType: 'Invited', Operator_Account: DEMO.identifier, NewMemberList: [{ Member_Account: 'm2' }], EventTime: expect.any(Number) },
			{ CallbackCommand: 'Group.CallbackAfterMemberExit', GroupId: '@TGS#cbgroup', Type: 'Public', ExitType: 'Kicked', Operator_Account: DEMO.identifier, ExitMemberList: [{ Member_Account: 'm1' }], EventTime: expect.any(Number) },
		]);
	});
});
