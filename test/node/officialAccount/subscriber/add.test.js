'use strict';
// Subscriber → Add with ID Source: "field" reads each item's field directly; "list" is today's behaviour.
const { useBackend, json, paired } = require('../../../support/officialAccount');

const ctx = useBackend();
const add = (more = {}) => ({ resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_sync', ...more });

beforeEach(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_sync', subscribers: ['old1'] }));

describe('Subscriber → Add, ID Source "Field of Each Input Item"', () => {
	test('250 items with one ID each in a field: 3 calls, one result per item', async () => {
		const ids = Array.from({ length: 250 }, (_, i) => `u${i}`);
		const { items, error } = await ctx.run(add({ idSource: 'field', idField: 'userId' }), ids.map((userId) => ({ userId })));
		expect(error).toBeUndefined();
		const calls = ctx.calls('add_subscriber');
		expect(calls.map((c) => c.body.SubscriberList.length)).toEqual([100, 100, 50]);
		expect(calls.flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account))).toEqual(ids);
		expect(json(items)).toEqual(ids.map((subscriberAccount) => ({ officialAccount: '@TOA#_sync', subscriberAccount, result: 'added', resultCode: 1 })));
		expect(paired(items)).toEqual(ids.map((_, item) => ({ item })));
	});

	test('nested fields, lists in a field and numbers work; existing subscribers say so', async () => {
		const { items } = await ctx.run(add({ idSource: 'field', idField: 'contact.ids' }), [{ contact: { ids: ['old1', 'n1'] } }, { contact: { ids: 'n2, n3' } }, { contact: { ids: 7 } }]);
		expect(json(items).map((i) => [i.subscriberAccount, i.result])).toEqual([
			['old1', 'alreadySubscribed'],
			['n1', 'added'],
			['n2', 'added'],
			['n3', 'added'],
			['7', 'added'],
		]);
		expect(paired(items).map((p) => p.item)).toEqual([0, 0, 1, 1, 2]);
	});

	test('a missing or empty field is an error naming the item, before any call', async () => {
		const { error } = await ctx.run(add({ idSource: 'field', idField: 'userId' }), [{ userId: 'a' }, { name: 'no id' }]);
		expect(error.message).toBe('The field "userId" is missing or empty in item 1');
		expect(ctx.calls('add_subscriber')).toHaveLength(0);
	});

	test('Continue On Fail: the item without the field becomes an error item, the others are added', async () => {
		const { items } = await ctx.run(add({ idSource: 'field', idField: 'userId' }), [{ userId: 'a' }, { userId: '' }, { userId: 'b' }], { continueOnFail: true });
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_sync', subscriberAccount: 'a', result: 'added', resultCode: 1 },
			{ error: 'The field "userId" is missing or empty in item 1', description: expect.stringContaining('"userId"') },
			{ officialAccount: '@TOA#_sync', subscriberAccount: 'b', result: 'added', resultCode: 1 },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('the default ID Source is the list, as before: Subscriber Accounts is read per item', async () => {
		const { items } = await ctx.run(add({ subscriberAccounts: '={{ $json.who }}', idField: 'ignored' }), [{ who: 'x1, x2' }]);
		expect(ctx.calls('add_subscriber').map((c) => c.body.SubscriberList)).toEqual([[{ Subscriber_Account: 'x1' }, { Subscriber_Account: 'x2' }]]);
		expect(json(items).map((i) => i.subscriberAccount)).toEqual(['x1', 'x2']);
	});
});
