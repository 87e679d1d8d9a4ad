// Member → Get Many: Offset and Community (Next) paging, items and errors; the Group picker, and a workflow saved
// before it (a plain-string groupId) that runs unchanged. Filters, answers over 1 MB and Simplify: getAll.options.test.ts.
import { createHarness } from '../../../harness';
import { APP, credentialsFor, runWithWrongSecretKey } from '../../../support/backend';
import { NODE, byId, fromList, savedGetManyWorkflow, json, paired } from '../../../support/groupMembers';
import { getAll, all, accounts, byOffset, withoutEmptyCustom, useGetManyBackend } from '../../../support/getManyMembers';

const gm = useGetManyBackend();
const { calls, members, fullMembers } = gm;

describe('Offset groups', () => {
	test('Return All on a Public group of 730: 8 calls of 100, every member in order', async () => {
		const items = await gm.everyMember('@TGS#pub730');
		expect(paired(items).every((p) => p.item === 0)).toBe(true);
		expect(json(items).slice(0, 3)).toEqual(fullMembers('@TGS#pub730').slice(0, 3).map(withoutEmptyCustom));

		const list = calls();
		// Auto-detection: the first call asks with Next "" and no Offset; no Next in the answer means Offset paging.
		expect(list[0].body).toEqual({ GroupId: '@TGS#pub730', Limit: 100, Next: '' });
		expect(byOffset(list.slice(1)).map((c) => [c.body.Offset, c.body.Limit])).toEqual([
			[100, 100], [200, 100], [300, 100], [400, 100], [500, 100], [600, 100], [700, 30],
		]);
		expect(list.slice(1).every((c) => c.body.Next === undefined)).toBe(true);
	});

	test('Limit 250: 3 calls asking 100, 100 and 50', async () => {
		const { items } = await gm.backend.run(NODE, getAll('@TGS#pub730', { limit: 250 }));
		expect(accounts(items)).toEqual(members('@TGS#pub730').slice(0, 250));
		expect(byOffset(calls()).map((c) => [c.body.Offset, c.body.Limit])).toEqual([[undefined, 100], [100, 100], [200, 50]]);
	});

	test('the default limit is 50, in one call', async () => {
		const { items } = await gm.backend.run(NODE, getAll('@TGS#pub730'));
		expect(accounts(items)).toEqual(members('@TGS#pub730').slice(0, 50));
		expect(calls().map((c) => c.body.Limit)).toEqual([50]);
	});

	test('forced Offset pagination and a larger page size: ceil(730 / 300) calls', async () => {
		const { items } = await gm.backend.run(NODE, all('@TGS#pub730', { pagination: 'offset', pageSize: 300 }));
		expect(accounts(items)).toEqual(members('@TGS#pub730'));
		expect(byOffset(calls()).map((c) => [c.body.Offset, c.body.Limit, c.body.Next])).toEqual([[0, 300, undefined], [300, 300, undefined], [600, 130, undefined]]);
	});

	test('planned Offset pages run 16 at a time and still come out in order', async () => {
		const latencyMs = 300;
		gm.backend.emu.setOptions({ latencyMs });
		let items;
		try {
			({ items } = await gm.backend.run(NODE, all('@TGS#pub730', { pageSize: 25 })));
		} finally {
			gm.backend.emu.setOptions({ latencyMs: 0 });
		}
		expect(accounts(items)).toEqual(members('@TGS#pub730'));
		const planned = calls().slice(1);
		expect(planned).toHaveLength(29);
		const started = planned.map((c) => c.time);
		// Sixteen go out before any answer (paced at 200/s); the seventeenth waits for a free slot.
		expect(Math.max(...started.slice(0, 16)) - started[0]).toBeLessThan(latencyMs - 100);
		expect(started[16] - started[0]).toBeGreaterThanOrEqual(latencyMs - 20);
	});

	test('an empty group yields no items after one call', async () => {
		const { items, error } = await gm.backend.run(NODE, all('@TGS#empty'));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(calls()).toHaveLength(1);
	});

	test('MemberNum larger than the pages deliver ends in a clear error after a bounded number of calls', async () => {
		const { error } = await gm.backend.run(NODE, all('@TGS#wrongnum'));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('Tencent reported 307 members (MemberNum) in group "@TGS#wrongnum" but the pages ended after 150: page 2 held 50 of the 100 members asked for');
		expect(calls().length).toBeLessThanOrEqual(4);
	});
});

describe('Community groups', () => {
	test('Return All on a Community group of 1,234 follows Next in 13 calls', async () => {
		await gm.everyMember('@TGS#_comm1234');
		const list = calls();
		expect(list).toHaveLength(13);
		expect(list.every((c) => c.body.Limit === 100 && c.body.Offset === undefined)).toBe(true);
		expect(list[0].body.Next).toBe('');
		const cursors = list.slice(1).map((c) => c.body.Next);
		expect(cursors.every((next) => typeof next === 'string' && next !== '')).toBe(true);
		expect(new Set(cursors).size).toBe(12);
	});

	test('Limit 250 asks 100, 100 and 50', async () => {
		const { items } = await gm.backend.run(NODE, getAll('@TGS#_comm1234', { limit: 250 }));
		expect(accounts(items)).toEqual(members('@TGS#_comm1234').slice(0, 250));
		expect(calls().map((c) => c.body.Limit)).toEqual([100, 100, 50]);
	});

	test('a Community group without the @TGS#_ prefix is detected by the Next in its first answer', async () => {
		const { items } = await gm.backend.run(NODE, all('@TGS#hiddencomm'));
		expect(accounts(items)).toEqual(members('@TGS#hiddencomm'));
		const list = calls();
		expect(list.map((c) => c.body.Limit)).toEqual([100, 100, 100]);
		expect(list.every((c) => c.body.Offset === undefined && typeof c.body.Next === 'string')).toBe(true);
	});

	test('a page size over 100 that the Community group refuses is retried at 100', async () => {
		await gm.everyMember('@TGS#hiddencomm', { pageSize: 200 });
		const list = calls();
		expect(list.map((c) => c.body.Limit)).toEqual([200, 100, 100, 100]);
		expect(list[0].errorCode).toBe(10004);
	});

	test('forcing Next on a Public group is an error, not a silent first page', async () => {
		const { error } = await gm.backend.run(NODE, all('@TGS#pub730', { pagination: 'next' }));
		expect(error.message).toBe('Tencent\'s answer for page 1 of members of group "@TGS#pub730" has no Next cursor, so the group is not a Community group');
		expect(calls()).toHaveLength(1);
	});
});

describe('items', () => {
	test('several input items, each with its own group and limit', async () => {
		const { items, error } = await gm.backend.run(NODE, getAll('={{ $json.group }}', { limit: '={{ $json.limit }}' }), [
			{ group: '@TGS#priv', limit: 3 },
			{ group: '@TGS#_comm1234', limit: 2 },
			{ group: ' @TGS#pub730 ', limit: 1 },
		]);
		expect(error).toBeUndefined();
		expect(accounts(items)).toEqual([...members('@TGS#priv').slice(0, 3), ...members('@TGS#_comm1234').slice(0, 2), members('@TGS#pub730')[0]]);
		expect(paired(items)).toEqual([0, 0, 0, 1, 1, 2].map((item) => ({ item })));
		expect(calls().map((c) => [c.body.GroupId, c.body.Limit])).toEqual([['@TGS#priv', 3], ['@TGS#_comm1234', 2], ['@TGS#pub730', 1]]);
	});

	test('continueOnFail: bad groups become error items with pairedItem, the others are fine', async () => {
		const { items, error } = await gm.backend.run(NODE, getAll('={{ $json.group }}', { limit: 2 }), [
			{ group: '@TGS#priv' },
			{ group: '@TGS#missing' },
			{ group: '  ' },
			{ group: '@TGS#_comm1234' },
		], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(paired(items)).toEqual([0, 0, 1, 2, 3, 3].map((item) => ({ item })));
		expect(accounts([items[0], items[1]])).toEqual(members('@TGS#priv').slice(0, 2));
		expect(items[2].json.error).toMatch(/^Could not get members of group "@TGS#missing" \(page 1\): .*\[Tencent error 10010\]$/);
		expect(items[3].json.error).toBe('Group ID is empty in item 2');
		expect(accounts([items[4], items[5]])).toEqual(members('@TGS#_comm1234').slice(0, 2));
	});

	test('without continueOnFail an empty group ID stops the node before any call', async () => {
		const { error } = await gm.backend.run(NODE, all('  '));
		expect(error.message).toBe('Group ID is empty in item 0');
		expect(calls()).toHaveLength(0);
	});
});

describe('error messages', () => {
	test.each([
		['10010, a group that does not exist', '@TGS#missing', 10010, /does not exist/],
		['10015, an invalid group ID', 'not-a-group', 10015, /invalid/],
		['10007, an AVChatRoom group', '@TGS#av', 10007, /AVChatRoom/],
	])('%s', async (_, groupId, code, problem) => {
		const { error } = await gm.backend.run(NODE, all(groupId));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message.startsWith(`Could not get members of group "${groupId}" (page 1): `)).toBe(true);
		expect(error.message.endsWith(`[Tencent error ${code}]`)).toBe(true);
		expect(error.message).toMatch(problem);
		expect(calls()).toHaveLength(1);
	});

	test('a wrong secret key', async () => {
		const error = await runWithWrongSecretKey(gm.backend, NODE, all('@TGS#pub730'), 'wrong-key-456');
		expect(error.message).toBe('Could not get members of group "@TGS#pub730" (page 1): the Secret Key does not match the SDKAppID [Tencent error 70009]');
	});
});

describe('the Group picker and saved workflows', () => {
	test('a workflow saved with a plain-string groupId (and the default Operation, Get Many) runs unchanged', async () => {
		const harness = await createHarness({ coreNodes: ['manualTrigger'] });
		const result = await harness.run(savedGetManyWorkflow, { credentials: { tc: credentialsFor(gm.backend.emu) } });
		expect(result.error).toBeUndefined();
		const items = result.items('Get Members');
		expect(json(items).map((m) => m.Member_Account)).toEqual(gm.backend.emu.getMembers('@TGS#2SAVED'));
		expect(Object.keys(json(items)[0])).toEqual(['Member_Account', 'Role']);
		expect(gm.backend.calls('get_group_member_info')[0].body).toEqual({ GroupId: '@TGS#2SAVED', Limit: 100, Next: '', MemberInfoFilter: ['Role'] });
		expect(APP.sdkAppId).toBe(gm.backend.calls('get_group_member_info')[0].sdkAppId);
	});

	test.each([
		['From List', fromList('@TGS#2SAVED', 'Saved Group (@TGS#2SAVED)')],
		['By ID', byId(' @TGS#2SAVED ')],
	])('the picker, %s: the same members from the same request', async (_mode, groupId) => {
		const { items, error } = await gm.backend.runMember('getAll', groupId, { limit: 5 });
		expect(error).toBeUndefined();
		expect(json(items).map((m) => m.Member_Account)).toEqual(gm.backend.emu.getMembers('@TGS#2SAVED').slice(0, 5));
		expect(gm.backend.calls('get_group_member_info').map((c) => c.body.GroupId)).toEqual(['@TGS#2SAVED']);
	});

	test('an empty picker is flagged by n8n before the run; an expression that gives nothing is an error naming the item', async () => {
		const picked = await gm.backend.runMember('getAll', fromList(''), {});
		expect(picked.error.message).toMatch(/Parameter "Group" is required/);
		const { items } = await gm.backend.runMember('getAll', byId('={{ $json.group }}'), {}, [{ group: '@TGS#2SAVED' }, { group: '' }], { continueOnFail: true });
		expect(items).toHaveLength(51);
		expect(items[50]).toEqual({ json: { error: 'Group ID is empty in item 1', description: expect.stringMatching(/^Pick a group from the list, or enter its ID/) }, pairedItem: { item: 1 } });
		expect(gm.backend.calls('get_group_member_info')).toHaveLength(1);
	});
});
