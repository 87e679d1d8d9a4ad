// Member → Get Many's options: fields, custom fields and roles; answers over 1 MB (10018), which halve the page size;
// version 2's Simplify. Paging, items, errors and the Group picker: getAll.test.ts.
import { NODE, BIG_VALUE, byId, json, paired } from '../../../support/groupMembers';
import { getAll, all, accounts, byOffset, flattened, simplified, useGetManyBackend } from '../../../support/getManyMembers';

const gm = useGetManyBackend();
const { calls, members, fullMembers } = gm;

describe('filters', () => {
	test('custom fields are flattened by default', async () => {
		const { items } = await gm.backend.run(NODE, all('@TGS#custom'));
		expect(json(items)).toEqual(fullMembers('@TGS#custom').map(flattened));
		expect(json(items)[0].customFields).toEqual({ Level: expect.any(String), Team: expect.any(String) });
	});

	test('raw custom fields, only the keys asked for', async () => {
		const { items } = await gm.backend.run(NODE, all('@TGS#custom', { customFields: 'Team', flattenCustomFields: false }));
		const expected = fullMembers('@TGS#custom').map((m) => ({ ...m, AppMemberDefinedData: m.AppMemberDefinedData.filter((d) => d.Key === 'Team') }));
		expect(json(items)).toEqual(expected);
		expect(calls()[0].body.AppDefinedDataFilter_GroupMember).toEqual(['Team']);
	});

	test('fields and custom fields together, flattened', async () => {
		const { items } = await gm.backend.run(NODE, all('@TGS#custom', { fields: ['Role', 'NameCard'], customFields: ' Level , ' }));
		const expected = fullMembers('@TGS#custom').map((m) => ({
			Member_Account: m.Member_Account,
			Role: m.Role,
			NameCard: m.NameCard,
			customFields: { Level: m.AppMemberDefinedData.find((d) => d.Key === 'Level').Value },
		}));
		expect(json(items)).toEqual(expected);
		expect(calls()[0].body).toMatchObject({ MemberInfoFilter: ['Role', 'NameCard'], AppDefinedDataFilter_GroupMember: ['Level'] });
	});

	test('fields only: no custom data comes back', async () => {
		const { items } = await gm.backend.run(NODE, getAll('@TGS#custom', { limit: 3, options: { fields: ['JoinTime'] } }));
		expect(json(items)).toEqual(fullMembers('@TGS#custom').slice(0, 3).map((m) => ({ Member_Account: m.Member_Account, JoinTime: m.JoinTime })));
	});

	test('a role filter pages in turn until a short page, although MemberNum counts everyone', async () => {
		const admins = fullMembers('@TGS#pub730').filter((m) => m.Role === 'Admin').map((m) => m.Member_Account);
		expect(admins.length).toBeGreaterThan(20);
		const { items, error } = await gm.backend.run(NODE, all('@TGS#pub730', { roles: ['Admin'], pageSize: 10 }));
		expect(error).toBeUndefined();
		expect(accounts(items)).toEqual(admins);
		const list = calls();
		expect(list).toHaveLength(Math.floor(admins.length / 10) + 1);
		expect(list.map((c) => c.body.Offset)).toEqual(list.map((_, page) => (page === 0 ? undefined : page * 10)));
		expect(list.every((c) => c.body.MemberRoleFilter.join() === 'Admin')).toBe(true);
	});

	test('a role filter does not stop early at a limit beyond the first pages', async () => {
		const owner = fullMembers('@TGS#pub730').filter((m) => m.Role !== 'Admin').map((m) => m.Member_Account);
		const { items, error } = await gm.backend.run(NODE, getAll('@TGS#pub730', { limit: 650, options: { roles: ['Owner', 'Member'] } }));
		expect(error).toBeUndefined();
		expect(accounts(items)).toEqual(owner.slice(0, 650));
		expect(calls().map((c) => c.body.Limit)).toEqual([100, 100, 100, 100, 100, 100, 50]);
	});

	test('every role selected: stops at MemberNum without an extra call', async () => {
		const { items } = await gm.backend.run(NODE, all('@TGS#pub730', { roles: ['Owner', 'Admin', 'Member'] }));
		expect(accounts(items)).toEqual(members('@TGS#pub730'));
		expect(calls().map((c) => c.body.Limit)).toEqual([100, 100, 100, 100, 100, 100, 100, 30]);
	});

	test('with a role filter a wrong MemberNum does no harm', async () => {
		await gm.everyMember('@TGS#wrongnum', { roles: ['Owner', 'Admin', 'Member'] });
		expect(calls()).toHaveLength(2);
	});
});

describe('answers over 1 MB (10018)', () => {
	test('the page size halves until the answer fits, and later pages keep it', async () => {
		await gm.everyMember('@TGS#padded');
		const list = calls();
		expect(list.slice(0, 3).map((c) => [c.body.Limit, c.errorCode || null])).toEqual([[100, 10018], [50, 10018], [25, null]]);
		expect(byOffset(list.slice(3)).map((c) => [c.body.Offset, c.body.Limit])).toEqual(Array.from({ length: 11 }, (_, i) => [25 * (i + 1), 25]));
		expect(list.slice(3).every((c) => !c.errorCode)).toBe(true);
	});

	test('an Offset page that passes 1 MB is split into halves', async () => {
		const items = await gm.everyMember('@TGS#halfheavy', { fields: ['Role'], customFields: 'Bio' });
		expect(json(items)[150]).toEqual({ Member_Account: 'user150', Role: 'Member', customFields: { Bio: BIG_VALUE } });
		expect(calls().map((c) => [c.body.Offset, c.body.Limit, c.errorCode || null])).toEqual([
			[undefined, 100, null],
			[100, 100, 10018],
			[100, 50, null],
			[150, 50, null],
		]);
	});

	test('a Community group asks the same cursor again with half the page', async () => {
		await gm.everyMember('@TGS#_padded');
		const list = calls();
		expect(list.map((c) => [c.body.Limit, c.errorCode || null])).toEqual([[100, 10018], [50, 10018], [25, null], [25, null], [25, null], [25, null], [25, null]]);
		expect(list.slice(0, 3).every((c) => c.body.Next === '')).toBe(true);
	});

	test('at one member a page it gives up with advice to use Fields and Custom Fields', async () => {
		const { error } = await gm.backend.run(NODE, all('@TGS#huge'));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('Could not get members of group "@TGS#huge" (page 1): the members are too large, even one member passes Tencent\'s 1 MB answer limit [Tencent error 10018]');
		expect(error.description).toMatch(/Fields and Custom Fields options/);
		expect(calls().map((c) => c.body.Limit)).toEqual([100, 50, 25, 12, 6, 3, 1]);
	});
});

describe('version 2 and Simplify', () => {
	test('version 1 keeps Tencent\'s member fields; version 2 simplifies by default, from the same requests', async () => {
		const group = byId('@TGS#_@TGS#cSIMPLE');
		const raw = await gm.backend.runMember('getAll', group, { returnAll: true }, [{}], { typeVersion: 1 });
		expect(Object.keys(json(raw.items)[0]).sort()).toEqual(['JoinTime', 'LastSendMsgTime', 'Member_Account', 'MsgFlag', 'MsgSeq', 'MuteUntil', 'NameCard', 'Role', 'customFields']);
		const v1Calls = gm.backend.calls('get_group_member_info').map((c) => c.body);

		gm.backend.emu.clearRequests();
		const { items, error } = await gm.backend.runMember('getAll', group, { returnAll: true }, [{}], { typeVersion: 2 });
		expect(error).toBeUndefined();
		expect(gm.backend.calls('get_group_member_info').map((c) => c.body)).toEqual(v1Calls);
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
		const raw = await gm.backend.runMember('getAll', group, { limit: 2 }, [{}], { typeVersion: 1 });
		const off = await gm.backend.runMember('getAll', group, { limit: 2, simplify: false }, [{}], { typeVersion: 2 });
		expect(json(off.items)).toEqual(json(raw.items));

		const options = { fields: ['Role'], customFields: 'Level', flattenCustomFields: false };
		const { items } = await gm.backend.runMember('getAll', group, { limit: 2, options }, [{}], { typeVersion: 2 });
		expect(json(items)).toEqual(json(raw.items).map((m) => ({ groupId: '@TGS#_@TGS#cSIMPLE', userId: m.Member_Account, role: m.Role, customFields: { Level: m.customFields.Level } })));
	});
});
