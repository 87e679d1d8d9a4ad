import { useBackend, json, paired } from '../../../support/officialAccount';
import { isoOrNull } from '../../../support/simplified';

const ctx = useBackend();
const getAll = (subscriberAccount: string, more = {}) => ({ resource: 'officialAccount', operation: 'getAll', subscriberAccount, ...more });

beforeAll(() => {
	for (let i = 0; i < 250; i++) {
		const id = `@TOA#_f${String(i).padStart(3, '0')}`;
		ctx.backend.emu.addOfficialAccount({ id, subscribers: [{ Subscriber_Account: 'fan', CustomString: `mine ${i}` }], profile: { CustomString: `account ${i}` } });
	}
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_solo', subscribers: ['loner'] });
});

describe('Official Account → Get Many', () => {
	test('Return All pages with Limit 200 and Offset, and keeps the user\'s own fields in SelfInfo', async () => {
		const { items, error } = await ctx.run(getAll('fan', { returnAll: true }));
		expect(error).toBeUndefined();
		const calls = ctx.calls('get_subscribed_official_account_list');
		expect(calls.map((c) => [c.body.Limit, c.body.Offset])).toEqual([[200, 0], [200, 200]]);
		expect(calls[0].body).toEqual({
			Subscriber_Account: 'fan',
			Limit: 200,
			Offset: 0,
			ResponseFilter: {
				OfficialAccountBaseInfoFilter: ['CreateTime', 'Name', 'Owner_Account', 'LastMsgTime', 'SubscriberNum', 'Introduction', 'FaceUrl', 'Organization', 'CustomString'],
				SelfInfoFilter: ['SubscribeTime', 'CustomString'],
			},
		});
		expect(items).toHaveLength(250);
		expect(json(items)[3]).toEqual({
			Official_Account: '@TOA#_f003',
			CreateTime: expect.any(Number),
			Name: 'f003',
			Owner_Account: 'administrator',
			LastMsgTime: 0,
			SubscriberNum: 1,
			Introduction: '',
			FaceUrl: '',
			Organization: '',
			CustomString: 'account 3',
			SelfInfo: { SubscribeTime: expect.any(Number), CustomString: 'mine 3' },
		});
		expect(new Set(paired(items).map((p) => p.item))).toEqual(new Set([0]));
	});

	test('Limit asks only for what it needs; each item is its own user', async () => {
		const { items } = await ctx.run(getAll('={{ $json.user }}', { limit: 2 }), [{ user: 'fan' }, { user: 'loner' }, { user: 'nobody' }]);
		expect(ctx.calls('get_subscribed_official_account_list').map((c) => [c.body.Subscriber_Account, c.body.Limit])).toEqual([
			['fan', 2],
			['loner', 2],
			['nobody', 2],
		]);
		expect(json(items).map((a) => a.Official_Account)).toEqual(['@TOA#_f000', '@TOA#_f001', '@TOA#_solo']);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});

	test('an empty Subscriber Account fails naming the item; Continue On Fail keeps the others', async () => {
		const { error } = await ctx.run(getAll('={{ $json.user }}'), [{ user: '' }]);
		expect(error.message).toBe('Subscriber Account is empty in item 0');
		const { items } = await ctx.run(getAll('={{ $json.user }}'), [{ user: 'loner' }, { user: ' ' }], { continueOnFail: true });
		expect(json(items)).toEqual([expect.objectContaining({ Official_Account: '@TOA#_solo' }), { error: 'Subscriber Account is empty in item 1', description: expect.any(String) }]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('version 2 simplifies by default: the account\'s fields and the user\'s own subscription side by side', async () => {
		const raw = await ctx.run(getAll('fan', { limit: 3 }), [{}], { typeVersion: 1 });
		const off = await ctx.run(getAll('fan', { limit: 3, simplify: false }), [{}], { typeVersion: 2 });
		expect(json(off.items)).toEqual(json(raw.items));
		const { items, error } = await ctx.run(getAll('fan', { limit: 3 }), [{}], { typeVersion: 2 });
		expect(error).toBeUndefined();
		expect(json(items)).toEqual(
			json(raw.items).map((account, i) => ({
				officialAccount: `@TOA#_f00${i}`,
				name: `f00${i}`,
				ownerAccount: 'administrator',
				createdAt: isoOrNull(account.CreateTime),
				lastMessageAt: null,
				subscriberCount: 1,
				introduction: '',
				faceUrl: '',
				organization: '',
				customData: `account ${i}`,
				subscribedAt: isoOrNull(account.SelfInfo.SubscribeTime),
				subscriberCustomData: `mine ${i}`,
			})),
		);
		expect(json(items)[0].subscribedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});
});
