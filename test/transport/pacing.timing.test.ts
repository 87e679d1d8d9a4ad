// Max Calls Per Second is checked at run time and paces its own run only; the app's 200 calls/s is shared.
import { spawnEmulator } from '../../emulator';
import { APP, useBackend } from '../support/backend';
import { densestSecond, ids } from '../support/timing';

const NODE = 'tencentChatOfficialAccount';
const add = (officialAccount: string, maxCallsPerSecond: number | string) => ({
	resource: 'subscriber',
	operation: 'add',
	officialAccount,
	subscriberAccounts: '={{ $json.ids }}',
	options: { maxCallsPerSecond },
});

const backend = useBackend();
beforeEach(() => backend().emu.clearRequests());

test.each([
	['0', 0],
	['0.5', 0.5],
	['-5', -5],
	['1000000000', 1e9],
	['"text"', 'text'],
])('Max Calls Per Second %s from an expression is an error naming the field and the item', async (shown, value) => {
	backend().emu.addOfficialAccount({ id: '@TOA#_rate', subscribers: 0 });
	const { error } = await backend().run(NODE, add('@TOA#_rate', '={{ $json.rate }}'), [{ ids: ['u1'], rate: value }]);
	expect(error.message).toBe(`Max Calls Per Second must be a whole number from 1 to 200, but is ${shown} in item 0`);
	expect(error.description).toBe("Set Max Calls Per Second to a whole number from 1 to 200, or remove the option to use Tencent's limit.");
	expect(backend().emu.requests()).toHaveLength(0);
});

test('a slow workflow does not slow a fast one on the same app, and the app stays under 200 calls/s', async () => {
	// The emulator in its own process, so its arrival times are not those of this busy event loop.
	const emu = await spawnEmulator({ apps: [APP], logBodies: true });
	try {
		await emu.addOfficialAccount({ id: '@TOA#_slow', subscribers: 0 });
		await emu.addOfficialAccount({ id: '@TOA#_fast', subscribers: 0 });
		// The backend's credential (the same app), pointed at the spawned emulator.
		const run = (account: string, rate: number, list: string[]) =>
			backend().harness.runNode({ type: NODE, parameters: add(account, rate), items: [{ json: { ids: list } }], credentials: { ...backend().credentials, baseUrl: emu.url }, timeoutMs: 0 });
		const [slowResult, fastResult] = await Promise.all([run('@TOA#_slow', 2, ids(600, 'slow')), run('@TOA#_fast', 200, ids(40_000, 'fast'))]);
		expect(slowResult.error).toBeUndefined();
		expect(fastResult.error).toBeUndefined();

		const log = await emu.requests();
		const times = (account: string): number[] => log.filter((r) => r.body.Official_Account === account).map((r) => r.time);
		const fastTimes = times('@TOA#_fast');
		const slowTimes = times('@TOA#_slow');
		expect(fastTimes).toHaveLength(400);
		expect(slowTimes).toHaveLength(6);
		// The fast run ends while the slow one still runs, at no less than 150 calls a second.
		expect(fastTimes[fastTimes.length - 1]).toBeLessThan(slowTimes[slowTimes.length - 1]);
		const fastRate = ((fastTimes.length - 1) * 1000) / (fastTimes[fastTimes.length - 1] - fastTimes[0]);
		expect(fastRate).toBeGreaterThanOrEqual(150);
		expect(densestSecond(slowTimes)).toBeLessThanOrEqual(2);
		expect(densestSecond(log.map((r) => r.time))).toBeLessThanOrEqual(200);
		expect(log.filter((r) => r.errorCode === 60007)).toHaveLength(0);
	} finally {
		await emu.close();
	}
});
