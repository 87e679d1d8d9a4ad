// Subscriber → Remove: Subscriber Accounts, and ID Source "field".
import { useBackend, json, paired } from '../../../support/officialAccount';

const ctx = useBackend();

beforeEach(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_rm', subscribers: ['a', 'b', 'c'] }));

describe('Subscriber → Remove, Subscriber Accounts', () => {
	beforeEach(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_crm', subscribers: ['existing1', 'existing2'] }));

	test('Remove sends SubscriberToDel_Account and reports removed and notSubscribed', async () => {
		const { items } = await ctx.run({ resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_crm', subscriberAccounts: 'existing1, ghost' });
		expect(ctx.calls('delete_subscriber').map((c) => c.body)).toEqual([{ Official_Account: '@TOA#_crm', SubscriberToDel_Account: ['existing1', 'ghost'] }]);
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'existing1', result: 'removed', resultCode: 1 },
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'ghost', result: 'notSubscribed', resultCode: 2 },
		]);
		expect(ctx.backend.emu.getSubscribers('@TOA#_crm')).toEqual(['existing2']);
	});
});

describe('Subscriber → Remove, ID Source "Field of Each Input Item"', () => {
	test('reads the field of each item and removes in one call', async () => {
		const params = { resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_rm', idSource: 'field', idField: 'user' };
		const { items, error } = await ctx.run(params, [{ user: 'a' }, { user: ['c', 'ghost'] }]);
		expect(error).toBeUndefined();
		expect(ctx.calls('delete_subscriber').map((c) => c.body)).toEqual([{ Official_Account: '@TOA#_rm', SubscriberToDel_Account: ['a', 'c', 'ghost'] }]);
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_rm', subscriberAccount: 'a', result: 'removed', resultCode: 1 },
			{ officialAccount: '@TOA#_rm', subscriberAccount: 'c', result: 'removed', resultCode: 1 },
			{ officialAccount: '@TOA#_rm', subscriberAccount: 'ghost', result: 'notSubscribed', resultCode: 2 },
		]);
		expect(paired(items).map((p) => p.item)).toEqual([0, 1, 1]);
		expect(ctx.backend.emu.getSubscribers('@TOA#_rm')).toEqual(['b']);
	});

	test('an empty ID Field is an error before any call', async () => {
		const { error } = await ctx.run({ resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_rm', idSource: 'field', idField: '  ' }, [{ user: 'a' }]);
		expect(error.message).toBe('ID Field is empty');
		expect(ctx.calls('delete_subscriber')).toHaveLength(0);
	});
});
