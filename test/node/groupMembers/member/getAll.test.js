'use strict';
// Member Get Many with the Group picker: a workflow saved before the picker (a plain-string groupId) runs
// unchanged, and the picker's From List and By ID values give the same members.
const { createHarness } = require('../../../harness');
const { APP, credentialsFor } = require('../../../support/backend');
const { byId, fromList, startGroupBackend, json, paired } = require('../../../support/groupMembers');
const { isoOrNull } = require('../../../support/simplified');

let backend;
beforeAll(async () => {
	backend = await startGroupBackend([
		{ id: '@TGS#2SAVED', type: 'Public', name: 'Saved Group', members: 120 },
		{ id: '@TGS#_@TGS#cSIMPLE', type: 'Community', members: 150, customFields: ['Level', 'Team'] },
	]);
});
afterAll(async () => backend.close());
beforeEach(() => backend.emu.clearRequests());

/** As n8n saved it before this change: only the parameters that differ from their defaults. */
const savedWorkflow = {
	name: 'Group members, saved with a plain Group ID',
	nodes: [
		{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'members',
			name: 'Get Members',
			type: 'n8n-nodes-tencent-chat.tencentChatGroupMembers',
			typeVersion: 1,
			position: [220, 0],
			parameters: { groupId: '@TGS#2SAVED', returnAll: true, options: { fields: ['Role'] } },
			credentials: { tencentCloudChatApi: { id: 'tc', name: 'Tencent Chat' } },
		},
	],
	connections: { 'Manual Trigger': { main: [[{ node: 'Get Members', type: 'main', index: 0 }]] } },
};

test('a workflow saved with a plain-string groupId (and the default Operation, Get Many) runs unchanged', async () => {
	const harness = await createHarness({ coreNodes: ['manualTrigger'] });
	const result = await harness.run(savedWorkflow, { credentials: { tc: credentialsFor(backend.emu) } });
	expect(result.error).toBeUndefined();
	const items = result.items('Get Members');
	expect(json(items).map((m) => m.Member_Account)).toEqual(backend.emu.getMembers('@TGS#2SAVED'));
	expect(Object.keys(json(items)[0])).toEqual(['Member_Account', 'Role']);
	expect(backend.calls('get_group_member_info')[0].body).toEqual({ GroupId: '@TGS#2SAVED', Limit: 100, Next: '', MemberInfoFilter: ['Role'] });
	expect(APP.sdkAppId).toBe(backend.calls('get_group_member_info')[0].sdkAppId);
});

test.each([
	['From List', fromList('@TGS#2SAVED', 'Saved Group (@TGS#2SAVED)')],
	['By ID', byId(' @TGS#2SAVED ')],
])('the picker, %s: the same members from the same request', async (_mode, groupId) => {
	const { items, error } = await backend.runMember('getAll', groupId, { limit: 5 });
	expect(error).toBeUndefined();
	expect(json(items).map((m) => m.Member_Account)).toEqual(backend.emu.getMembers('@TGS#2SAVED').slice(0, 5));
	expect(backend.calls('get_group_member_info').map((c) => c.body.GroupId)).toEqual(['@TGS#2SAVED']);
});

test('an empty picker is flagged by n8n before the run; an expression that gives nothing is an error naming the item', async () => {
	const picked = await backend.runMember('getAll', fromList(''), {});
	expect(picked.error.message).toMatch(/Parameter "Group" is required/);
	const { items } = await backend.runMember('getAll', byId('={{ $json.group }}'), {}, [{ group: '@TGS#2SAVED' }, { group: '' }], { continueOnFail: true });
	expect(items).toHaveLength(51);
	expect(items[50]).toEqual({ json: { error: 'Group ID is empty in item 1', description: expect.stringMatching(/^Pick a group from the list, or enter its ID/) }, pairedItem: { item: 1 } });
	expect(backend.calls('get_group_member_info')).toHaveLength(1);
});

/** A member of Get Many as version 1 gives it (custom fields flattened), as Simplify shows it. */
const simplified = (groupId) => (raw) => ({
	groupId,
	userId: raw.Member_Account,
	role: raw.Role,
	joinedAt: isoOrNull(raw.JoinTime),
	nameCard: raw.NameCard,
	mutedUntil: isoOrNull(raw.MuteUntil),
	notifications: raw.MsgFlag,
	lastMessageAt: isoOrNull(raw.LastSendMsgTime),
	customFields: raw.customFields,
});

test('version 1 keeps Tencent\'s member fields; version 2 simplifies by default, from the same requests', async () => {
	const group = byId('@TGS#_@TGS#cSIMPLE');
	const raw = await backend.runMember('getAll', group, { returnAll: true }, [{}], { typeVersion: 1 });
	expect(Object.keys(json(raw.items)[0]).sort()).toEqual(['JoinTime', 'LastSendMsgTime', 'Member_Account', 'MsgFlag', 'MsgSeq', 'MuteUntil', 'NameCard', 'Role', 'customFields']);
	const v1Calls = backend.calls('get_group_member_info').map((c) => c.body);

	backend.emu.clearRequests();
	const { items, error } = await backend.runMember('getAll', group, { returnAll: true }, [{}], { typeVersion: 2 });
	expect(error).toBeUndefined();
	expect(backend.calls('get_group_member_info').map((c) => c.body)).toEqual(v1Calls);
	expect(json(items)).toEqual(json(raw.items).map(simplified('@TGS#_@TGS#cSIMPLE')));
	expect(json(items)[0].customFields).toEqual({ Level: expect.any(String), Team: expect.any(String) });
	// Muted members show until when; the others (MuteUntil 0) show null.
	const muted = json(items).filter((m) => m.mutedUntil !== null);
	expect(muted.length).toBeGreaterThan(0);
	expect(muted.every((m) => m.mutedUntil === '2100-01-01T00:00:00.000Z')).toBe(true);
	expect(paired(items)).toEqual(items.map(() => ({ item: 0 })));
});

test('version 2: Simplify off gives the raw fields; with Fields set, only those come back, and Flatten off still gives customFields', async () => {
	const group = byId('@TGS#_@TGS#cSIMPLE');
	const raw = await backend.runMember('getAll', group, { limit: 2 }, [{}], { typeVersion: 1 });
	const off = await backend.runMember('getAll', group, { limit: 2, simplify: false }, [{}], { typeVersion: 2 });
	expect(json(off.items)).toEqual(json(raw.items));

	const options = { fields: ['Role'], customFields: 'Level', flattenCustomFields: false };
	const { items } = await backend.runMember('getAll', group, { limit: 2, options }, [{}], { typeVersion: 2 });
	expect(json(items)).toEqual(json(raw.items).map((m) => ({ groupId: '@TGS#_@TGS#cSIMPLE', userId: m.Member_Account, role: m.Role, customFields: { Level: m.customFields.Level } })));
});
