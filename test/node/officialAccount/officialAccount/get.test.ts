import { useBackend, json, paired } from '../../../support/officialAccount';
import { isoOrNull } from '../../../support/simplified';

const ctx = useBackend();
const get = (officialAccount = '={{ $json.id }}', more = {}) => ({ resource: 'officialAccount', operation: 'get', officialAccount, ...more });
const FILTER = ['CreateTime', 'Name', 'Owner_Account', 'LastMsgTime', 'SubscriberNum', 'Introduction', 'FaceUrl', 'Organization', 'CustomString'];

beforeAll(() => {
	for (let i = 0; i < 120; i++) ctx.backend.emu.addOfficialAccount({ id: `@TOA#_g${i}`, subscribers: i, messages: i % 3, profile: { Name: `Account ${i}`, Owner_Account: 'boss' } });
});

describe('Official Account → Get', () => {
	test('120 items are asked in calls of 50, 50 and 20, with every field the filter offers', async () => {
		const ids = Array.from({ length: 120 }, (_, i) => `@TOA#_g${i}`);
		const { items, error } = await ctx.run(get(), ids.map((id) => ({ id })));
		expect(error).toBeUndefined();
		const calls = ctx.calls('get_official_account_info');
		expect(calls.map((c) => c.body.OfficialAccountIdList.length)).toEqual([50, 50, 20]);
		expect(calls[0].body.ResponseFilter).toEqual({ OfficialAccountBaseInfoFilter: FILTER });
		expect(calls.flatMap((c) => c.body.OfficialAccountIdList.map((e) => e.Official_Account))).toEqual(ids);
		expect(items).toHaveLength(120);
		expect(paired(items)).toEqual(ids.map((_, item) => ({ item })));
		expect(json(items)[7]).toEqual({
			Official_Account: '@TOA#_g7',
			CreateTime: expect.any(Number),
			Name: 'Account 7',
			Owner_Account: 'boss',
			LastMsgTime: expect.any(Number),
			SubscriberNum: 7,
			Introduction: '',
			FaceUrl: '',
			Organization: '',
			CustomString: '',
		});
		expect(json(items)[0].LastMsgTime).toBe(0);
	});

	test('an account named by several items is asked once, and each item gets it', async () => {
		const { items } = await ctx.run(get(), [{ id: '@TOA#_g1' }, { id: '@TOA#_g2' }, { id: ' @TOA#_g1 ' }]);
		expect(ctx.calls('get_official_account_info').map((c) => c.body.OfficialAccountIdList)).toEqual([[{ Official_Account: '@TOA#_g1' }, { Official_Account: '@TOA#_g2' }]]);
		expect(json(items).map((a) => a.Name)).toEqual(['Account 1', 'Account 2', 'Account 1']);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('an unknown account fails the node, naming it and the item', async () => {
		const { error } = await ctx.run(get(), [{ id: '@TOA#_g1' }, { id: '@TOA#_gone' }]);
		expect(error.message).toBe('The official account does not exist, or was deleted: "@TOA#_gone" in item 1');
		expect(ctx.calls('get_official_account_info')).toHaveLength(1);
	});

	test('Continue On Fail: unknown accounts and empty IDs become error items in place', async () => {
		const { items, error } = await ctx.run(get(), [{ id: '@TOA#_gone' }, { id: '' }, { id: '@TOA#_g3' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(json(items)).toEqual([
			{ error: 'The official account does not exist, or was deleted: "@TOA#_gone"', description: expect.stringMatching(/^Check the Official Account ID/), officialAccount: '@TOA#_gone' },
			{ error: 'Official Account is empty in item 1', description: expect.any(String) },
			expect.objectContaining({ Official_Account: '@TOA#_g3', Name: 'Account 3' }),
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('500 accounts over 500 items take exactly 10 calls', async () => {
		for (let i = 120; i < 500; i++) ctx.backend.emu.addOfficialAccount({ id: `@TOA#_g${i}` });
		const { items } = await ctx.run(get(), Array.from({ length: 500 }, (_, i) => ({ id: `@TOA#_g${i}` })));
		expect(ctx.calls('get_official_account_info')).toHaveLength(10);
		expect(json(items).map((a) => a.Official_Account)).toEqual(Array.from({ length: 500 }, (_, i) => `@TOA#_g${i}`));
	});

	test('a Max Calls Per Second out of range is an error before any call', async () => {
		const { error } = await ctx.run(get('@TOA#_g1', { options: { maxCallsPerSecond: 500 } }));
		expect(error.message).toMatch(/^Max Calls Per Second must be a whole number from 1 to 200/);
		expect(ctx.calls('get_official_account_info')).toHaveLength(0);
	});

	test('version 2 simplifies by default: readable names and ISO times, 0 ("never") as null; Simplify off and version 1 give the raw fields', async () => {
		const ids = [{ id: '@TOA#_g0' }, { id: '@TOA#_g7' }];
		const raw = await ctx.run(get(), ids, { typeVersion: 1 });
		const off = await ctx.run(get(undefined, { simplify: false }), ids, { typeVersion: 2 });
		expect(json(off.items)).toEqual(json(raw.items));
		expect(json(raw.items)[1]).toEqual(expect.objectContaining({ Official_Account: '@TOA#_g7', Owner_Account: 'boss' }));

		ctx.backend.emu.clearRequests();
		const { items, error } = await ctx.run(get(), ids, { typeVersion: 2 });
		expect(error).toBeUndefined();
		expect(ctx.calls('get_official_account_info')).toHaveLength(1);
		expect(json(items)).toEqual(
			json(raw.items).map((account) => ({
				officialAccount: account.Official_Account,
				name: account.Name,
				ownerAccount: 'boss',
				createdAt: isoOrNull(account.CreateTime),
				lastMessageAt: isoOrNull(account.LastMsgTime),
				subscriberCount: account.SubscriberNum,
				introduction: '',
				faceUrl: '',
				organization: '',
				customData: '',
			})),
		);
		expect(json(items)[0].lastMessageAt).toBeNull();
		expect(json(items)[1].lastMessageAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('version 2, Continue On Fail: an unknown account stays an error item, the others are simplified', async () => {
		const { items } = await ctx.run(get(), [{ id: '@TOA#_gone' }, { id: '@TOA#_g3' }], { typeVersion: 2, continueOnFail: true });
		expect(json(items)).toEqual([
			{ error: 'The official account does not exist, or was deleted: "@TOA#_gone"', description: expect.any(String), officialAccount: '@TOA#_gone' },
			expect.objectContaining({ officialAccount: '@TOA#_g3', name: 'Account 3', subscriberCount: 3 }),
		]);
	});
});
