// Member Update: one member per item; role, name card, message flag, custom fields.
import { byId, useGroupBackend, memberRecord, json, paired } from '../../../support/groupMembers';

const backend = useGroupBackend([
		{ id: '@TGS#2UPD', type: 'Public', members: 5, customFields: ['Tier'] },
		{ id: '@TGS#2WORKU', type: 'Work', members: 3 },
		{ id: '@TGS#aLIVEU', type: 'AVChatRoom' },
	]);

const sent = () => backend.calls('modify_group_member_info').map((c) => c.body);

test('every field: the request Tencent gets, the output, and what Get Many then shows', async () => {
	const updateFields = { role: 'Admin', nameCard: 'Alice (VIP)', messageFlag: 'AcceptNotNotify', customFields: { field: [{ key: 'Tier', value: 'gold' }] } };
	const { items, error } = await backend.runMember('update', byId('@TGS#2UPD'), { memberAccount: 'member000002', updateFields });
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{ GroupId: '@TGS#2UPD', Member_Account: 'member000002', Role: 'Admin', NameCard: 'Alice (VIP)', MsgFlag: 'AcceptNotNotify', AppMemberDefinedData: [{ Key: 'Tier', Value: 'gold' }] },
	]);
	expect(items).toEqual([
		{ json: { groupId: '@TGS#2UPD', memberAccount: 'member000002', role: 'Admin', nameCard: 'Alice (VIP)', messageFlag: 'AcceptNotNotify', customFields: { Tier: 'gold' } }, pairedItem: { item: 0 } },
	]);
	const listed = await backend.runMember('getAll', '@TGS#2UPD', { returnAll: true, options: { roles: ['Admin'] } });
	expect(json(listed.items).find((m) => m.Member_Account === 'member000002')).toMatchObject({ Role: 'Admin', NameCard: 'Alice (VIP)', MsgFlag: 'AcceptNotNotify', customFields: { Tier: 'gold' } });
});

test('one call per item, only the fields set; name cards from the input', async () => {
	const { items } = await backend.runMember('update', '@TGS#2UPD', { memberAccount: '={{ $json.id }}', updateFields: { nameCard: '={{ $json.name }}' } }, [
		{ id: 'member000003', name: 'Bob' },
		{ id: 'member000004', name: '王小明' },
	]);
	// Items run concurrently: the calls may arrive in any order.
	expect(sent().sort((a, b) => a.Member_Account.localeCompare(b.Member_Account))).toEqual([
		{ GroupId: '@TGS#2UPD', Member_Account: 'member000003', NameCard: 'Bob' },
		{ GroupId: '@TGS#2UPD', Member_Account: 'member000004', NameCard: '王小明' },
	]);
	expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(memberRecord(backend.emu, '@TGS#2UPD', 'member000004').NameCard).toBe('王小明');
});

test('bad input: an empty collection, a name card over 50 bytes, an empty member; nothing is sent', async () => {
	const empty = await backend.runMember('update', '@TGS#2UPD', { memberAccount: 'member000002', updateFields: {} });
	expect(empty.error.message).toBe('Update Fields is empty in item 0');
	expect(empty.error.description).toBe('Add at least one field to Update Fields: Role, Name Card, Message Flag or Custom Fields.');
	const long = await backend.runMember('update', '@TGS#2UPD', { memberAccount: 'member000002', updateFields: { nameCard: '名'.repeat(17) } });
	expect(long.error.message).toBe('Name Card is 51 bytes in item 0, more than the 50 Tencent allows');
	const noMember = await backend.runMember('update', '@TGS#2UPD', { memberAccount: '={{ $json.id }}', updateFields: { role: 'Member' } }, [{ id: '' }]);
	expect(noMember.error.message).toBe('Member Account is empty in item 0');
	expect(sent()).toEqual([]);
});

test('Work groups have no admins, AVChatRoom keeps no profiles: each named; Continue On Fail keeps group and member', async () => {
	const { items } = await backend.runMember(
		'update',
		'={{ $json.group }}',
		{ memberAccount: '={{ $json.id }}', updateFields: { role: 'Admin' } },
		[
			{ group: '@TGS#2WORKU', id: 'member000002' },
			{ group: '@TGS#aLIVEU', id: 'viewer' },
			{ group: '@TGS#2UPD', id: 'member000005' },
		],
		{ continueOnFail: true },
	);
	expect(json(items)[0]).toEqual({
		groupId: '@TGS#2WORKU',
		memberAccount: 'member000002',
		error: 'Could not update member "member000002" of group "@TGS#2WORKU": group "@TGS#2WORKU" is a Work (Private) group, which does not allow this [Tencent error 10007]',
		description: expect.stringMatching(/^Work \(Private\) groups have no admins and cannot mute members\./),
	});
	expect(json(items)[1]).toMatchObject({ groupId: '@TGS#aLIVEU', memberAccount: 'viewer', error: expect.stringContaining('is an AVChatRoom (live streaming) group') });
	expect(json(items)[2]).toEqual({ groupId: '@TGS#2UPD', memberAccount: 'member000005', role: 'Admin' });
	expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
});

test('without Continue On Fail the first failing item stops the node, naming the group type', async () => {
	const { error } = await backend.runMember('update', '={{ $json.group }}', { memberAccount: 'member000002', updateFields: { role: 'Admin' } }, [{ group: '@TGS#2UPD' }, { group: '@TGS#2WORKU' }]);
	expect(error.message).toBe('Could not update member "member000002" of group "@TGS#2WORKU": group "@TGS#2WORKU" is a Work (Private) group, which does not allow this [Tencent error 10007]');
});
