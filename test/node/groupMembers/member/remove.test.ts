// Member Remove: IDs of all items per group, de-duplicated, 100 a call; Tencent reports success for non-members too.
import { byId, useGroupBackend, json, paired } from '../../../support/groupMembers';

const backend = useGroupBackend([
		{ id: '@TGS#2REMOVE', type: 'Public', members: 300 },
		{ id: '@TGS#2WORKR', type: 'Work', members: 5 },
		{ id: '@TGS#aLIVER', type: 'AVChatRoom' },
	]);

const sent = () => backend.calls('delete_group_member').map((c) => c.body);
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `member${String(from + i).padStart(6, '0')}`);

test('250 IDs over two items (50 in both): 3 calls of 100, 100 and 50; one output per (item, ID)', async () => {
	const first = ids(2, 151);
	const second = ids(102, 251);
	const { items, error } = await backend.runMember('remove', '@TGS#2REMOVE', { memberAccounts: '={{ $json.ids }}', options: { reason: 'Subscription ended', silent: true } }, [{ ids: first }, { ids: second }]);
	expect(error).toBeUndefined();
	expect(sent().map((b) => b.MemberToDel_Account.length)).toEqual([100, 100, 50]);
	expect(sent().flatMap((b) => b.MemberToDel_Account)).toEqual(ids(2, 251));
	expect(sent()[0]).toMatchObject({ GroupId: '@TGS#2REMOVE', Silence: 1, Reason: 'Subscription ended' });
	expect(items).toHaveLength(300);
	expect(items[0]).toEqual({ json: { groupId: '@TGS#2REMOVE', memberAccount: 'member000002', result: 'removed' }, pairedItem: { item: 0 } });
	expect(items[150]).toEqual({ json: { groupId: '@TGS#2REMOVE', memberAccount: 'member000102', result: 'removed' }, pairedItem: { item: 1 } });
	expect(backend.emu.getMembers('@TGS#2REMOVE')).toEqual(['member000001', ...ids(252, 300)]);
});

test('a non-member reads removed too, as Tencent reports; no Reason or Silence unless set', async () => {
	const { items } = await backend.runMember('remove', byId('@TGS#2WORKR'), { memberAccounts: 'member000002, nobody' });
	expect(sent()).toEqual([{ GroupId: '@TGS#2WORKR', MemberToDel_Account: ['member000002', 'nobody'] }]);
	expect(json(items)).toEqual([
		{ groupId: '@TGS#2WORKR', memberAccount: 'member000002', result: 'removed' },
		{ groupId: '@TGS#2WORKR', memberAccount: 'nobody', result: 'removed' },
	]);
	expect(backend.emu.getMembers('@TGS#2WORKR')).not.toContain('member000002');
});

test('AVChatRoom is refused with the group type named; Continue On Fail keeps group and ID', async () => {
	const { items } = await backend.runMember('remove', '@TGS#aLIVER', { memberAccounts: 'viewer1' }, [{}], { continueOnFail: true });
	expect(json(items)).toEqual([
		{
			groupId: '@TGS#aLIVER',
			memberAccount: 'viewer1',
			error: 'Could not remove members from group "@TGS#aLIVER" (batch 1 of 1, 1 IDs): group "@TGS#aLIVER" is an AVChatRoom (live streaming) group, which does not allow this [Tencent error 10007]',
			description: expect.stringMatching(/^AVChatRoom \(live streaming\) groups keep no member list/),
		},
	]);
	expect(paired(items)).toEqual([{ item: 0 }]);
});

test('a Reason over 255 bytes is an error before any call', async () => {
	const { error } = await backend.runMember('remove', '@TGS#2REMOVE', { memberAccounts: 'a', options: { reason: 'é'.repeat(128) } });
	expect(error.message).toBe('Reason is longer than 255 bytes');
	expect(sent()).toEqual([]);
});

test('Max Calls Per Second paces the batches; a value out of range is an error naming it', async () => {
	const started = Date.now();
	const { items } = await backend.runMember('remove', '@TGS#2REMOVE', { memberAccounts: '={{ $json.ids }}', options: { maxCallsPerSecond: 2 } }, [{ ids: ids(300, 300) }, { ids: ['x1'] }, { ids: ['x2'] }]);
	expect(items).toHaveLength(3);
	expect(sent()).toHaveLength(1); // one group: the three IDs share one call
	const many = Array.from({ length: 300 }, (_, i) => `gone${i}`);
	await backend.runMember('remove', '@TGS#2REMOVE', { memberAccounts: many, options: { maxCallsPerSecond: 2 } });
	const times = backend.calls('delete_group_member').slice(1).map((c) => c.time);
	expect(times).toHaveLength(3);
	expect(times[2] - times[0]).toBeGreaterThanOrEqual(800); // 3 calls at 2 a second
	expect(Date.now() - started).toBeLessThan(10000);
	const { error } = await backend.runMember('remove', '@TGS#2REMOVE', { memberAccounts: 'a', options: { maxCallsPerSecond: 0 } });
	expect(error.message).toMatch(/^Max Calls Per Second must be a whole number from 1 to 200, but is 0 in item 0/);
});
