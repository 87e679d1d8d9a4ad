// Member Get Role: IDs of all items per group, de-duplicated, 500 a call.
import { useGroupBackend, json, paired } from '../../../support/groupMembers';

const backend = useGroupBackend([
		{ id: '@TGS#2ROLES', type: 'Public', members: [{ Member_Account: 'olga', Role: 'Owner' }, { Member_Account: 'adam', Role: 'Admin' }, { Member_Account: 'mia', Role: 'Member' }] },
		{ id: '@TGS#2MANY', type: 'Public', members: 1200 },
		{ id: '@TGS#aLIVEG', type: 'AVChatRoom' },
	]);

const sent = () => backend.calls('get_role_in_group').map((c) => c.body);

test('Owner, Admin, Member and NotMember; an ID asked by two items is sent once', async () => {
	const { items, error } = await backend.runMember('getRole', '@TGS#2ROLES', { memberAccounts: '={{ $json.ids }}' }, [{ ids: 'olga, adam' }, { ids: ['mia', 'zoe', 'adam'] }]);
	expect(error).toBeUndefined();
	expect(sent()).toEqual([{ GroupId: '@TGS#2ROLES', User_Account: ['olga', 'adam', 'mia', 'zoe'] }]);
	expect(json(items)).toEqual([
		{ groupId: '@TGS#2ROLES', memberAccount: 'olga', role: 'Owner' },
		{ groupId: '@TGS#2ROLES', memberAccount: 'adam', role: 'Admin' },
		{ groupId: '@TGS#2ROLES', memberAccount: 'mia', role: 'Member' },
		{ groupId: '@TGS#2ROLES', memberAccount: 'zoe', role: 'NotMember' },
		{ groupId: '@TGS#2ROLES', memberAccount: 'adam', role: 'Admin' },
	]);
	expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }]);
});

test('1,200 IDs: 3 calls of 500, 500 and 200, roles as the emulator holds them', async () => {
	const all = backend.emu.getMembers('@TGS#2MANY');
	const { items } = await backend.runMember('getRole', '@TGS#2MANY', { idSource: 'field', idField: 'id' }, all.map((id) => ({ id })));
	expect(sent().map((b) => b.User_Account.length)).toEqual([500, 500, 200]);
	const roles = Object.fromEntries(backend.emu.getMembers('@TGS#2MANY', { full: true }).map((m) => [m.Member_Account, m.Role]));
	expect(json(items).map((i) => i.role)).toEqual(all.map((id) => roles[id]));
	expect(new Set(json(items).map((i) => i.role))).toEqual(new Set(['Owner', 'Admin', 'Member']));
});

test('AVChatRoom: refused with the group type named', async () => {
	const { error } = await backend.runMember('getRole', '@TGS#aLIVEG', { memberAccounts: 'x' });
	expect(error.message).toBe('Could not get the roles of members of group "@TGS#aLIVEG" (batch 1 of 1, 1 IDs): group "@TGS#aLIVEG" is an AVChatRoom (live streaming) group, which does not allow this [Tencent error 10007]');
});

test('version 2 simplifies by default: the member is userId; Simplify off and version 1 keep memberAccount', async () => {
	const ids = { memberAccounts: 'olga, zoe' };
	const simplified = await backend.runMember('getRole', '@TGS#2ROLES', ids, [{}], { typeVersion: 2 });
	expect(json(simplified.items)).toEqual([
		{ groupId: '@TGS#2ROLES', userId: 'olga', role: 'Owner' },
		{ groupId: '@TGS#2ROLES', userId: 'zoe', role: 'NotMember' },
	]);
	const raw = await backend.runMember('getRole', '@TGS#2ROLES', ids, [{}], { typeVersion: 1 });
	const off = await backend.runMember('getRole', '@TGS#2ROLES', { ...ids, simplify: false }, [{}], { typeVersion: 2 });
	expect(json(raw.items)).toEqual([
		{ groupId: '@TGS#2ROLES', memberAccount: 'olga', role: 'Owner' },
		{ groupId: '@TGS#2ROLES', memberAccount: 'zoe', role: 'NotMember' },
	]);
	expect(json(off.items)).toEqual(json(raw.items));
});
