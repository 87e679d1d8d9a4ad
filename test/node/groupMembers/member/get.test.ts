// Member Get: IDs of all items per group, de-duplicated, 50 a call; shaped like Get Many plus isMember.
import { useGroupBackend, json, paired } from '../../../support/groupMembers';
import { isoOrNull } from '../../../support/simplified';

const backend = useGroupBackend([
		{ id: '@TGS#2GET', type: 'Public', members: 150, customFields: ['Level', 'Team'] },
		{ id: '@TGS#aLIVEX', type: 'AVChatRoom' },
	]);

const sent = () => backend.calls('get_specified_group_member_info').map((c) => c.body);
const id = (n: number) => `member${String(n).padStart(6, '0')}`;

test('120 IDs (10 of them not members) over two items: 50, 50, 20 a call; members as Get Many gives them', async () => {
	const first = Array.from({ length: 70 }, (_, i) => id(i + 1));
	const second = [...Array.from({ length: 40 }, (_, i) => id(i + 71)), ...Array.from({ length: 10 }, (_, i) => `stranger${i}`)];
	const { items, error } = await backend.runMember('get', '@TGS#2GET', { memberAccounts: '={{ $json.ids }}' }, [{ ids: first }, { ids: second }]);
	expect(error).toBeUndefined();
	expect(sent().map((b) => b.Member_List_Account.length)).toEqual([50, 50, 20]);
	expect(sent()[0]).toEqual({ GroupId: '@TGS#2GET', Member_List_Account: first.slice(0, 50) });

	const listed = await backend.runMember('getAll', '@TGS#2GET', { returnAll: true });
	const byAccount = new Map(json(listed.items).map((m) => [m.Member_Account, m]));
	expect(items).toHaveLength(120);
	expect(json(items).slice(0, 110)).toEqual([...first, ...second.slice(0, 40)].map((account) => ({ ...byAccount.get(account), isMember: true })));
	expect(json(items)[110]).toEqual({ Member_Account: 'stranger0', isMember: false });
	expect(json(items)[0].customFields).toEqual({ Level: expect.any(String), Team: expect.any(String) });
	expect(paired(items).slice(69, 71)).toEqual([{ item: 0 }, { item: 1 }]);
});

test('Fields and Custom Fields are sent as filters; Flatten off keeps AppMemberDefinedData', async () => {
	const { items } = await backend.runMember('get', '@TGS#2GET', { memberAccounts: 'member000002', options: { fields: ['Role', 'NameCard'], customFields: 'Level', flattenCustomFields: false } });
	expect(sent()).toEqual([{ GroupId: '@TGS#2GET', Member_List_Account: ['member000002'], MemberInfoFilter: ['Role', 'NameCard'], AppDefinedDataFilter_GroupMember: ['Level'] }]);
	expect(json(items)).toEqual([{ Member_Account: 'member000002', Role: expect.any(String), NameCard: expect.any(String), AppMemberDefinedData: [{ Key: 'Level', Value: expect.any(String) }], isMember: true }]);
});

test('AVChatRoom: refused with the group type named, under Continue On Fail an error item per ID', async () => {
	const { items } = await backend.runMember('get', '@TGS#aLIVEX', { memberAccounts: 'a, b' }, [{}], { continueOnFail: true });
	expect(json(items).map((i) => [i.groupId, i.memberAccount, i.error.includes('is an AVChatRoom (live streaming) group')])).toEqual([
		['@TGS#aLIVEX', 'a', true],
		['@TGS#aLIVEX', 'b', true],
	]);
});

test('version 2 simplifies by default: readable names, ISO times, isMember; a non-member is its ID and isMember false', async () => {
	const ids = { memberAccounts: 'member000001, stranger' };
	const raw = await backend.runMember('get', '@TGS#2GET', ids, [{}], { typeVersion: 1 });
	const off = await backend.runMember('get', '@TGS#2GET', { ...ids, simplify: false }, [{}], { typeVersion: 2 });
	expect(json(off.items)).toEqual(json(raw.items));
	const [member] = json(raw.items);

	const { items, error } = await backend.runMember('get', '@TGS#2GET', ids, [{}], { typeVersion: 2 });
	expect(error).toBeUndefined();
	expect(json(items)).toEqual([
		{
			groupId: '@TGS#2GET',
			userId: 'member000001',
			role: member.Role,
			joinedAt: isoOrNull(member.JoinTime),
			nameCard: member.NameCard,
			mutedUntil: isoOrNull(member.MuteUntil),
			notifications: member.MsgFlag,
			lastMessageAt: isoOrNull(member.LastSendMsgTime),
			customFields: member.customFields,
			isMember: true,
		},
		{ groupId: '@TGS#2GET', userId: 'stranger', isMember: false },
	]);
	expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }]);
});

test('version 2, Continue On Fail: refused batches stay error items with groupId and memberAccount', async () => {
	const { items } = await backend.runMember('get', '@TGS#aLIVEX', { memberAccounts: 'a' }, [{}], { typeVersion: 2, continueOnFail: true });
	expect(json(items)).toEqual([expect.objectContaining({ groupId: '@TGS#aLIVEX', memberAccount: 'a', error: expect.stringContaining('AVChatRoom') })]);
});
