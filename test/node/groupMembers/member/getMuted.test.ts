// Member Get Muted: one output item per muted member, { groupId, memberAccount, mutedUntil }.
import { useGroupBackend, json, paired } from '../../../support/groupMembers';

const UNTIL = 4102444800; // 2100-01-01
const backend = useGroupBackend([
		{ id: '@TGS#2MUTED', type: 'Public', members: [{ Member_Account: 'owner' }, { Member_Account: 'spam1', MuteUntil: UNTIL }, { Member_Account: 'ok' }, { Member_Account: 'spam2', MuteUntil: UNTIL + 60 }] },
		{ id: '@TGS#2WORKG', type: 'Work', members: 3 },
		{ id: '@TGS#aLIVEQ', type: 'AVChatRoom' },
	]);

test('every muted member, ISO times; two items with the same group share one call', async () => {
	const { items, error, result } = await backend.runMember('getMuted', '={{ $json.group }}', {}, [{ group: '@TGS#2MUTED' }, { group: '@TGS#2MUTED' }]);
	expect(error).toBeUndefined();
	expect(result.run!.data.resultData.runData.Node[0].hints).toEqual([]);
	expect(backend.calls('get_group_info')).toEqual([]);
	expect(backend.calls('get_group_muted_account').map((c) => c.body)).toEqual([{ GroupId: '@TGS#2MUTED' }]);
	const one = [
		{ groupId: '@TGS#2MUTED', memberAccount: 'spam1', mutedUntil: '2100-01-01T00:00:00.000Z' },
		{ groupId: '@TGS#2MUTED', memberAccount: 'spam2', mutedUntil: '2100-01-01T00:01:00.000Z' },
	];
	expect(json(items)).toEqual([...one, ...one]);
	expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
});

test('after Mute and Unmute the list follows; a Work group (which cannot mute) lists nobody; AVChatRoom lists its mutes', async () => {
	await backend.runMember('mute', '@TGS#2MUTED', { memberAccounts: 'ok', muteFor: 5 });
	await backend.runMember('unmute', '@TGS#2MUTED', { memberAccounts: 'spam1' });
	const { items } = await backend.runMember('getMuted', '@TGS#2MUTED');
	expect(json(items).map((i) => i.memberAccount)).toEqual(['ok', 'spam2']);
	const work = await backend.runMember('getMuted', '@TGS#2WORKG');
	expect(work.error).toBeUndefined();
	expect(work.items).toEqual([]);
	// The empty list says why, as a hint in the output pane (one get_group_info call to learn the type).
	expect(work.result.run!.data.resultData.runData.Node[0].hints).toEqual([
		{ message: 'Group "@TGS#2WORKG" is a Work group, and Work groups cannot mute members, so its muted list is always empty.', type: 'info', location: 'outputPane' },
	]);
	await backend.runMember('mute', '@TGS#aLIVEQ', { memberAccounts: 'viewer', muteFor: 1, muteUnit: 'hours' });
	const live = await backend.runMember('getMuted', '@TGS#aLIVEQ');
	expect(json(live.items)).toEqual([{ groupId: '@TGS#aLIVEQ', memberAccount: 'viewer', mutedUntil: expect.any(String) }]);
});

test('Continue On Fail: an unknown group becomes an error item with its group ID', async () => {
	const { items } = await backend.runMember('getMuted', '={{ $json.group }}', {}, [{ group: '@TGS#2NOPE' }, { group: '@TGS#2MUTED' }], { continueOnFail: true });
	expect(json(items)[0]).toMatchObject({ groupId: '@TGS#2NOPE', error: expect.stringContaining('Could not get the muted members of group "@TGS#2NOPE"') });
	expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
});

test('version 2 simplifies by default: the member is userId; Simplify off and version 1 keep memberAccount', async () => {
	const raw = await backend.runMember('getMuted', '@TGS#2MUTED', {}, [{}], { typeVersion: 1 });
	const off = await backend.runMember('getMuted', '@TGS#2MUTED', { simplify: false }, [{}], { typeVersion: 2 });
	const simplified = await backend.runMember('getMuted', '@TGS#2MUTED', {}, [{}], { typeVersion: 2 });
	const muted = backend.emu.getMembers('@TGS#2MUTED', { full: true }).filter((m) => m.MuteUntil * 1000 > Date.now());
	expect(json(raw.items).map((j) => j.memberAccount)).toEqual(muted.map((m) => m.Member_Account));
	expect(muted.length).toBeGreaterThan(0);
	expect(json(off.items)).toEqual(json(raw.items));
	expect(json(simplified.items)).toEqual(json(raw.items).map((j) => ({ groupId: j.groupId, userId: j.memberAccount, mutedUntil: j.mutedUntil })));
});
