// Member Unmute: forbid_send_msg with MuteTime 0, 500 a call; mutedUntil null.
import { useGroupBackend, memberRecord, json, paired } from '../../../support/groupMembers';

const backend = useGroupBackend([
		{ id: '@TGS#2UNMUTE', type: 'Public', members: [{ Member_Account: 'owner' }, { Member_Account: 'loud', MuteUntil: 4102444800 }, { Member_Account: 'quiet', MuteUntil: 4102444800 }] },
		{ id: '@TGS#2WORKN', type: 'Work', members: 2 },
	]);

const sent = () => backend.calls('forbid_send_msg').map((c) => c.body);

test('MuteTime 0 for each ID once; mutedUntil null; the emulator shows MuteUntil 0', async () => {
	const { items, error } = await backend.runMember('unmute', '@TGS#2UNMUTE', { memberAccounts: '={{ $json.ids }}' }, [{ ids: 'loud' }, { ids: ['loud', 'quiet'] }]);
	expect(error).toBeUndefined();
	expect(sent()).toEqual([{ GroupId: '@TGS#2UNMUTE', Members_Account: ['loud', 'quiet'], MuteTime: 0 }]);
	expect(json(items)).toEqual([
		{ groupId: '@TGS#2UNMUTE', memberAccount: 'loud', mutedUntil: null },
		{ groupId: '@TGS#2UNMUTE', memberAccount: 'loud', mutedUntil: null },
		{ groupId: '@TGS#2UNMUTE', memberAccount: 'quiet', mutedUntil: null },
	]);
	expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
	expect(memberRecord(backend.emu, '@TGS#2UNMUTE', 'quiet').MuteUntil).toBe(0);
});

test('Work groups cannot mute, so Unmute is refused with the type named', async () => {
	const { error } = await backend.runMember('unmute', '@TGS#2WORKN', { memberAccounts: 'member000002' });
	expect(error.message).toBe('Could not unmute members of group "@TGS#2WORKN" (batch 1 of 1, 1 IDs): group "@TGS#2WORKN" is a Work (Private) group, which does not allow this [Tencent error 10007]');
});
