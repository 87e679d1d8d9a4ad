// Odd answers and partial work: a member count no group can have, custom field keys that are also
// object internals, long IDs in messages, a persistent 10004, and an Add that stopped half-way.
import { useBackend, json } from './support/backend';
import { scripted, tencentFail } from './support/transport';

const backend = useBackend({ fast: true });
beforeEach(() => {
	backend().emu.setOptions({ intercept: null });
	backend().emu.clearRequests();
});

const members = (groupId: string, more = {}) => backend().run('tencentChatGroupMembers', { resource: 'member', operation: 'getAll', groupId, returnAll: true, ...more });

test('a first page that reports a billion members is an error, not a plan of ten million pages', async () => {
	backend().emu.addGroup({ id: '@TGS#huge', type: 'Public', members: 5 });
	backend().emu.setOptions({
		intercept: scripted('get_group_member_info', [{ body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MemberNum: 1_000_000_000, MemberList: [{ Member_Account: 'a' }] } }]),
	});
	const { error } = await members('@TGS#huge');
	expect(error.message).toBe('Tencent\'s answer for page 1 of members of group "@TGS#huge" reports 1000000000 members, more than any group can hold');
	expect(backend().calls('get_group_member_info')).toHaveLength(1);
});

test('custom field keys such as __proto__ and constructor stay plain own properties', async () => {
	const custom = [
		{ Key: '__proto__', Value: 'p' },
		{ Key: 'constructor', Value: 'c' },
		{ Key: 'hasOwnProperty', Value: 'h' },
		{ Key: 'Level', Value: '3' },
	];
	backend().emu.addGroup({ id: '@TGS#keys', type: 'Public', members: [{ Member_Account: 'm1', Role: 'Member', AppMemberDefinedData: custom }] });
	const { items, error } = await members('@TGS#keys');
	expect(error).toBeUndefined();
	const { customFields } = items[0].json;
	expect(Object.keys(customFields)).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'Level']);
	expect(Object.getOwnPropertyDescriptor(customFields, '__proto__')?.value).toBe('p');
	expect(JSON.parse(JSON.stringify(items[0].json)).customFields).toEqual(JSON.parse('{"__proto__":"p","constructor":"c","hasOwnProperty":"h","Level":"3"}'));
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('a long official account ID is shown whole in an error', async () => {
	const id = `@TOA#_${'x'.repeat(150)}`;
	const { error } = await backend().run('tencentChatOfficialAccount', { resource: 'subscriber', operation: 'getAll', officialAccount: id });
	expect(error.message).toBe(`Could not get subscribers of official account "${id}" (page 1): the official account does not exist, or was terminated [Tencent error 130004]`);
});

test('a persistent 10004 on the subscriber APIs says it is Tencent\'s internal error', async () => {
	backend().emu.addOfficialAccount({ id: '@TOA#_busy', subscribers: 3 });
	backend().emu.setOptions({ intercept: ({ command }) => (command === 'get_subscriber_info' ? tencentFail(10004, 'internal error') : undefined) });
	const { error } = await backend().run('tencentChatOfficialAccount', { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_busy' });
	expect(error.message).toBe('Could not get subscribers of official account "@TOA#_busy" (page 1): Tencent reported an internal error [Tencent error 10004]');
	expect(error.description).toBe('The node retried; try again later. Tencent said: "internal error". (6 attempts)');
});

test('an Add that stopped half-way says how many IDs were already done and which batch failed', async () => {
	backend().emu.addOfficialAccount({ id: '@TOA#_half', subscribers: 0 });
	const ids = Array.from({ length: 300 }, (_, index) => `u${index}`);
	backend().emu.setOptions({
		intercept: ({ command, body }) => (command === 'add_subscriber' && body.SubscriberList[0].Subscriber_Account === 'u200' ? tencentFail(130002) : undefined),
	});
	const { error } = await backend().run('tencentChatOfficialAccount', { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_half', subscriberAccounts: '={{ $json.ids }}' }, [{ ids }]);
	expect(error.message).toBe(
		'Could not add subscribers to official account "@TOA#_half" (batch 3 of 3, 100 IDs): the admin has no permission for this official account operation [Tencent error 130002]; 200 IDs in 2 other batches were already done',
	);
	expect(error.description).toMatch(/ The run stopped here\. Adding subscribers was already done for 200 IDs in 2 other batches, so a rerun reports those as done already\.$/);
	expect(backend().emu.getSubscribers('@TOA#_half')).toHaveLength(200);
	const rerun = await backend().run('tencentChatOfficialAccount', { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_half', subscriberAccounts: '={{ $json.ids }}', options: {} }, [{ ids: ids.slice(0, 200) }]);
	expect(new Set(json(rerun.items).map((item) => item.result))).toEqual(new Set(['alreadySubscribed']));
});
