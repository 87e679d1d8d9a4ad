// A credential failure stops the run's calls: one wrong key must never become hundreds of bad signatures.
import { APP, useBackend, json } from '../support/backend';

const NODE = 'tencentChatOfficialAccount';
const WRONG_KEY_MESSAGE = 'Could not add subscribers to official account "@TOA#_crm" (batch 1 of 200, 100 IDs): the Secret Key does not match the SDKAppID [Tencent error 70009]';

const backend = useBackend({ emulator: { latencyMs: 20 } });
beforeAll(() => {
	backend().emu.addOfficialAccount({ id: '@TOA#_crm', subscribers: 0 });
	backend().emu.addOfficialAccount({ id: '@TOA#_read', subscribers: 30 });
});
beforeEach(() => backend().emu.clearRequests());

const wrongKey = () => ({ credentials: { ...backend().credentials, secretKey: `${APP.secretKey}-wrong` } });
const ids = (count: number) => Array.from({ length: count }, (_, i) => `user${i}`);

test('Add of 20,000 IDs with a wrong key reaches Tencent once and stops', async () => {
	const { error } = await backend().run(NODE, { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_crm', subscriberAccounts: '={{ $json.ids }}' }, [{ ids: ids(20_000) }], wrongKey());
	expect(error.message).toBe(WRONG_KEY_MESSAGE);
	expect(backend().emu.requests().length).toBeLessThanOrEqual(2);
	expect(backend().emu.requests().map((r) => r.errorCode)).toEqual([70009]);
});

test('Get Many over 500 items with Continue On Fail and a wrong key: 500 error items, one call', async () => {
	const items = Array.from({ length: 500 }, () => ({}));
	const { items: output, error } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_read' }, items, { ...wrongKey(), continueOnFail: true });
	expect(error).toBeUndefined();
	expect(backend().emu.requests().length).toBeLessThanOrEqual(2);
	expect(output).toHaveLength(500);
	expect(output.map((item) => item.pairedItem.item)).toEqual(items.map((_, index) => index));
	expect(new Set(json(output).map((item) => item.error))).toEqual(new Set(['Could not get subscribers of official account "@TOA#_read" (page 1): the Secret Key does not match the SDKAppID [Tencent error 70009]']));
});

test.each([
	['an identifier that is not an admin', { identifier: 'not-an-admin' }, 70403],
	['an SDKAppID the region does not know', { sdkAppId: 1400099999 }, 70020],
])('%s also stops the run after one call', async (_name, overrides, code) => {
	const items = Array.from({ length: 50 }, () => ({}));
	const { items: output } = await backend().run(NODE, { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_read' }, items, {
		credentials: { ...backend().credentials, ...overrides },
		continueOnFail: true,
	});
	expect(backend().emu.requests().map((r) => r.errorCode)).toEqual([code]);
	expect(output).toHaveLength(50);
});

test('with a good key the first call goes alone, then the batches fan out', async () => {
	const { items, error } = await backend().run(NODE, { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_crm', subscriberAccounts: '={{ $json.ids }}' }, [{ ids: ids(2_000) }]);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2_000);
	const log = backend().emu.requests();
	expect(log).toHaveLength(20);
	// The emulator answers after 20 ms: nothing else arrived before the first answer left.
	expect(log[1].time - log[0].time).toBeGreaterThanOrEqual(20);
	// ...and then several calls were in flight at once.
	const starts = log.slice(1).map((r) => r.time);
	expect(starts[starts.length - 1] - starts[0]).toBeLessThan(20 * (starts.length - 1));
});
