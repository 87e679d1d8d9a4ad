import { useBackend, json, paired } from '../../../support/officialAccount';

const ctx = useBackend();
const del = (officialAccount = '={{ $json.id }}') => ({ resource: 'officialAccount', operation: 'delete', officialAccount });

describe('Official Account → Delete', () => {
	test('destroys each account and outputs deleted: true', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_d1', subscribers: 5 });
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_d2' });
		const { items, error } = await ctx.run(del(), [{ id: '@TOA#_d1' }, { id: '@TOA#_d2' }]);
		expect(error).toBeUndefined();
		expect(ctx.calls('destroy_official_account').map((c) => c.body)).toEqual([{ Official_Account: '@TOA#_d1' }, { Official_Account: '@TOA#_d2' }]);
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_d1', deleted: true },
			{ officialAccount: '@TOA#_d2', deleted: true },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(ctx.account('@TOA#_d1')).toBeUndefined();
	});

	test('an unknown account fails; Continue On Fail makes it an error item', async () => {
		const { error } = await ctx.run(del('@TOA#_none'));
		expect(error.message).toBe('Could not delete official account "@TOA#_none": the official account does not exist, or was terminated [Tencent error 130004]');
		const { items } = await ctx.run(del(), [{ id: '' }, { id: '@TOA#_none' }], { continueOnFail: true });
		expect(json(items).map((i) => i.error)).toEqual(['Official Account is empty in item 0', expect.stringMatching(/^Could not delete official account "@TOA#_none"/)]);
		expect(json(items).map((i) => i.officialAccount)).toEqual([undefined, '@TOA#_none']); // the item's identifying field
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('appliedThenReset: the destroy reaches Tencent once; with every call failing the outcome stays unknown', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_lost' });
		ctx.backend.emu.setOptions({ faults: { appliedThenReset: 1 } });
		const { error } = await ctx.run(del('@TOA#_lost'));
		expect(ctx.calls('destroy_official_account')).toHaveLength(1);
		expect(ctx.account('@TOA#_lost')).toBeUndefined(); // it was deleted, the answer was lost
		expect(error.message).toMatch(/outcome is unknown/);
		expect(error.description).toContain('Official Account → Get whether "@TOA#_lost" still exists');
	});

	describe('a lost answer is checked with Get (never a second destroy)', () => {
		const loseDestroyAnswer = (apply: boolean) =>
			ctx.loseAnswer('destroy_official_account', apply ? ({ body, sdkAppId }) => ctx.state.removeAccount(sdkAppId, body.Official_Account) : undefined);
		afterEach(() => ctx.backend.emu.setOptions({ intercept: null }));

		test('the account is gone: deleted: true', async () => {
			ctx.backend.emu.addOfficialAccount({ id: '@TOA#_gone' });
			loseDestroyAnswer(true);
			const { items, error } = await ctx.run(del('@TOA#_gone'));
			expect(error).toBeUndefined();
			expect(ctx.calls('destroy_official_account')).toHaveLength(1);
			expect(ctx.calls('get_official_account_info')).toHaveLength(1);
			expect(json(items)).toEqual([{ officialAccount: '@TOA#_gone', deleted: true }]);
		});

		test('the account is still there: the item fails and says it was not deleted', async () => {
			ctx.backend.emu.addOfficialAccount({ id: '@TOA#_stays' });
			loseDestroyAnswer(false);
			const { error } = await ctx.run(del('@TOA#_stays'));
			expect(ctx.calls('destroy_official_account')).toHaveLength(1);
			expect(error.message).toMatch(/outcome is unknown/);
			expect(error.description).toMatch(/still finds "@TOA#_stays", so it was not deleted\.$/);
		});
	});

});
