// Group events: each reaches the workflow with the event fields and Tencent's payload; member lists split per account.
import { APP, OK, callbackQuery, triggerWorkflow, post, emitted } from '../../support/trigger';

const GROUP = '@TGS#_team';
const EVENT_TIME = 1796115600456;
const ISO = new Date(EVENT_TIME).toISOString();
const members = (...ids: string[]) => ids.map((id) => ({ Member_Account: id }));
const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];

// Payloads as the group callback pages show them (https://trtc.io/document/34354 and one page per event).
const EVENTS = {
	'Group.CallbackAfterNewMemberJoin': { GroupId: GROUP, Type: 'Public', JoinType: 'Apply', Operator_Account: 'leader', NewMemberList: members('m1', 'm2') },
	'Group.CallbackAfterMemberExit': { GroupId: GROUP, Type: 'Public', ExitType: 'Kicked', Operator_Account: 'leader', ExitMemberList: members('m3') },
	'Group.CallbackAfterSendMsg': { GroupId: GROUP, Type: 'Public', From_Account: 'm1', Operator_Account: '', Random: 1234, MsgSeq: 77, MsgTime: 1796115600, OnlineOnlyFlag: 0, MsgBody: text('hi') },
	'Group.CallbackAfterRecallMsg': { GroupId: GROUP, Type: 'Public', Operator_Account: 'm1', MsgSeqList: [{ MsgSeq: 77 }] },
	'Group.CallbackAfterCreateGroup': { GroupId: GROUP, Type: 'Public', Operator_Account: 'leader', Owner_Account: 'leader', Name: 'Team', MemberList: members('leader', 'm1') },
	'Group.CallbackAfterGroupDestroyed': { GroupId: GROUP, Type: 'Public', Owner_Account: 'leader', Name: 'Team', MemberList: members('leader') },
	'Group.CallbackAfterGroupInfoChanged': { GroupId: GROUP, Type: 'Public', Operator_Account: 'leader', Name: 'Team B' },
	'Group.CallbackBeforeApplyJoinGroup': { GroupId: GROUP, Type: 'Public', Requestor_Account: 'newcomer' },
	'Group.CallbackBeforeInviteJoinGroup': { GroupId: GROUP, Type: 'Public', Operator_Account: 'leader', DestinationMembers: members('i1', 'i2') },
	'Group.CallbackBeforeSendMsg': { GroupId: GROUP, Type: 'Public', From_Account: 'm1', Operator_Account: '', Random: 99, MsgBody: text('draft') },
};

describe.each(Object.entries(EVENTS))('%s', (command, payload) => {
	test('one item with the event fields and the whole payload; Tencent gets OK', async () => {
		const body = { CallbackCommand: command, ...payload, EventTime: EVENT_TIME };
		const answer = await post(triggerWorkflow({ events: [command] }), { query: callbackQuery(command, { OptPlatform: 'Android', ClientIP: '198.51.100.2' }), body });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual(OK);
		expect(emitted(answer)).toEqual([{ event: command, sdkAppId: APP.sdkAppId, clientIp: '198.51.100.2', platform: 'Android', eventTime: ISO, ...body }]);
	});
});

describe('Split Accounts', () => {
	test.each([
		['Group.CallbackAfterNewMemberJoin', 'NewMemberList', ['m1', 'm2']],
		['Group.CallbackAfterMemberExit', 'ExitMemberList', ['m3']],
		['Group.CallbackAfterCreateGroup', 'MemberList', ['leader', 'm1']],
		['Group.CallbackBeforeInviteJoinGroup', 'DestinationMembers', ['i1', 'i2']],
	])('%s: one item per account of %s', async (command, list, accounts) => {
		const body = { CallbackCommand: command, ...EVENTS[command], EventTime: EVENT_TIME };
		const answer = await post(triggerWorkflow({ events: [command], options: { splitAccounts: true } }), { query: callbackQuery(command), body });
		const out = emitted(answer);
		expect(out.map((j) => j.account)).toEqual(accounts);
		for (const json of out) {
			expect(json[list]).toBeUndefined();
			expect(json).toMatchObject({ event: command, GroupId: GROUP, eventTime: ISO });
		}
	});
});

test('a group event does not start a trigger that listens to official account events only', async () => {
	const command = 'Group.CallbackAfterNewMemberJoin';
	const answer = await post(triggerWorkflow({ events: ['OfficialAccount.CallbackAfterAddSubscriber'] }), { query: callbackQuery(command), body: EVENTS[command] });
	expect(answer.body).toEqual(OK);
	expect(answer.started).toBe(false);
});
