import { useBackend, json, paired } from '../../../support/officialAccount';
import * as createApi from '../../../../emulator/apis/create_official_account';

const ctx = useBackend();
const create = (more = {}) => ({ resource: 'officialAccount', operation: 'create', ownerAccount: 'owner1', name: 'Store News', ...more });

describe('Official Account → Create', () => {
	test('sends every option under Tencent\'s name and outputs them under the parameter names', async () => {
		const options = { customId: '@TOA#_store', introduction: 'Deals 每周', faceUrl: 'https://x.test/a.png', organization: 'Acme', customData: 'tier=gold', maxSubscribers: 500 };
		const { items, error } = await ctx.run(create({ options }));
		expect(error).toBeUndefined();
		expect(ctx.calls('create_official_account').map((c) => c.body)).toEqual([
			{ Owner_Account: 'owner1', Name: 'Store News', Introduction: 'Deals 每周', FaceUrl: 'https://x.test/a.png', Organization: 'Acme', CustomString: 'tier=gold', MaxSubscriberNum: 500, OfficialAccountUserID: '@TOA#_store' },
		]);
		expect(json(items)).toEqual([{ officialAccount: '@TOA#_store', ownerAccount: 'owner1', name: 'Store News', ...options }]);
		expect(paired(items)).toEqual([{ item: 0 }]);
		expect(ctx.account('@TOA#_store').profile).toMatchObject({ Name: 'Store News', Owner_Account: 'owner1', CustomString: 'tier=gold' });
	});

	test('without a Custom ID Tencent\'s ID is output; each item creates its own account', async () => {
		const { items } = await ctx.run(create({ name: '={{ $json.name }}' }), [{ name: 'A' }, { name: 'B' }]);
		expect(ctx.calls('create_official_account').map((c) => c.body)).toEqual([
			{ Owner_Account: 'owner1', Name: 'A' },
			{ Owner_Account: 'owner1', Name: 'B' },
		]);
		expect(json(items).map((i) => i.name)).toEqual(['A', 'B']);
		for (const item of json(items)) expect(ctx.account(item.officialAccount)).toBeDefined();
		expect(json(items)[0].officialAccount).toMatch(/^@TOA#_/);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test.each([
		['Name', { name: '新'.repeat(51) }, 153, 150],
		['Introduction', { options: { introduction: 'i'.repeat(401) } }, 401, 400],
		['Avatar URL', { options: { faceUrl: 'u'.repeat(501) } }, 501, 500],
		['Organization', { options: { organization: '組'.repeat(167) } }, 501, 500],
		['Custom Data', { options: { customData: 'c'.repeat(3001) } }, 3001, 3000],
	])('%s over its byte limit fails before any call, naming the field, its bytes and the limit', async (label, more, bytes, limit) => {
		const { error } = await ctx.run(create(more));
		expect(error.message).toBe(`${label} is ${bytes} bytes in item 0, but Tencent allows at most ${limit} bytes`);
		expect(error.description).toMatch(/UTF-8/);
		expect(ctx.calls('create_official_account')).toHaveLength(0);
	});

	test('exactly at the limit is fine: 50 CJK characters are 150 bytes', async () => {
		const { error } = await ctx.run(create({ name: '新'.repeat(50) }));
		expect(error).toBeUndefined();
	});

	test.each([
		[{ options: { customId: 'store' } }, 'Custom ID "store" in item 0 does not start with @TOA#_'],
		[{ name: '  ' }, 'Name is empty in item 0'],
		[{ ownerAccount: '={{ $json.nobody }}' }, 'Owner Account is empty in item 0'],
	])('%j fails before any call: %s', async (more, message) => {
		const { error } = await ctx.run(create(more));
		expect(error.message).toBe(message);
		expect(ctx.calls('create_official_account')).toHaveLength(0);
	});

	test('Continue On Fail: a bad item becomes an error item, the others are created', async () => {
		const { items, error } = await ctx.run(create({ options: { customId: '={{ $json.id }}' } }), [{ id: '@TOA#_cof1' }, { id: 'bad' }, { id: '@TOA#_cof2' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_cof1', ownerAccount: 'owner1', name: 'Store News', customId: '@TOA#_cof1' },
			{ error: 'Custom ID "bad" in item 1 does not start with @TOA#_', description: expect.stringContaining('@TOA#_'), name: 'Store News' },
			{ officialAccount: '@TOA#_cof2', ownerAccount: 'owner1', name: 'Store News', customId: '@TOA#_cof2' },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('a Custom ID in use fails with Tencent\'s error', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_taken' });
		const { error } = await ctx.run(create({ options: { customId: '@TOA#_taken' } }));
		expect(error.message).toBe('Could not create official account "Store News": an official account with this Custom ID exists already [Tencent error 130003]');
		expect(ctx.calls('create_official_account')).toHaveLength(1);
	});

	test.each(['appliedThen502', 'appliedThenReset'])('%s: the create reaches Tencent exactly once and the item says the outcome is unknown', async (fault) => {
		ctx.backend.emu.setOptions({ faults: { [fault]: 1 } });
		const { error } = await ctx.run(create({ options: { customId: `@TOA#_${fault}` } }));
		expect(ctx.calls('create_official_account')).toHaveLength(1);
		expect(ctx.account(`@TOA#_${fault}`)).toBeDefined(); // it was created
		expect(error.message).toMatch(/outcome is unknown/);
		expect(error.description).toContain(`Official Account → Get for "@TOA#_${fault}"`);
	});

	test('without a Custom ID a lost answer leaves the outcome unknown and points at the console', async () => {
		ctx.backend.emu.setOptions({ faults: { appliedThen502: 1 } });
		const { error } = await ctx.run(create({ name: 'No Custom ID' }));
		expect(ctx.calls('create_official_account')).toHaveLength(1);
		expect(error.message).toMatch(/^Could not create official account "No Custom ID": the outcome is unknown/);
		expect(error.description).toContain('Tencent Cloud Chat console');
	});

	describe('with a Custom ID, a lost answer is checked with Get (never a second create)', () => {
		/** Answers create_official_account with a 502, after applying it when `apply` is set. */
		const loseCreateAnswer = (apply: boolean) =>
			ctx.loseAnswer('create_official_account', apply ? ({ body, sdkAppId }) => {
				createApi.handler({ body, app: ctx.state.getApp(sdkAppId), state: ctx.state, nowSeconds: Math.floor(Date.now() / 1000) } as Parameters<typeof createApi.handler>[0]);
			} : undefined);
		afterEach(() => ctx.backend.emu.setOptions({ intercept: null }));

		test('the account exists with this owner and name: the item succeeds', async () => {
			loseCreateAnswer(true);
			const { items, error } = await ctx.run(create({ options: { customId: '@TOA#_checked' } }));
			expect(error).toBeUndefined();
			expect(ctx.calls('create_official_account')).toHaveLength(1);
			expect(ctx.calls('get_official_account_info').map((c) => c.body)).toEqual([
				{ OfficialAccountIdList: [{ Official_Account: '@TOA#_checked' }], ResponseFilter: { OfficialAccountBaseInfoFilter: ['Name', 'Owner_Account'] } },
			]);
			expect(json(items)).toEqual([{ officialAccount: '@TOA#_checked', ownerAccount: 'owner1', name: 'Store News', customId: '@TOA#_checked' }]);
		});

		test('no such account: the item fails, saying it was most likely not created', async () => {
			loseCreateAnswer(false);
			const { error } = await ctx.run(create({ options: { customId: '@TOA#_never' } }));
			expect(ctx.calls('create_official_account')).toHaveLength(1);
			expect(ctx.account('@TOA#_never')).toBeUndefined();
			expect(error.message).toMatch(/the outcome is unknown/);
			expect(error.description).toMatch(/finds no account with this ID, so it was most likely not created\.$/);
		});

		test('an account with this ID but another owner: the item fails and says so', async () => {
			ctx.backend.emu.addOfficialAccount({ id: '@TOA#_someone', profile: { Name: 'Store News', Owner_Account: 'other' } });
			loseCreateAnswer(false);
			const { error } = await ctx.run(create({ options: { customId: '@TOA#_someone' } }));
			expect(error.description).toMatch(/finds an account with this ID but another owner or name\.$/);
		});
	});
});
