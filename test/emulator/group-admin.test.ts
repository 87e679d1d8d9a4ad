// The group member admin APIs: add, delete, specified info, roles, modify, mute, muted list,
// the app's group list (1 call a second) and group info; caps, Result values, refused group types,
// and state that get_group_member_info sees.

import { startEmulator, type Emulator } from '../../emulator';
import { call, MEMBERS } from './helpers';

const G = 'group_open_http_svc/';
const PUB = '@TGS#2PUB';
const WORK = '@TGS#2WORK';
const AV = '@TGS#aAVROOM';
const COMM = '@TGS#_COMM';
const NOW = () => Math.floor(Date.now() / 1000);

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({
		apps: [{ sdkAppId: 1400000001, secretKey: 'demo-secret-key-do-not-use', admins: ['administrator'] }],
		groups: [
			{ id: PUB, type: 'Public', name: 'Pub Lounge', members: 10, customFields: ['Level'] },
			{ id: WORK, type: 'Work', members: 5 },
			{ id: AV, type: 'AVChatRoom', members: 0 },
			{ id: COMM, type: 'Community', members: 4 },
			{ id: '@TGS#2INVITE', type: 'Public', members: 1, inviteNeedsConfirmation: true },
			{ id: '@TGS#2SMALL', type: 'Public', members: 2, maxMembers: 3 },
		],
		rateLimit: false,
	});
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function api(command: string, body: any) {
	return (await call(emu, G + command, body)).json;
}
async function code(command: string, body: any) {
	const r = await api(command, body);
	expect(r.ActionStatus).toBe('FAIL');
	return r.ErrorCode;
}
const ids = (n, p = 'new') => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('add_group_member', () => {
	test('Result 1 added, 2 already a member (also within one call), 0 invalid; Get Many lists them', async () => {
		const r = await api('add_group_member', { GroupId: PUB, MemberList: [{ Member_Account: 'alice' }, { Member_Account: 'member000002' }, { Member_Account: 'alice' }, { Member_Account: '' }] });
		expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
		expect(r.MemberList).toEqual([
			{ Member_Account: 'alice', Result: 1 },
			{ Member_Account: 'member000002', Result: 2 },
			{ Member_Account: 'alice', Result: 2 },
			{ Member_Account: '', Result: 0 },
		]);
		const list = (await call(emu, MEMBERS, { GroupId: PUB, Limit: 100, Offset: 0 })).json;
		expect(list.MemberNum).toBe(11);
		expect(list.MemberList[10]).toMatchObject({ Member_Account: 'alice', Role: 'Member', MuteUntil: 0, NameCard: '' });
	});
	test('300 a call, Result 3 when the group asks the invitee, 0 and 10014 when full', async () => {
		expect(await code('add_group_member', { GroupId: PUB, MemberList: ids(301).map((Member_Account) => ({ Member_Account })) })).toBe(10004);
		expect((await api('add_group_member', { GroupId: PUB, MemberList: ids(300).map((Member_Account) => ({ Member_Account })) })).MemberList.every((m) => m.Result === 1)).toBe(true);
		expect((await api('add_group_member', { GroupId: '@TGS#2INVITE', MemberList: [{ Member_Account: 'bob' }] })).MemberList).toEqual([{ Member_Account: 'bob', Result: 3 }]);
		expect((await api('add_group_member', { GroupId: '@TGS#2SMALL', MemberList: [{ Member_Account: 'a' }, { Member_Account: 'b' }] })).MemberList).toEqual([
			{ Member_Account: 'a', Result: 1 },
			{ Member_Account: 'b', Result: 0 },
		]);
		expect(await code('add_group_member', { GroupId: '@TGS#2SMALL', MemberList: [{ Member_Account: 'c' }] })).toBe(10014);
	});
	test('AVChatRoom refuses (10007); unknown group 10010; bad ID 10015', async () => {
		expect(await code('add_group_member', { GroupId: AV, MemberList: [{ Member_Account: 'a' }] })).toBe(10007);
		expect(await code('add_group_member', { GroupId: '@TGS#2NONE', MemberList: [{ Member_Account: 'a' }] })).toBe(10010);
		expect(await code('add_group_member', { GroupId: 'nope', MemberList: [{ Member_Account: 'a' }] })).toBe(10015);
	});
});

describe('delete_group_member', () => {
	test('removes members, succeeds for non-members, at most 100, not the owner, not AVChatRoom', async () => {
		expect(await api('delete_group_member', { GroupId: PUB, MemberToDel_Account: ['member000002', 'stranger'], Silence: 1, Reason: 'churned' })).toMatchObject({ ActionStatus: 'OK' });
		expect(emu.getMembers(PUB)).not.toContain('member000002');
		expect(emu.getMembers(PUB)).toHaveLength(9);
		expect(await code('delete_group_member', { GroupId: PUB, MemberToDel_Account: ids(101) })).toBe(10004);
		expect(await code('delete_group_member', { GroupId: PUB, MemberToDel_Account: ['member000001'] })).toBe(10004);
		expect(await code('delete_group_member', { GroupId: AV, MemberToDel_Account: ['a'] })).toBe(10007);
	});
});

describe('get_role_in_group and get_specified_group_member_info', () => {
	test('roles, NotMember, 500 a call, AVChatRoom refused', async () => {
		const r = await api('get_role_in_group', { GroupId: PUB, User_Account: ['member000001', 'member000003', 'stranger'] });
		expect(r.UserIdList).toEqual([
			{ Member_Account: 'member000001', Role: 'Owner' },
			{ Member_Account: 'member000003', Role: expect.stringMatching(/^(Admin|Member)$/) },
			{ Member_Account: 'stranger', Role: 'NotMember' },
		]);
		expect((await api('get_role_in_group', { GroupId: PUB, User_Account: ids(500) })).UserIdList).toHaveLength(500);
		expect(await code('get_role_in_group', { GroupId: PUB, User_Account: ids(501) })).toBe(10004);
		expect(await code('get_role_in_group', { GroupId: AV, User_Account: ['a'] })).toBe(10007);
	});
	test('specified info: members only, filters like get_group_member_info, 50 a call', async () => {
		const r = await api('get_specified_group_member_info', { GroupId: PUB, Member_List_Account: ['member000002', 'stranger'], MemberInfoFilter: ['Role'], AppDefinedDataFilter_GroupMember: ['Level'] });
		expect(r.MemberList).toHaveLength(1);
		expect(Object.keys(r.MemberList[0])).toEqual(['Member_Account', 'Role', 'AppMemberDefinedData']);
		const full = await api('get_specified_group_member_info', { GroupId: PUB, Member_List_Account: ['member000002'] });
		const listed = (await call(emu, MEMBERS, { GroupId: PUB, Limit: 2, Offset: 0 })).json.MemberList[1];
		expect(full.MemberList[0]).toEqual(listed);
		expect(await code('get_specified_group_member_info', { GroupId: PUB, Member_List_Account: ids(51) })).toBe(10004);
		expect(await code('get_specified_group_member_info', { GroupId: AV, Member_List_Account: ['a'] })).toBe(10007);
	});
});

describe('modify_group_member_info', () => {
	test('role, name card, flag and custom data show in Get Many', async () => {
		const body = { GroupId: PUB, Member_Account: 'member000002', Role: 'Admin', NameCard: 'VIP', MsgFlag: 'Discard', AppMemberDefinedData: [{ Key: 'Level', Value: '9' }] };
		expect(await api('modify_group_member_info', body)).toMatchObject({ ActionStatus: 'OK' });
		const m = (await call(emu, MEMBERS, { GroupId: PUB, Limit: 2, Offset: 0 })).json.MemberList[1];
		expect(m).toMatchObject({ Role: 'Admin', NameCard: 'VIP', MsgFlag: 'Discard', AppMemberDefinedData: [{ Key: 'Level', Value: '9' }] });
		const admins = (await call(emu, MEMBERS, { GroupId: PUB, MemberRoleFilter: ['Admin'], Limit: 100, Offset: 0 })).json.MemberList;
		expect(admins.map((a) => a.Member_Account)).toContain('member000002');
	});
	test('refusals: 50-byte name card, owner role, non-member, unknown key, nothing to change, Work admin, AVChatRoom', async () => {
		const base = { GroupId: PUB, Member_Account: 'member000002' };
		expect(await code('modify_group_member_info', { ...base, NameCard: 'é'.repeat(26) })).toBe(10004);
		expect(await api('modify_group_member_info', { ...base, NameCard: 'é'.repeat(25) })).toMatchObject({ ActionStatus: 'OK' });
		expect(await code('modify_group_member_info', { ...base, Member_Account: 'member000001', Role: 'Member' })).toBe(10004);
		expect(await code('modify_group_member_info', { ...base, Role: 'Owner' })).toBe(10004);
		expect(await code('modify_group_member_info', { ...base, Member_Account: 'stranger', NameCard: 'x' })).toBe(10004);
		expect(await code('modify_group_member_info', { ...base, AppMemberDefinedData: [{ Key: 'Nope', Value: '1' }] })).toBe(10004);
		expect(await code('modify_group_member_info', base)).toBe(10004);
		expect(await code('modify_group_member_info', { GroupId: WORK, Member_Account: 'member000002', Role: 'Admin' })).toBe(10007);
		expect(await api('modify_group_member_info', { GroupId: WORK, Member_Account: 'member000002', NameCard: 'ok' })).toMatchObject({ ActionStatus: 'OK' });
		expect(await code('modify_group_member_info', { GroupId: AV, Member_Account: 'a', NameCard: 'x' })).toBe(10007);
	});
});

describe('forbid_send_msg and get_group_muted_account', () => {
	test('mute shows MuteUntil and the muted list; 0 unmutes; 500 a call', async () => {
		const before = NOW();
		expect(await api('forbid_send_msg', { GroupId: PUB, Members_Account: ['member000002', 'member000003', 'stranger'], MuteTime: 3600 })).toMatchObject({ ActionStatus: 'OK' });
		const m = (await call(emu, MEMBERS, { GroupId: PUB, Limit: 3, Offset: 0 })).json.MemberList;
		expect(m[1].MuteUntil).toBeGreaterThanOrEqual(before + 3600);
		expect(m[1].MuteUntil).toBeLessThanOrEqual(NOW() + 3600);
		const muted = await api('get_group_muted_account', { GroupId: PUB });
		expect(muted.GroupId).toBe(PUB);
		const mine = muted.ShuttedUinList.filter((x) => ['member000002', 'member000003'].includes(x.Member_Account));
		expect(mine).toEqual([
			{ Member_Account: 'member000002', ShuttedUntil: m[1].MuteUntil },
			{ Member_Account: 'member000003', ShuttedUntil: m[2].MuteUntil },
		]);
		expect(muted.ShuttedUinList.map((x) => x.Member_Account)).not.toContain('stranger');
		await api('forbid_send_msg', { GroupId: PUB, Members_Account: ['member000002'], MuteTime: 0 });
		expect((await api('get_group_muted_account', { GroupId: PUB })).ShuttedUinList.map((x) => x.Member_Account)).not.toContain('member000002');
		expect(await code('forbid_send_msg', { GroupId: PUB, Members_Account: ids(501), MuteTime: 60 })).toBe(10004);
		expect(await code('forbid_send_msg', { GroupId: PUB, Members_Account: ['a'] })).toBe(10004);
	});
	test('Work groups cannot mute (10007) and list nobody; AVChatRoom mutes any user', async () => {
		expect(await code('forbid_send_msg', { GroupId: WORK, Members_Account: ['member000002'], MuteTime: 60 })).toBe(10007);
		expect(await code('modify_group_member_info', { GroupId: WORK, Member_Account: 'member000002', MuteTime: 60 })).toBe(10007);
		expect((await api('get_group_muted_account', { GroupId: WORK })).ShuttedUinList).toEqual([]);
		await api('forbid_send_msg', { GroupId: AV, Members_Account: ['viewer1'], MuteTime: 60 });
		expect((await api('get_group_muted_account', { GroupId: AV })).ShuttedUinList).toEqual([{ Member_Account: 'viewer1', ShuttedUntil: expect.any(Number) }]);
	});
});

describe('get_appid_group_list and get_group_info', () => {
	test('IDs in creation order, Limit/Next paging, GroupType, and names from get_group_info', async () => {
		const first = await api('get_appid_group_list', { Limit: 4, Next: 0 });
		expect(first).toMatchObject({ ActionStatus: 'OK', TotalCount: 6, Next: 4 });
		expect(first.GroupIdList).toEqual([PUB, WORK, AV, COMM].map((GroupId) => ({ GroupId })));
		const second = await api('get_appid_group_list', { Limit: 4, Next: 4 });
		expect(second).toMatchObject({ Next: 0, GroupIdList: [{ GroupId: '@TGS#2INVITE' }, { GroupId: '@TGS#2SMALL' }] });
		const work = await api('get_appid_group_list', { GroupType: 'Private' });
		expect(work).toMatchObject({ TotalCount: 1, GroupIdList: [{ GroupId: WORK }], Next: 0 });
		expect(await code('get_appid_group_list', { Limit: 10001 })).toBe(10004);
		const info = await api('get_group_info', { GroupIdList: [PUB, WORK, '@TGS#2NONE'], ResponseFilter: { GroupBaseInfoFilter: ['Name', 'Type'] } });
		expect(info.GroupInfo).toEqual([
			{ GroupId: PUB, ErrorCode: 0, ErrorInfo: '', Type: 'Public', Name: 'Pub Lounge' },
			{ GroupId: WORK, ErrorCode: 0, ErrorInfo: '', Type: 'Work', Name: expect.stringMatching(/^[A-Z]\w+ [A-Z]\w+$/) },
			{ GroupId: '@TGS#2NONE', ErrorCode: 10010, ErrorInfo: expect.any(String) },
		]);
		expect(await code('get_group_info', { GroupIdList: Array.from({ length: 51 }, (_, i) => `@TGS#${i}`) })).toBe(10004);
	});

	test('1 call a second: the second call within a second gets 60007', async () => {
		emu.setOptions({ rateLimit: true });
		expect((await api('get_appid_group_list', {})).ActionStatus).toBe('OK');
		expect(await code('get_appid_group_list', {})).toBe(60007);
		expect((await api('get_group_info', { GroupIdList: [PUB] })).ActionStatus).toBe('OK');
	});

	test('a 20,000-group app is cheap: generated groups are listed, named and usable', async () => {
		const t0 = Date.now();
		emu.addApp({ sdkAppId: 1400000009, secretKey: 'k9', admins: ['administrator'], generatedGroups: { count: 20000, types: ['Public', 'Community', 'Work'], members: 3 } });
		const q = { sdkappid: '1400000009', secretKey: 'k9' };
		const page = (await call(emu, G + 'get_appid_group_list', { Limit: 10000, Next: 0 }, q)).json;
		expect(page).toMatchObject({ TotalCount: 20000, Next: 10000 });
		expect(page.GroupIdList.slice(0, 3)).toEqual([{ GroupId: '@TGS#GEN000001' }, { GroupId: '@TGS#_GEN000002' }, { GroupId: '@TGS#GEN000003' }]);
		const last = (await call(emu, G + 'get_appid_group_list', { Limit: 10000, Next: 10000 }, q)).json;
		expect(last).toMatchObject({ Next: 0 });
		expect(last.GroupIdList[9999]).toEqual({ GroupId: '@TGS#_GEN020000' }) // 19999 % 3 = 1: Community;
		const info = (await call(emu, G + 'get_group_info', { GroupIdList: page.GroupIdList.slice(0, 50).map((g) => g.GroupId) }, q)).json;
		expect(info.GroupInfo).toHaveLength(50);
		expect(info.GroupInfo[1]).toMatchObject({ GroupId: '@TGS#_GEN000002', ErrorCode: 0, Type: 'Community', MemberNum: 3, Name: expect.stringMatching(/ 2$/) });
		const again = (await call(emu, G + 'get_group_info', { GroupIdList: ['@TGS#_GEN000002'] }, q)).json;
		expect(again.GroupInfo[0].Name).toBe(info.GroupInfo[1].Name);
		expect((await call(emu, G + 'add_group_member', { GroupId: '@TGS#GEN000001', MemberList: [{ Member_Account: 'zed' }] }, q)).json.MemberList).toEqual([{ Member_Account: 'zed', Result: 1 }]);
		expect(Date.now() - t0).toBeLessThan(3000);
	});
});
