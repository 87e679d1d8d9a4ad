'use strict';
const { APP, startBackend, json, paired } = require('./support/backend');

const NODE = 'tencentChatOfficialAccount';
const getAll = (officialAccount, more = {}) => ({ resource: 'subscriber', operation: 'getAll', officialAccount, ...more });
const change = (operation, subscriberAccounts, officialAccount = '@TOA#_crm', more = {}) => ({ resource: 'subscriber', operation, officialAccount, subscriberAccounts, ...more });

let backend;
beforeAll(async () => {
	backend = await startBackend();
});
afterAll(async () => backend.close());
beforeEach(() => backend.emu.clearRequests());

describe('Subscriber Get Many', () => {
	beforeAll(() => {
		backend.emu.addOfficialAccount({ id: '@TOA#_boundary', subscribers: 400 });
		backend.emu.addOfficialAccount({ id: '@TOA#_off', subscribers: 401 });
		backend.emu.addOfficialAccount({ id: '@TOA#_empty', subscribers: 0 });
	});

	test.each([
		['@TOA#_boundary', 400, [200, 200]],
		['@TOA#_off', 401, [200, 200, 200]],
	])('Return All on %s yields every subscriber in order with the fewest calls', async (officialAccount, count, limits) => {
		const { items, error } = await backend.run(NODE, getAll(officialAccount, { returnAll: true }));
		expect(error).toBeUndefined();
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual(backend.emu.getSubscribers(officialAccount));
		expect(items).toHaveLength(count);
		expect(Object.keys(items[0].json).sort()).toEqual(['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account']);
		expect(new Set(paired(items).map((p) => p.item))).toEqual(new Set([0]));

		const calls = backend.calls('get_subscriber_info');
		expect(calls.map((c) => c.body.Limit)).toEqual(limits);
		expect(calls[0].body.Next).toBe('');
		for (let page = 1; page < calls.length; page++) expect(calls[page].body.Next).not.toBe('');
	});

	test('Limit asks each page only for what it still needs and stops there', async () => {
		const { items } = await backend.run(NODE, getAll('@TOA#_off', { returnAll: false, limit: 250 }));
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual(backend.emu.getSubscribers('@TOA#_off').slice(0, 250));
		expect(backend.calls('get_subscriber_info').map((c) => c.body.Limit)).toEqual([200, 50]);
	});

	test('the default limit is 50, in one call', async () => {
		const { items } = await backend.run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_off' });
		expect(items).toHaveLength(50);
		expect(backend.calls('get_subscriber_info').map((c) => c.body.Limit)).toEqual([50]);
	});

	test('an account without subscribers yields no items after one call', async () => {
		const { items, error } = await backend.run(NODE, getAll('@TOA#_empty', { returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(backend.calls('get_subscriber_info')).toHaveLength(1);
	});

	test('several input items, each with its own official account and limit', async () => {
		const { items } = await backend.run(NODE, getAll('={{ $json.account }}', { limit: '={{ $json.limit }}' }), [
			{ account: '@TOA#_boundary', limit: 3 },
			{ account: '@TOA#_off', limit: 2 },
			{ account: '@TOA#_boundary', limit: 1 },
		]);
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual([
			...backend.emu.getSubscribers('@TOA#_boundary').slice(0, 3),
			...backend.emu.getSubscribers('@TOA#_off').slice(0, 2),
			backend.emu.getSubscribers('@TOA#_boundary')[0],
		]);
		expect(paired(items)).toEqual([0, 0, 0, 1, 1, 2].map((item) => ({ item })));
		expect(backend.calls('get_subscriber_info').map((c) => [c.body.Official_Account, c.body.Limit])).toEqual([
			['@TOA#_boundary', 3],
			['@TOA#_off', 2],
			['@TOA#_boundary', 1],
		]);
	});
});

describe('Subscriber Add and Remove', () => {
	beforeEach(() => {
		backend.emu.addOfficialAccount({ id: '@TOA#_crm', subscribers: ['existing1', 'existing2'] });
		backend.emu.addOfficialAccount({ id: '@TOA#_other', subscribers: [] });
	});

	test('250 items with one ID each make 3 calls of at most 100, and each item gets its result', async () => {
		const ids = Array.from({ length: 250 }, (_, index) => `crm${String(index).padStart(4, '0')}`);
		const { items, error } = await backend.run(NODE, change('add', '={{ $json.id }}'), ids.map((id) => ({ id })));
		expect(error).toBeUndefined();
		const calls = backend.calls('add_subscriber');
		expect(calls.map((c) => c.body.SubscriberList.length)).toEqual([100, 100, 50]);
		expect(calls.flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account))).toEqual(ids);
		expect(json(items)).toEqual(ids.map((subscriberAccount) => ({ officialAccount: '@TOA#_crm', subscriberAccount, result: 'added', resultCode: 1 })));
		expect(paired(items)).toEqual(ids.map((_, item) => ({ item })));
		expect(backend.emu.getSubscribers('@TOA#_crm')).toEqual(['existing1', 'existing2', ...ids]);
	});

	test('duplicates are sent once, every item that asked gets the result, and existing subscribers say so', async () => {
		const { items } = await backend.run(NODE, change('add', '={{ $json.ids }}'), [
			{ ids: 'new1, new2' },
			{ ids: ['new2', ' new3 '] },
			{ ids: 'existing1\nnew1' },
			{ ids: 42 },
		]);
		const calls = backend.calls('add_subscriber');
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
		const { items } = await backend.run(NODE, change('add', '={{ $json.id }}', '={{ $json.account }}'), [
			{ account: '@TOA#_crm', id: 'a1' },
			{ account: '@TOA#_other', id: 'b1' },
			{ account: '@TOA#_crm', id: 'a2' },
		]);
		const bodies = backend.calls('add_subscriber').map((c) => c.body).sort((x, y) => x.Official_Account.localeCompare(y.Official_Account));
		expect(bodies).toEqual([
			{ Official_Account: '@TOA#_crm', SubscriberList: [{ Subscriber_Account: 'a1' }, { Subscriber_Account: 'a2' }] },
			{ Official_Account: '@TOA#_other', SubscriberList: [{ Subscriber_Account: 'b1' }] },
		]);
		expect(json(items).map((r) => `${r.officialAccount}/${r.subscriberAccount}/${r.result}`)).toEqual(['@TOA#_crm/a1/added', '@TOA#_other/b1/added', '@TOA#_crm/a2/added']);
		expect(backend.emu.getSubscribers('@TOA#_other')).toEqual(['b1']);
	});

	test('Remove sends SubscriberToDel_Account and reports removed and notSubscribed', async () => {
		const { items } = await backend.run(NODE, change('remove', 'existing1, ghost'));
		expect(backend.calls('delete_subscriber').map((c) => c.body)).toEqual([{ Official_Account: '@TOA#_crm', SubscriberToDel_Account: ['existing1', 'ghost'] }]);
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'existing1', result: 'removed', resultCode: 1 },
			{ officialAccount: '@TOA#_crm', subscriberAccount: 'ghost', result: 'notSubscribed', resultCode: 2 },
		]);
		expect(backend.emu.getSubscribers('@TOA#_crm')).toEqual(['existing2']);
	});

	test('a full account fails the IDs it cannot take, per ID', async () => {
		backend.emu.addOfficialAccount({ id: '@TOA#_small', subscribers: ['one'], maxSubscribers: 2 });
		const { items } = await backend.run(NODE, change('add', 'two, three', '@TOA#_small'));
		expect(json(items).map((r) => [r.subscriberAccount, r.result, r.resultCode])).toEqual([
			['two', 'added', 1],
			['three', 'failed', 0],
		]);
	});

	test('continueOnFail: a bad item and a failing batch become error items, the rest succeed', async () => {
		const { items, error } = await backend.run(NODE, change('add', '={{ $json.ids }}', '={{ $json.account }}'), [
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
		expect(backend.emu.getSubscribers('@TOA#_crm')).toEqual(['existing1', 'existing2', 'ok1', 'ok4']);
	});

	test('without continueOnFail a bad item stops the node before any call', async () => {
		const { error } = await backend.run(NODE, change('add', '={{ $json.ids }}'), [{ ids: 'fine' }, { ids: '  ' }]);
		expect(error.message).toBe('Subscriber Accounts in item 1 is empty');
		expect(backend.calls('add_subscriber')).toHaveLength(0);
	});
});

describe('error messages', () => {
	test('130004: the official account does not exist', async () => {
		const { error } = await backend.run(NODE, getAll('@TOA#_nope'));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_nope" (page 1): the official account does not exist, or was terminated [Tencent error 130004]');
		expect(error.description).toMatch(/^Check the Official Account ID/);
		expect(backend.calls('get_subscriber_info')).toHaveLength(1);
	});

	test('131000: the official account service is not enabled', async () => {
		const other = { sdkAppId: 1400099999, secretKey: 'no-oa-service-key', admins: ['administrator'], officialAccountService: false };
		backend.emu.addApp(other);
		const { error } = await backend.harness.runNode({
			type: NODE,
			parameters: getAll('@TOA#_x'),
			credentials: { ...backend.credentials, sdkAppId: other.sdkAppId, secretKey: other.secretKey },
		});
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_x" (page 1): the official account service is not enabled for this app [Tencent error 131000]');
		expect(error.description).toMatch(/Enable official accounts in the Tencent Cloud Chat console/);
	});

	test('a wrong secret key is named, not retried, and not shown', async () => {
		const { error } = await backend.harness.runNode({
			type: NODE,
			parameters: getAll('@TOA#_boundary'),
			credentials: { ...backend.credentials, secretKey: 'wrong-key-123' },
		});
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_boundary" (page 1): the Secret Key does not match the SDKAppID [Tencent error 70009]');
		expect(error.description).toMatch(/^Open the Tencent Cloud Chat API credential and check the Secret Key/);
		expect(backend.calls('get_subscriber_info')).toHaveLength(1);
		expect(JSON.stringify({ message: error.message, description: error.description, cause: error.cause })).not.toContain('wrong-key-123');
		expect(APP.secretKey).not.toBe('wrong-key-123');
	});
});
