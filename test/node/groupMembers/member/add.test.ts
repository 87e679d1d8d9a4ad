// Member Add: IDs of all items per group, de-duplicated, 300 a call; one output per (item, ID).
import { byId, fromList, useGroupBackend, memberRecord, json, paired } from '../../../support/groupMembers';
import { fastRetries } from '../../../support/backend';

const backend = useGroupBackend([
		{ id: '@TGS#2ADD', type: 'Public', members: 3 },
		{ id: '@TGS#2OTHER', type: 'Public', members: 1 },
		{ id: '@TGS#2BULK', type: 'Public', members: 1 },
		{ id: '@TGS#2INVITE', type: 'Public', members: 1, inviteNeedsConfirmation: true },
		{ id: '@TGS#_ADDCOMM', type: 'Community', members: 1 },
		{ id: '@TGS#aLIVE', type: 'AVChatRoom' },
	]);

const calls = () => backend.calls('add_group_member');
const sent = () => calls().map((c) => c.body);

test('three items, two groups: one call per group with each ID once, one output per (item, ID) in input order', async () => {
	const { items, error } = await backend.runMember('add', '={{ $json.group }}', { memberAccounts: '={{ $json.ids }}' }, [
		{ group: '@TGS#2ADD', ids: 'alice, bob' },
		{ group: '@TGS#2OTHER', ids: ['carol'] },
		{ group: '@TGS#2ADD', ids: 'bob\nmember000002' },
	]);
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{ GroupId: '@TGS#2ADD', MemberList: [{ Member_Account: 'alice' }, { Member_Account: 'bob' }, { Member_Account: 'member000002' }] },
		{ GroupId: '@TGS#2OTHER', MemberList: [{ Member_Account: 'carol' }] },
	]);
	expect(json(items)).toEqual([
		{ groupId: '@TGS#2ADD', memberAccount: 'alice', result: 'added', resultCode: 1 },
		{ groupId: '@TGS#2ADD', memberAccount: 'bob', result: 'added', resultCode: 1 },
		{ groupId: '@TGS#2OTHER', memberAccount: 'carol', result: 'added', resultCode: 1 },
		{ groupId: '@TGS#2ADD', memberAccount: 'bob', result: 'added', resultCode: 1 },
		{ groupId: '@TGS#2ADD', memberAccount: 'member000002', result: 'alreadyMember', resultCode: 2 },
	]);
	expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }, { item: 2 }]);
	// Get Many sees the new members.
	expect(memberRecord(backend.emu, '@TGS#2ADD', 'alice')).toMatchObject({ Role: 'Member', MuteUntil: 0 });
	const listed = await backend.runMember('getAll', '@TGS#2ADD', { returnAll: true });
	expect(json(listed.items).map((m) => m.Member_Account)).toEqual(['member000001', 'member000002', 'member000003', 'alice', 'bob']);
});

test('650 IDs from a field of 650 items: 3 calls of 300, 300 and 50, Silent sends Silence 1', async () => {
	const input = Array.from({ length: 650 }, (_, i) => ({ crm: { userId: `bulk${i}` } }));
	const { items, error } = await backend.runMember('add', byId('@TGS#2BULK'), { idSource: 'field', idField: 'crm.userId', options: { silent: true } }, input);
	expect(error).toBeUndefined();
	expect(sent().map((b) => b.MemberList.length)).toEqual([300, 300, 50]);
	expect(sent().every((b) => b.Silence === 1 && b.GroupId === '@TGS#2BULK')).toBe(true);
	expect(sent().flatMap((b) => b.MemberList.map((m) => m.Member_Account))).toEqual(input.map((i) => i.crm.userId));
	expect(items).toHaveLength(650);
	expect(items[649]).toEqual({ json: { groupId: '@TGS#2BULK', memberAccount: 'bulk649', result: 'added', resultCode: 1 }, pairedItem: { item: 649 } });
	expect(backend.emu.getMembers('@TGS#2BULK')).toHaveLength(651);
});

test('Result 3 reads invited; an ID Tencent rejects reads failed with Result 0', async () => {
	const { items } = await backend.runMember('add', fromList('@TGS#2INVITE', 'Invite Only'), { memberAccounts: 'dave' });
	expect(json(items)).toEqual([{ groupId: '@TGS#2INVITE', memberAccount: 'dave', result: 'invited', resultCode: 3 }]);
	const long = 'x'.repeat(40); // over 32 bytes: Tencent answers Result 0
	const failed = await backend.runMember('add', '@TGS#_ADDCOMM', { memberAccounts: long });
	expect(json(failed.items)).toEqual([{ groupId: '@TGS#_ADDCOMM', memberAccount: long, result: 'failed', resultCode: 0 }]);
});

test('AVChatRoom: the error names the group type and what to do instead', async () => {
	const { error } = await backend.runMember('add', '@TGS#aLIVE', { memberAccounts: 'eve' });
	expect(error.message).toBe('Could not add members to group "@TGS#aLIVE" (batch 1 of 1, 1 IDs): group "@TGS#aLIVE" is an AVChatRoom (live streaming) group, which does not allow this [Tencent error 10007]');
	expect(error.description).toMatch(/^AVChatRoom \(live streaming\) groups keep no member list: users join by entering the room in the app\. Use a Public, Work, Meeting or Community group/);
	// Tencent's words end in a full stop, inside the quotes: no second one after them.
	expect(error.description).toMatch(/ Tencent said: "No operation permissions: AVChatRoom groups do not support add_group_member\."$/);
	expect(backend.calls('get_group_info').map((c) => c.body)).toEqual([{ GroupIdList: ['@TGS#aLIVE'], ResponseFilter: { GroupBaseInfoFilter: ['Type'] } }]);
});

test('Continue On Fail: a bad item and a refused batch become error items with the group and the ID; the rest are added', async () => {
	const { items, error } = await backend.runMember(
		'add',
		'={{ $json.group }}',
		{ memberAccounts: '={{ $json.ids }}' },
		[
			{ group: '@TGS#2ADD', ids: 'frank' },
			{ group: '@TGS#aLIVE', ids: 'gina, hank' },
			{ group: '@TGS#2ADD', ids: '' },
		],
		{ continueOnFail: true },
	);
	expect(error).toBeUndefined();
	expect(json(items)[0]).toEqual({ groupId: '@TGS#2ADD', memberAccount: 'frank', result: 'added', resultCode: 1 });
	expect(json(items)[1]).toMatchObject({ groupId: '@TGS#aLIVE', memberAccount: 'gina', error: expect.stringContaining('is an AVChatRoom (live streaming) group'), description: expect.any(String) });
	expect(json(items)[2]).toMatchObject({ groupId: '@TGS#aLIVE', memberAccount: 'hank', error: expect.stringContaining('AVChatRoom') });
	expect(json(items)[3]).toEqual({ error: 'Member Accounts in item 2 is empty', description: expect.any(String) });
	expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }, { item: 2 }]);
});

test('without Continue On Fail a bad item stops the node before any call', async () => {
	const { error } = await backend.runMember('add', '@TGS#2ADD', { memberAccounts: '={{ $json.ids }}' }, [{ ids: 'a' }, { ids: [] }]);
	expect(error.message).toBe('Member Accounts in item 1 is an empty list');
	expect(calls()).toHaveLength(0);
});

describe('under faults', () => {
	let restore: () => void;
	beforeAll(() => {
		restore = fastRetries();
		backend.emu.addGroup({ id: '@TGS#2FAULTS', type: 'Public', members: 1 });
	});
	afterAll(() => {
		backend.emu.setOptions({ faults: { appliedThen502: 0, error20005: 0 } });
		restore();
	});

	test('lost answers after Tencent acted (502) and internal errors: re-sent, since a repeat answers "already a member"; nothing lost', async () => {
		backend.emu.setOptions({ faults: { error20005: 0.15, appliedThen502: 0.35 }, faultSeed: 2 }); // seed 2 draws: applied, -, -, applied, 20005, applied, ...
		backend.emu.clearRequests();
		const input = Array.from({ length: 1500 }, (_, i) => ({ id: `f${i}` }));
		const { items, error } = await backend.runMember('add', '@TGS#2FAULTS', { idSource: 'field', idField: 'id' }, input);
		expect(error).toBeUndefined();
		const list = backend.calls('add_group_member');
		expect(list.length).toBeGreaterThan(5); // 5 batches of 300, and the repeats
		expect(list.some((c) => c.fault === 'appliedThen502')).toBe(true);
		expect(items).toHaveLength(1500);
		// An ID the lost attempt added reads alreadyMember on the repeat: a member either way.
		expect(json(items).every((i) => i.result === 'added' || i.result === 'alreadyMember')).toBe(true);
		expect(json(items).some((i) => i.result === 'alreadyMember')).toBe(true);
		// Batches run concurrently, so they join in any order; every ID joined once.
		expect(backend.emu.getMembers('@TGS#2FAULTS').sort()).toEqual(['member000001', ...input.map((i) => i.id)].sort());
	});
});
