// A call that is not repeatable (send, create, recall, delete) is re-sent only when Tencent provably did not act.
import net from 'node:net';
import { useBackend } from '../support/backend';
import { startTransportBackend, scripted, tencentFail } from '../support/transport';

const backend = useBackend({ start: startTransportBackend, fast: true });
beforeEach(() => {
	backend().emu.reset();
	backend().emu.addOfficialAccount({ id: '@TOA#_once', subscribers: 0 });
});

const sent = () => backend().calls('add_subscriber').length;

describe.each([['appliedThen502'], ['appliedThenReset']])('an answer lost after the change (%s)', (fault) => {
	test('a call that is not repeatable reaches Tencent exactly once and fails as "outcome unknown"', async () => {
		backend().emu.setOptions({ faults: { [fault]: 1 } });
		const { error } = await backend().send([backend().addCall('@TOA#_once', 'u1', false)]);
		expect(sent()).toBe(1);
		expect(backend().emu.getSubscribers('@TOA#_once')).toEqual(['u1']);
		expect(error.message).toMatch(/^Could not send the test call: the outcome is unknown, because /);
		expect(error.description).toBe(
			'Tencent may have acted on the request before the answer was lost, so the node did not send it again. ' +
				'Check in the Tencent Cloud Chat console whether it took effect before you run this item again.',
		);
	});

	test('the call names how to check its outcome when it says', async () => {
		backend().emu.setOptions({ faults: { [fault]: 1 } });
		const call = { ...backend().addCall('@TOA#_once', 'u1', false), outcomeCheck: 'Message → Get Many shows whether it went out.' };
		const { error } = await backend().send([call]);
		expect(error.description).toMatch(/ Message → Get Many shows whether it went out\.$/);
	});

	test('a repeatable call is retried', async () => {
		backend().emu.setOptions({ faults: { [fault]: 1 } });
		const { error } = await backend().send([backend().addCall('@TOA#_once', 'u1', true)]);
		expect(sent()).toBe(6);
		expect(error.message).not.toMatch(/outcome is unknown/);
	});
});

test.each([
	['an internal error (10002)', tencentFail(10002)],
	['HTTP 502', { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>502</html>' }],
	['a cut answer', { body: '{"ActionStatus":"OK","Subscr' }],
])('after %s a call that is not repeatable is not re-sent', async (_name, answer) => {
	backend().emu.setOptions({ intercept: scripted('add_subscriber', [answer]) });
	const { error } = await backend().send([backend().addCall('@TOA#_once', 'u1', false)]);
	expect(sent()).toBe(1);
	expect(error.message).toMatch(/the outcome is unknown/);
});

test.each([
	['a rate-limit answer (60007)', tencentFail(60007)],
	['a rate-limit answer (10023)', tencentFail(10023)],
	['an expired ticket (70001)', tencentFail(70001)],
	['an invalidated ticket (70052)', tencentFail(70052)],
])('after %s, which Tencent did not act on, the call is re-sent and succeeds', async (_name, answer) => {
	backend().emu.setOptions({ intercept: scripted('add_subscriber', [answer]) });
	const { items, error } = await backend().send([backend().addCall('@TOA#_once', 'u1', false)]);
	expect(error).toBeUndefined();
	expect(items[0].json.SubscriberList).toEqual([{ Subscriber_Account: 'u1', Result: 1 }]);
	expect(sent()).toBe(2);
	expect(backend().emu.getSubscribers('@TOA#_once')).toEqual(['u1']);
});

test('a refused connection is re-sent, since nothing reached Tencent', async () => {
	const port = await new Promise<number>((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port: free } = server.address() as net.AddressInfo;
			server.close(() => resolve(free));
		});
	});
	const { error } = await backend().harness.runNode({
		type: 'harness.transportCall',
		parameters: { call: backend().addCall('@TOA#_once', 'u1', false) },
		credentials: { ...backend().credentials, baseUrl: `http://127.0.0.1:${port}` },
	});
	expect(error.message).toBe(`Could not send the test call: could not reach Tencent Cloud Chat at http://127.0.0.1:${port} (connection refused)`);
	expect(error.description).toMatch(/\(6 attempts\)$/);
});

test('a documented rejection is not retried and is not "unknown"', async () => {
	const { error } = await backend().send([backend().addCall('@TOA#_missing', 'u1', false)]);
	expect(sent()).toBe(1);
	expect(error.message).toBe('Could not send the test call: the official account does not exist, or was terminated [Tencent error 130004]');
});
