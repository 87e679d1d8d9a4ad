// Stopping is immediate, and the retry budget counts from the first send, not from the wait for a turn.
import { fastRetries, useBackend } from '../support/backend';

const NODE = 'tencentChatOfficialAccount';

const backend = useBackend();
beforeAll(() => backend().emu.addOfficialAccount({ id: '@TOA#_stop', subscribers: 10 }));
beforeEach(() => {
	backend().emu.setOptions({ intercept: null, faults: { http502: 0 } });
	backend().emu.clearRequests();
});

test('cancelling during a long back-off ends the run at once', async () => {
	const restore = fastRetries({ transientDelayMs: 20_000 });
	try {
		backend().emu.setOptions({ faults: { http502: 1 } });
		const started = Date.now();
		const result = await backend().harness.run(
			{
				nodes: [
					{ id: 'a', name: 'Input', type: 'harness.input', typeVersion: 1, position: [0, 0], parameters: { items: '[{}]' } },
					{
						id: 'b',
						name: 'Node',
						type: `n8n-nodes-tencent-chat.${NODE}`,
						typeVersion: 1,
						position: [200, 0],
						parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_stop' },
						credentials: { tencentCloudChatApi: { id: 'cred-1', name: 'Tencent Cloud Chat' } },
					},
				],
				connections: { Input: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
			},
			{ credentials: { 'cred-1': backend().credentials }, cancelAfterMs: 300 },
		);
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(backend().calls('get_subscriber_info')).toHaveLength(1);
	} finally {
		restore();
	}
});

test('the retry budget counts from the first send, not from the wait in the pacer', async () => {
	// At 1 call a second the third batch waits about two seconds for its turn; a budget of 500 ms still
	// lets it retry the 502 it gets, since the budget starts when it is first sent.
	const restore = fastRetries({ retryBudgetMs: 500 });
	try {
		for (const id of ['@TOA#_b1', '@TOA#_b2', '@TOA#_b3']) backend().emu.addOfficialAccount({ id, subscribers: 0 });
		const html = { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>502</html>' };
		let seen = 0;
		backend().emu.setOptions({ intercept: ({ command }) => (command === 'add_subscriber' && ++seen === 3 ? html : undefined) });
		const parameters = { resource: 'subscriber', operation: 'add', officialAccount: '={{ $json.account }}', subscriberAccounts: 'u1', options: { maxCallsPerSecond: 1 } };
		const { items, error } = await backend().run(NODE, parameters, [{ account: '@TOA#_b1' }, { account: '@TOA#_b2' }, { account: '@TOA#_b3' }]);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.result)).toEqual(['added', 'added', 'added']);
		expect(backend().calls('add_subscriber')).toHaveLength(4);
	} finally {
		restore();
	}
});
