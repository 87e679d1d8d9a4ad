import { useBackend, json, paired } from '../../../support/officialAccount';

const ctx = useBackend();
const update = (more = {}) => ({ resource: 'subscriber', operation: 'update', officialAccount: '@TOA#_crm', subscriberAccount: '={{ $json.user }}', customData: '={{ $json.tier }}', ...more });

beforeAll(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_crm', subscribers: 5 }));

describe('Subscriber → Update', () => {
	test('sets each subscriber\'s CustomString and outputs what was set', async () => {
		const { items, error } = await ctx.run(update(), [{ user: 'user000001', tier: 'gold' }, { user: 'user000004', tier: '白金' }]);
		expect(error).toBeUndefined();
		expect(ctx.calls('modify_subscriber_info').map((c) => c.body)).toEqual([
			{ Official_Account: '@TOA#_crm', Subscriber_Account: 'user000001', CustomString: 'gold' },
			{ Official_Account: '@TOA#_crm', Subscriber_Account: 'user000004', CustomString: '白金' },
		]);
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'user000001', customData: 'gold' },
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'user000004', customData: '白金' },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		const subs = ctx.account('@TOA#_crm').subscribers;
		expect([subs.recordOf('user000001').CustomString, subs.recordOf('user000004').CustomString]).toEqual(['gold', '白金']);
	});

	test('Custom Data over 3000 bytes and an empty Subscriber Account fail before any call', async () => {
		let { error } = await ctx.run(update(), [{ user: 'user000001', tier: '金'.repeat(1001) }]);
		expect(error.message).toBe('Custom Data is 3003 bytes in item 0, but Tencent allows at most 3000 bytes');
		({ error } = await ctx.run(update(), [{ user: '', tier: 'x' }]));
		expect(error.message).toBe('Subscriber Account is empty in item 0');
		expect(ctx.calls('modify_subscriber_info')).toHaveLength(0);
	});

	test('Continue On Fail: a user who does not follow becomes an error item with the account and user', async () => {
		const { items } = await ctx.run(update(), [{ user: 'stranger', tier: 'x' }, { user: 'user000002', tier: 'y' }], { continueOnFail: true });
		expect(json(items)).toEqual([
			{ error: 'Could not update subscriber "stranger" of official account "@TOA#_crm": the user does not follow this official account, or a parameter is invalid [Tencent error 6017]', description: expect.stringContaining('does not follow'), officialAccount: '@TOA#_crm', subscriberAccount: 'stranger' },
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'user000002', customData: 'y' },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
