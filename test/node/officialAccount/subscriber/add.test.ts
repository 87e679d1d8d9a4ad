// Subscriber → Add: Subscriber Accounts per item (batches of 100, duplicates, per-account batches, Continue On Fail)
// and ID Source "field", which reads each item's field directly.
import { useBackend, json, paired } from '../../../support/officialAccount';
import type { Item } from '../../../harness';

const ctx = useBackend();
const add = (more = {}) => ({ resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_sync', ...more });
const change = (operation: string, subscriberAccounts: string, officialAccount = '@TOA#_crm', more = {}) => ({ resource: 'subscriber', operation, officialAccount, subscriberAccounts, ...more });

beforeEach(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_sync', subscribers: ['old1'] }));

/** 250 new subscribers of `officialAccount`: three calls of 100, 100 and 50 in order, one "added" item each. */
function expectAddedInBatches(officialAccount: string, ids: string[], items: Item[]) {
	const calls = ctx.calls('add_subscriber');
	expect(calls.map((c) => c.body.SubscriberList.length)).toEqual([100, 100, 50]);
	expect(calls.flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account))).toEqual(ids);
	expect(json(items)).toEqual(ids.map((subscriberAccount) => ({ officialAccount, subscriberAccount, result: 'added', resultCode: 1 })));
	expect(paired(items)).toEqual(ids.map((_, item) => ({ item })));
}

describe('Subscriber → Add, Subscriber Accounts per item', () => {
	beforeEach(() => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_crm', subscribers: ['existing1', 'existing2'] });
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_other', subscribers: [] });
	});

	test('250 items with one ID each make 3 calls of at most 100, and each item gets its result', async () => {
		const ids = Array.from({ length: 250 }, (_, index) => `crm${String(index).padStart(4, '0')}`);
		const { items, error } = await ctx.run(change('add', '={{ $json.id }}'), ids.map((id) => ({ id })));
		expect(error).toBeUndefined();
		expectAddedInBatches('@TOA#_crm', ids, items);
		expect(ctx.backend.emu.getSubscribers('@TOA#_crm')).toEqual(['existing1', 'existing2', ...ids]);
	});

	test('duplicates are sent once, every item that asked gets the result, and existing subscribers say so', async () => {
		const { items } = await ctx.run(change('add', '={{ $json.ids }}'), [
			{ ids: 'new1, new2' },
			{ ids: ['new2', ' new3 '] },
			{ ids: 'existing1\nnew1' },
			{ ids: 42 },
		]);
		const calls = ctx.calls('add_subscriber');
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toEqual({ Official_Account: '@TOA#_crm', SubscriberList: ['new1', 'new2', 'new3', 'existing1', '42'].map((Subscriber_Account) => ({ Subscriber_Account })) });
		expect(json(items).map((r) => [r.subscriberAccount, r.result, r.resultCode])).toEqual([
			['new1', 'added', 1],
			['new2', 'added', 1],
			['new2', 'added', 1],
			['new3', 'added', 1],
			['existing1', 'alreadySubscribed', 2],
			['new1', 'added', 1],
			['42', 'added', 1],
		]);
		expect(paired(items).map((p) => p.item)).toEqual([0, 0, 1, 1, 2, 2, 3]);
	});

	test('IDs of different official accounts are batched per account', async () => {
		const { items } = await ctx.run(change('add', '={{ $json.id }}', '={{ $json.account }}'), [
			{ account: '@TOA#_crm', id: 'a1' },
			{ account: '@TOA#_other', id: 'b1' },
			{ account: '@TOA#_crm', id: 'a2' },
		]);
		const bodies = ctx.calls('add_subscriber').map((c) => c.body).sort((x, y) => x.Official_Account.localeCompare(y.Official_Account));
		expect(bodies).toEqual([
			{ Official_Account: '@TOA#_crm', SubscriberList: [{ Subscriber_Account: 'a1' }, { Subscriber_Account: 'a2' }] },
			{ Official_Account: '@TOA#_other', SubscriberList: [{ Subscriber_Account: 'b1' }] },
		]);
		expect(json(items).map((r) => `${r.officialAccount}/${r.subscriberAccount}/${r.result}`)).toEqual(['@TOA#_crm/a1/added', '@TOA#_other/b1/added', '@TOA#_crm/a2/added']);
		expect(ctx.backend.emu.getSubscribers('@TOA#_other')).toEqual(['b1']);
	});

	test('a full account fails the IDs it cannot take, per ID', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_small', subscribers: ['one'], maxSubscribers: 2 });
		const { items } = await ctx.run(change('add', 'two, three', '@TOA#_small'));
		expect(json(items).map((r) => [r.subscriberAccount, r.result, r.resultCode])).toEqual([
			['two', 'added', 1],
			['three', 'failed', 0],
		]);
	});

	test('continueOnFail: a bad item and a failing batch become error items, the rest succeed', async () => {
		const { items, error } = await ctx.run(change('add', '={{ $json.ids }}', '={{ $json.account }}'), [
			{ account: '@TOA#_crm', ids: 'ok1' },
			{ account: '@TOA#_crm', ids: ['ok2', ' ', 'ok3'] },
			{ account: '@TOA#_missing', ids: 'x1, x2' },
			{ account: '@TOA#_crm', ids: 'ok4' },
		], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem.item, item.json.subscriberAccount ?? null, item.json.result ?? null])).toEqual([
			[0, 'ok1', 'added'],
			[1, null, null],
			[2, 'x1', null],
			[2, 'x2', null],
			[3, 'ok4', 'added'],
		]);
		expect(items[1].json.error).toBe('Subscriber Accounts in item 1 has an empty ID at position 2');
		expect(items[2].json.error).toMatch(/^Could not add subscribers to official account "@TOA#_missing" \(batch 1 of 1, 2 IDs\): the official account does not exist, or was terminated \[Tencent error 130004\]$/);
		expect(ctx.backend.emu.getSubscribers('@TOA#_crm')).toEqual(['existing1', 'existing2', 'ok1', 'ok4']);
	});

	test('without continueOnFail a bad item stops the node before any call', async () => {
		const { error } = await ctx.run(change('add', '={{ $json.ids }}'), [{ ids: 'fine' }, { ids: '  ' }]);
		expect(error.message).toBe('Subscriber Accounts in item 1 is empty');
		expect(ctx.calls('add_subscriber')).toHaveLength(0);
	});
});

describe('Subscriber → Add, ID Source "Field of Each Input Item"', () => {
	test('250 items with one ID each in a field: 3 calls, one result per item', async () => {
		const ids = Array.from({ length: 250 }, (_, i) => `u${i}`);
		const { items, error } = await ctx.run(add({ idSource: 'field', idField: 'userId' }), ids.map((userId) => ({ userId })));
		expect(error).toBeUndefined();
		expectAddedInBatches('@TOA#_sync', ids, items);
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
