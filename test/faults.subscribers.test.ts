// Nothing is lost under faults: transient errors, rate limits, hangs, expiring tickets and hostile cursors.
import { useBackend, fastRetries, json } from './support/backend';

const NODE = 'tencentChatOfficialAccount';
const TRANSIENT_AND_RATE_LIMITED = { http502: 0.025, error20005: 0.025, error10002: 0.025, malformedJson: 0.025, rateLimited: 0.05 };
const ids = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(6, '0')}`);

const backend = useBackend({ fast: true });
beforeEach(() => {
	backend().emu.setOptions({ faults: { http502: 0, error20005: 0, error10002: 0, malformedJson: 0, rateLimited: 0, hang: 0 }, latencyMs: 0, intercept: null, maxTicketAgeSeconds: null });
	backend().emu.clearRequests();
});

function faultsInjected(): number {
	return Object.values<number>(backend().emu.stats().faults).reduce((sum, count) => sum + count, 0);
}

test('sync under faults: 20,000 adds then removes, the final set is exact and every item has one result', async () => {
	backend().emu.addOfficialAccount({ id: '@TOA#_sync', subscribers: ['keep1', 'keep2'] });
	backend().emu.setOptions({ faults: TRANSIENT_AND_RATE_LIMITED, faultSeed: 7 });
	const wanted = ids(20000, 'crm');

	const added = await backend().run(NODE, { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_sync', subscriberAccounts: '={{ $json.id }}' }, wanted.map((id) => ({ id })));
	expect(added.error).toBeUndefined();
	expect(added.items).toHaveLength(20000);
	expect(added.items.every((item, index) => item.pairedItem.item === index && item.json.subscriberAccount === wanted[index] && item.json.result === 'added')).toBe(true);
	// Batches run concurrently, so the server's order is not the input order: compare the sets.
	expect([...backend().emu.getSubscribers('@TOA#_sync')].sort()).toEqual(['keep1', 'keep2', ...wanted].sort());
	const addFaults = faultsInjected();
	expect(addFaults).toBeGreaterThan(10);

	backend().emu.clearRequests();
	const removed = await backend().run(NODE, { resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_sync', subscriberAccounts: '={{ $json.id }}' }, wanted.map((id) => ({ id })));
	expect(removed.error).toBeUndefined();
	expect(removed.items.every((item, index) => item.pairedItem.item === index && item.json.result === 'removed')).toBe(true);
	expect(backend().emu.getSubscribers('@TOA#_sync')).toEqual(['keep1', 'keep2']);
	expect(faultsInjected()).toBeGreaterThan(10);
}, 120000);

test('Return All under faults: 50,000 subscribers, none missing and none twice', async () => {
	backend().emu.addOfficialAccount({ id: '@TOA#_big', subscribers: 50000 });
	backend().emu.setOptions({ faults: TRANSIENT_AND_RATE_LIMITED, faultSeed: 11 });
	const { items, error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_big', returnAll: true });
	expect(error).toBeUndefined();
	const accounts = json(items).map((s) => s.Subscriber_Account);
	expect(new Set(accounts).size).toBe(50000);
	expect(accounts).toEqual(backend().emu.getSubscribers('@TOA#_big'));
	expect(faultsInjected()).toBeGreaterThan(10);
}, 120000);

test('a ticket that expires mid-run is renewed and the run completes', async () => {
	backend().emu.addOfficialAccount({ id: '@TOA#_slow', subscribers: 3000 });
	backend().emu.setOptions({ latencyMs: 150, maxTicketAgeSeconds: 1 });
	const before = backend().emu.stats().distinctTicketIds;
	const { items, error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_slow', returnAll: true });
	expect(error).toBeUndefined();
	expect(json(items).map((s) => s.Subscriber_Account)).toEqual(backend().emu.getSubscribers('@TOA#_slow'));
	const expired = backend().emu.requests().filter((request) => request.errorCode === 70001);
	expect(expired.length).toBeGreaterThan(0);
	expect(backend().emu.stats().distinctTicketIds).toBeGreaterThan(before);
}, 60000);

test('a request that hangs is abandoned at the client timeout and retried', async () => {
	const restore = fastRetries({ timeoutMs: 300 });
	try {
		backend().emu.addOfficialAccount({ id: '@TOA#_hang', subscribers: 2000 });
		backend().emu.setOptions({ faults: { hang: 0.3 }, hangMs: 60000, faultSeed: 3 });
		const started = Date.now();
		const { items, error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_hang', returnAll: true });
		expect(error).toBeUndefined();
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual(backend().emu.getSubscribers('@TOA#_hang'));
		expect(backend().emu.stats().faults.hang).toBeGreaterThan(0);
		expect(Date.now() - started).toBeLessThan(20000);
	} finally {
		restore();
	}
}, 60000);

describe('persistent failure', () => {
	test('fails in bounded time, naming the account, the page and the Tencent code', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_flaky', subscribers: 1000 });
		let calls = 0;
		backend().emu.setOptions({ intercept: () => (++calls > 2 ? { body: { ActionStatus: 'FAIL', ErrorCode: 20005, ErrorInfo: 'internal error' } } : undefined) });
		const { error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_flaky', returnAll: true });
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_flaky" (page 3): Tencent reported an internal error [Tencent error 20005]');
		expect(error.description).toBe('The node retried; try again later. Tencent said: "internal error". (6 attempts)');
		expect(backend().calls('get_subscriber_info')).toHaveLength(2 + 6);
	});

	test('with continueOnFail, the items of the failing batch carry the error and the rest succeed', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_good', subscribers: [] });
		backend().emu.addOfficialAccount({ id: '@TOA#_broken', subscribers: [] });
		backend().emu.setOptions({ intercept: (request) => (request.body.Official_Account === '@TOA#_broken' ? { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><body>502 Bad Gateway</body></html>' } : undefined) });
		const { items, error } = await backend().run(
			NODE,
			{ resource: 'subscriber', operation: 'add', officialAccount: '={{ $json.account }}', subscriberAccounts: '={{ $json.id }}' },
			[{ account: '@TOA#_good', id: 'g1' }, { account: '@TOA#_broken', id: 'b1' }, { account: '@TOA#_good', id: 'g2' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem.item, item.json.result ?? item.json.error])).toEqual([
			[0, 'added'],
			[1, 'Could not add subscribers to official account "@TOA#_broken" (batch 1 of 1, 1 IDs): Tencent Cloud Chat answered HTTP 502'],
			[2, 'added'],
		]);
		expect(backend().emu.getSubscribers('@TOA#_good')).toEqual(['g1', 'g2']);
		expect(backend().calls('add_subscriber').filter((c) => c.body.Official_Account === '@TOA#_broken')).toHaveLength(6);
	});
});

describe('hostile cursors end with a clear error within a bounded number of calls', () => {
	test('a repeated Next cursor', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_loop', subscribers: 1000, hostile: 'repeatNext' });
		const { error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_loop', returnAll: true });
		expect(error.message).toMatch(/^Stopped paging subscribers of official account "@TOA#_loop" after page 2: Tencent sent the same cursor ".+" twice$/);
		expect(backend().calls('get_subscriber_info')).toHaveLength(2);
	});

	test('a non-empty Next with empty pages forever', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_void', subscribers: 1000, hostile: 'emptyPagesForever' });
		const { error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_void', returnAll: true });
		expect(error.message).toMatch(/^Stopped paging subscribers of official account "@TOA#_void" after page \d+: Tencent sent 5 empty pages in a row with a cursor to continue$/);
		expect(backend().calls('get_subscriber_info').length).toBeLessThanOrEqual(6);
	});
});
