// Member Mute: forbid_send_msg for the IDs of all items per group and duration, 500 a call.
import { useGroupBackend, memberRecord, json, paired } from '../../../support/groupMembers';

const backend = useGroupBackend([
		{ id: '@TGS#2MUTE', type: 'Public', members: 700 },
		{ id: '@TGS#2WORKM', type: 'Work', members: 3 },
		{ id: '@TGS#aLIVEM', type: 'AVChatRoom' },
	]);

const sent = () => backend.calls('forbid_send_msg').map((c) => c.body);
const now = () => Math.floor(Date.now() / 1000);
const iso = (s: number) => new Date(s * 1000).toISOString();

test('two items with the same duration share a call; another duration gets its own; mutedUntil is ISO and MuteUntil shows', async () => {
	const before = now();
	const { items, error } = await backend.runMember('mute', '@TGS#2MUTE', { memberAccounts: '={{ $json.ids }}', muteFor: '={{ $json.for }}', muteUnit: 'hours' }, [
		{ ids: 'member000002, member000003', for: 2 },
		{ ids: 'member000004', for: 24 },
		{ ids: 'member000003', for: 2 },
	]);
	const after = now();
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{ GroupId: '@TGS#2MUTE', Members_Account: ['member000002', 'member000003'], MuteTime: 7200 },
		{ GroupId: '@TGS#2MUTE', Members_Account: ['member000004'], MuteTime: 86400 },
	]);
	expect(json(items).map((i) => [i.groupId, i.memberAccount])).toEqual([
		['@TGS#2MUTE', 'member000002'],
		['@TGS#2MUTE', 'member000003'],
		['@TGS#2MUTE', 'member000004'],
		['@TGS#2MUTE', 'member000003'],
	]);
	for (const [index, seconds] of [[0, 7200], [2, 86400]]) {
		const until = Date.parse(json(items)[index].mutedUntil) / 1000;
		expect(until).toBeGreaterThanOrEqual(before + seconds);
		expect(until).toBeLessThanOrEqual(after + seconds);
	}
	expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }]);
	const record = memberRecord(backend.emu, '@TGS#2MUTE', 'member000004');
	expect(iso(record.MuteUntil)).toBe(json(items)[2].mutedUntil.replace(/\.\d+Z$/, '.000Z'));
});

test('600 IDs: 500 and 100 a call, the default of 60 minutes', async () => {
	const ids = backend.emu.getMembers('@TGS#2MUTE').slice(1, 601);
	const { items } = await backend.runMember('mute', '@TGS#2MUTE', { idSource: 'field', idField: 'user' }, ids.map((user) => ({ user })));
	expect(sent().map((b) => [b.Members_Account.length, b.MuteTime])).toEqual([[500, 3600], [100, 3600]]);
	expect(items).toHaveLength(600);
});

test('Work groups cannot mute: the message names the type; AVChatRoom mutes any user', async () => {
	const { error } = await backend.runMember('mute', '@TGS#2WORKM', { memberAccounts: 'member000002', muteFor: 10, muteUnit: 'minutes' });
	expect(error.message).toBe('Could not mute members of group "@TGS#2WORKM" for 10 minute(s) (batch 1 of 1, 1 IDs): group "@TGS#2WORKM" is a Work (Private) group, which does not allow this [Tencent error 10007]');
	expect(error.description).toMatch(/^Work \(Private\) groups have no admins and cannot mute members\. Use a Public, Meeting or Community group/);
	const live = await backend.runMember('mute', '@TGS#aLIVEM', { memberAccounts: 'viewer9', muteFor: 1, muteUnit: 'days' });
	expect(live.error).toBeUndefined();
	expect(json(live.items)).toEqual([{ groupId: '@TGS#aLIVEM', memberAccount: 'viewer9', mutedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
});

test('a bad duration is an error naming the item; Continue On Fail keeps the other items', async () => {
	const { items } = await backend.runMember('mute', '@TGS#2MUTE', { memberAccounts: '={{ $json.id }}', muteFor: '={{ $json.for }}' }, [
		{ id: 'member000010', for: 0 },
		{ id: 'member000011', for: 5 },
	], { continueOnFail: true });
	expect(json(items)[0]).toEqual({ error: 'Mute For must be a positive number of minutes up to about 136 years, but is 0 in item 0', description: expect.stringContaining('To lift a mute, use Unmute.') });
	expect(json(items)[1]).toMatchObject({ groupId: '@TGS#2MUTE', memberAccount: 'member000011' });
	expect(sent()).toEqual([{ GroupId: '@TGS#2MUTE', Members_Account: ['member000011'], MuteTime: 300 }]);
});
