// Bad input gets a specific message that names the field and the item, loses no other item,
// and makes no API call that cannot succeed. The README's troubleshooting table lists these.
import { useBackend, json } from './support/backend';

const NODE = 'tencentChatOfficialAccount';
const add = (subscriberAccounts: unknown, officialAccount = '@TOA#_in') => ({ resource: 'subscriber', operation: 'add', officialAccount, subscriberAccounts });
const getAll = (more = {}) => ({ resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_in', ...more });

const backend = useBackend({ fast: true });
beforeEach(() => {
	backend().emu.setOptions({ intercept: null });
	backend().emu.addOfficialAccount({ id: '@TOA#_in', subscribers: 300 });
	backend().emu.clearRequests();
});

/** Runs the bad item between two good ones under continueOnFail: the good ones must still succeed. */
async function badItemAmongGood(parameters, badItem, goodItem) {
	const { items, error } = await backend().run(NODE, parameters, [goodItem, badItem, goodItem], { continueOnFail: true });
	expect(error).toBeUndefined();
	const byItem = (index: number) => items.filter((item) => item.pairedItem.item === index);
	expect(byItem(0).length).toBeGreaterThan(0);
	expect(byItem(2).length).toBe(byItem(0).length);
	expect(byItem(0).every((item) => item.json.error === undefined)).toBe(true);
	expect(byItem(1)).toHaveLength(1);
	return byItem(1)[0].json;
}

describe('parameters', () => {
	test.each([
		['an empty official account', getAll({ officialAccount: '={{ $json.account }}' }), { account: '' }, 'Official Account is empty in item 1'],
		['a whitespace official account', getAll({ officialAccount: '={{ $json.account }}' }), { account: '   ' }, 'Official Account is empty in item 1'],
		['Limit 0 from an expression', getAll({ limit: '={{ $json.limit }}' }), { limit: 0 }, 'Limit must be a whole number of 1 or more, but is 0 in item 1'],
		['a negative Limit', getAll({ limit: '={{ $json.limit }}' }), { limit: -5 }, 'Limit must be a whole number of 1 or more, but is -5 in item 1'],
		['a fractional Limit', getAll({ limit: '={{ $json.limit }}' }), { limit: 2.5 }, 'Limit must be a whole number of 1 or more, but is 2.5 in item 1'],
	])('Get Many: %s', async (_name, parameters, badItem, message) => {
		const good = { account: '@TOA#_in', limit: 3 };
		const error = await badItemAmongGood(parameters, badItem, good);
		expect(error.error).toBe(message);
		expect(backend().calls('get_subscriber_info')).toHaveLength(2);
	});

	test.each([
		['an empty ID in an array', ['a1', ''], 'Subscriber Accounts in item 1 has an empty ID at position 2'],
		['a blank ID in an array', ['a1', ' \t'], 'Subscriber Accounts in item 1 has an empty ID at position 2'],
		['an empty value', '  ', 'Subscriber Accounts in item 1 is empty'],
		['only separators', ' ,\n, ', 'Subscriber Accounts in item 1 is empty'],
		['an empty array', [], 'Subscriber Accounts in item 1 is an empty list'],
		['an array containing objects', ['a1', { id: 'a2' }], 'Subscriber Accounts in item 1 has an object at position 2, not an ID'],
		['an array containing null', ['a1', null], 'Subscriber Accounts in item 1 has null at position 2, not an ID'],
		['an object instead of IDs', { id: 'a1' }, 'Subscriber Accounts in item 1 is an object, not a list of IDs'],
		['a boolean instead of IDs', true, 'Subscriber Accounts in item 1 is a boolean, not a list of IDs'],
	])('Add: %s', async (_name, ids, message) => {
		const error = await badItemAmongGood(add('={{ $json.ids }}'), { ids }, { ids: 'good1' });
		expect(error.error).toBe(message);
		expect(backend().calls('add_subscriber').flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account))).toEqual(['good1']);
	});

	test('an empty official account on Add', async () => {
		const error = await badItemAmongGood(add('={{ $json.ids }}', '={{ $json.account }}'), { account: ' ', ids: 'x' }, { account: '@TOA#_in', ids: 'good1' });
		expect(error.error).toBe('Official Account is empty in item 1');
		expect(error.description).toBe('Enter the Official Account, or check that the expression for it returns a value for this item.');
	});

	test.each([
		['a trailing comma', 'a1, a2,'],
		['blank lines from a pasted column', 'a1\n\n  \na2\n'],
		['two commas in a row', 'a1,,a2'],
		['Windows line ends', 'a1\r\na2\r\n'],
	])('Add: typed text with %s skips the empty entries', async (_name, ids) => {
		const { items, error } = await backend().run(NODE, add(ids));
		expect(error).toBeUndefined();
		expect(json(items).map((r) => [r.subscriberAccount, r.result])).toEqual([['a1', 'added'], ['a2', 'added']]);
		expect(backend().calls('add_subscriber').map((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account))).toEqual([['a1', 'a2']]);
	});

	test('IDs that are numbers become strings', async () => {
		const { items } = await backend().run(NODE, add('={{ $json.ids }}'), [{ ids: [1001, 1002] }, { ids: 1003 }]);
		expect(json(items).map((r) => [r.subscriberAccount, r.result])).toEqual([['1001', 'added'], ['1002', 'added'], ['1003', 'added']]);
		expect(backend().calls('add_subscriber')[0].body.SubscriberList).toEqual([{ Subscriber_Account: '1001' }, { Subscriber_Account: '1002' }, { Subscriber_Account: '1003' }]);
	});

	test('more than 10,000 IDs in one item are fine, in batches of 100', async () => {
		const ids = Array.from({ length: 10050 }, (_, index) => `bulk${index}`);
		const { items, error } = await backend().run(NODE, add('={{ $json.ids }}'), [{ ids }]);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10050);
		expect(items.every((item) => item.json.result === 'added' && item.pairedItem.item === 0)).toBe(true);
		expect(backend().calls('add_subscriber')).toHaveLength(101);
	});

	test('without continueOnFail a bad item stops the node with itemIndex, before any call', async () => {
		const { error } = await backend().run(NODE, add('={{ $json.ids }}'), [{ ids: 'ok' }, { ids: ['x', {}] }]);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toBe('Subscriber Accounts in item 1 has an object at position 2, not an ID');
		expect(error.context.itemIndex).toBe(1);
		expect(backend().calls('add_subscriber')).toHaveLength(0);
	});
});

describe('credentials', () => {
	test.each([
		['a non-numeric SDKAppID', { sdkAppId: '14000abc' }, 'Tencent Cloud Chat API credential: The SDKAppID "14000abc" is not a number. Copy the SDKAppID (for example 1400000001) from the Tencent Cloud Chat console\'s application list.'],
		['a custom region without a base URL', { baseUrl: '' }, 'Tencent Cloud Chat API credential: The region is "Custom" but the Base URL is empty. Enter a full URL such as https://console.tim.qq.com or http://127.0.0.1:8080.'],
		['a malformed base URL', { baseUrl: 'http://127.0.0.1:99999' }, 'Tencent Cloud Chat API credential: The Base URL "http://127.0.0.1:99999" is not a valid URL. Enter a full URL with http:// or https://, such as http://127.0.0.1:8080.'],
		['a base URL without a scheme', { baseUrl: 'localhost:8080' }, 'Tencent Cloud Chat API credential: The Base URL "localhost:8080" must start with http:// or https://.'],
		['a base URL with another scheme', { baseUrl: 'ftp://127.0.0.1' }, 'Tencent Cloud Chat API credential: The Base URL "ftp://127.0.0.1" must start with http:// or https://.'],
		['an unknown region', { region: 'mars' }, 'Tencent Cloud Chat API credential: The region "mars" is unknown. Choose one of: china, singapore, seoul, tokyo, frankfurt, siliconValley, jakarta, custom.'],
		['an empty secret key', { secretKey: '  ' }, 'Tencent Cloud Chat API credential: The Secret Key is empty. Copy the key from the Tencent Cloud Chat console (Application Configuration > Basic Information).'],
	])('%s', async (_name, override, message) => {
		const { error } = await backend().harness.runNode({ type: NODE, parameters: getAll(), credentials: { ...backend().credentials, ...override } });
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Fix the "\w+" field of the credential\.$/);
		expect(backend().emu.requests()).toHaveLength(0);
	});
});

describe('server answers', () => {
	const answer = (body: unknown, status = 200, headers?: Record<string, string>) => () => ({ status, body, headers });
	test.each([
		['an HTML 502 page', answer('<html><body><h1>502 Bad Gateway</h1></body></html>', 502, { 'Content-Type': 'text/html' }), 'Tencent Cloud Chat answered HTTP 502', 6],
		['a 404 from a wrong base URL', answer('not found', 404, { 'Content-Type': 'text/plain' }), 'Tencent Cloud Chat answered HTTP 404', 1],
		['an empty body', answer(''), 'Tencent Cloud Chat answered with an empty body', 6],
		['text that is not JSON', answer('Service Unavailable'), 'Tencent Cloud Chat answered with a body that is not valid JSON', 6],
		['a JSON array', answer('[1,2,3]'), 'Tencent Cloud Chat answered with JSON that is not an object', 6],
		['JSON without ActionStatus', answer({ ErrorCode: 0, SubscriberList: [] }), 'Tencent Cloud Chat answered with JSON without an ActionStatus', 6],
		['ErrorCode 0 with ActionStatus FAIL', answer({ ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: 'unknown' }), 'Tencent reported a failure without an error code ("unknown")', 1],
	])('Get Many: %s', async (_name, intercept, problem, calls) => {
		backend().emu.setOptions({ intercept });
		const { error } = await backend().run(NODE, getAll());
		expect(error.message).toBe(`Could not get subscribers of official account "@TOA#_in" (page 1): ${problem}`);
		expect(backend().calls('get_subscriber_info')).toHaveLength(calls);
	});

	test('a subscriber entry without Subscriber_Account', async () => {
		backend().emu.setOptions({ intercept: answer({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Next: '', SubscriberList: [{ Subscriber_Account: 'a' }, { SubscribeTime: 1 }] }) });
		const { error } = await backend().run(NODE, getAll());
		expect(error.message).toBe('Tencent returned a subscriber without Subscriber_Account on page 1 of subscribers of official account "@TOA#_in"');
	});

	test('a response 10 times larger than asked for', async () => {
		const list = Array.from({ length: 2000 }, (_, index) => ({ Subscriber_Account: `u${index}` }));
		backend().emu.setOptions({ intercept: answer({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Next: 'more', SubscriberList: list }) });
		const { error } = await backend().run(NODE, getAll({ returnAll: true }));
		expect(error.message).toBe('Tencent returned 2000 entries on page 1 of subscribers of official account "@TOA#_in", but at most 200 were asked for');
	});

	test('Result values outside 0, 1 and 2, and IDs missing from the answer, fail per ID', async () => {
		backend().emu.setOptions({
			intercept: answer({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', SubscriberList: [{ Subscriber_Account: 'a', Result: 1 }, { Subscriber_Account: 'b', Result: 7 }, { Subscriber_Account: 'c', Result: '1' }] }),
		});
		const { items } = await backend().run(NODE, add('a, b, c, d'));
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_in', subscriberAccount: 'a', result: 'added', resultCode: 1 },
			{ officialAccount: '@TOA#_in', subscriberAccount: 'b', result: 'failed', resultCode: null, error: 'Tencent returned an unknown Result (7) for this ID' },
			{ officialAccount: '@TOA#_in', subscriberAccount: 'c', result: 'failed', resultCode: null, error: 'Tencent returned an unknown Result ("1") for this ID' },
			{ officialAccount: '@TOA#_in', subscriberAccount: 'd', result: 'failed', resultCode: null, error: 'Tencent returned no result for this ID' },
		]);
	});

	test('an ID that contains an errno-like word keeps the real message', async () => {
		const { error } = await backend().run(NODE, getAll({ officialAccount: '@TOA#_sleepermode' }));
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_sleepermode" (page 1): the official account does not exist, or was terminated [Tencent error 130004]');
	});

	test('a closed port names the base URL', async () => {
		const { error } = await backend().harness.runNode({ type: NODE, parameters: getAll(), credentials: { ...backend().credentials, baseUrl: 'http://127.0.0.1:9' } });
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_in" (page 1): could not reach Tencent Cloud Chat at http://127.0.0.1:9 (connection refused)');
		expect(error.description).toMatch(/^Check the Region \(or Base URL\) in the credential/);
	});
});
