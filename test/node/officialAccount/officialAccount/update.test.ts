import { useBackend, json, paired } from '../../../support/officialAccount';

const ctx = useBackend();
const update = (updateFields: Record<string, any>, officialAccount = '@TOA#_u') => ({ resource: 'officialAccount', operation: 'update', officialAccount, updateFields });

beforeEach(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_u', subscribers: 3, maxSubscribers: 3 }));

describe('Official Account → Update', () => {
	test('sends the changed fields under Official_Account and outputs them under the parameter names', async () => {
		const fields = { name: 'Renamed', introduction: '新介绍', faceUrl: 'https://x.test/b.png', organization: 'Org', customData: 'v2', maxSubscribers: 10 };
		const { items, error } = await ctx.run(update(fields));
		expect(error).toBeUndefined();
		expect(ctx.calls('modify_official_account_base_info').map((c) => c.body)).toEqual([
			{ Official_Account: '@TOA#_u', Name: 'Renamed', Introduction: '新介绍', FaceUrl: 'https://x.test/b.png', Organization: 'Org', CustomString: 'v2', MaxSubscriberNum: 10 },
		]);
		expect(json(items)).toEqual([{ officialAccount: '@TOA#_u', ...fields }]);
		expect(paired(items)).toEqual([{ item: 0 }]);
		expect(ctx.account('@TOA#_u').profile).toMatchObject({ Name: 'Renamed', CustomString: 'v2' });
		expect(ctx.account('@TOA#_u').subscribers.maxSubscribers).toBe(10);
	});

	test('only the fields given are sent', async () => {
		const { items } = await ctx.run(update({ customData: '' }));
		expect(ctx.calls('modify_official_account_base_info').map((c) => c.body)).toEqual([{ Official_Account: '@TOA#_u', CustomString: '' }]);
		expect(json(items)).toEqual([{ officialAccount: '@TOA#_u', customData: '' }]);
	});

	test('an empty Update Fields is an error naming it and the item, before any call', async () => {
		const { error } = await ctx.run(update({}));
		expect(error.message).toBe('Update Fields is empty in item 0');
		expect(ctx.calls('modify_official_account_base_info')).toHaveLength(0);
	});

	test('a field over its byte limit fails before any call', async () => {
		const { error } = await ctx.run(update({ name: 'n'.repeat(151) }));
		expect(error.message).toBe('Name is 151 bytes in item 0, but Tencent allows at most 150 bytes');
		expect(ctx.calls('modify_official_account_base_info')).toHaveLength(0);
	});

	test('Continue On Fail: an unknown account becomes an error item with the others updated', async () => {
		const { items } = await ctx.run(update({ organization: 'X' }, '={{ $json.id }}'), [{ id: '@TOA#_none' }, { id: '@TOA#_u' }], { continueOnFail: true });
		expect(json(items)).toEqual([
			{ error: 'Could not update official account "@TOA#_none": the official account does not exist, or was terminated [Tencent error 130004]', description: expect.any(String), officialAccount: '@TOA#_none' },
			{ officialAccount: '@TOA#_u', organization: 'X' },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
