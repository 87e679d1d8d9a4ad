// Throughput: call counts, the pacer's rate (on the emulator's arrival times), order and pairing when
// batches finish out of order, cancel, one UserSig per run, and back-off on rate-limit answers.
import { spawnEmulator } from '../emulator';
import { APP, useBackend, fastRetries, json, paired } from './support/backend';
import { densestSecond, ids } from './support/timing';

const NODE = 'tencentChatOfficialAccount';
const add = (officialAccount: string, more = {}) => ({
	resource: 'subscriber',
	operation: 'add',
	officialAccount,
	subscriberAccounts: '={{ $json.ids }}',
	...more,
});
const returnAll = (officialAccount: string) => ({
	resource: 'subscriber',
	operation: 'getAll',
	officialAccount,
	returnAll: true,
});
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** `count` IDs in items of `perItem` IDs each. */
const itemsOf = (list: string[], perItem: number) =>
	Array.from({ length: Math.ceil(list.length / perItem) }, (_, item) => ({
		ids: list.slice(item * perItem, (item + 1) * perItem),
	}));

const backend = useBackend();
beforeEach(() => {
	backend().emu.setOptions({ latencyMs: 0, intercept: null });
	backend().emu.clearRequests();
});

describe('call counts and signing', () => {
	test('12,000 IDs make 120 add calls of 100, with one UserSig for the run', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_count', subscribers: [] });
		const wanted = ids(12000, 'cnt');
		const { items, error } = await backend().run(NODE, add('@TOA#_count'), itemsOf(wanted, 1000));
		expect(error).toBeUndefined();
		const calls = backend().calls('add_subscriber');
		expect(calls).toHaveLength(120);
		expect(calls.every((call) => call.body.SubscriberList.length === 100)).toBe(true);
		expect(items).toHaveLength(12000);
		expect(
			json(items).every(
				(result, index) => result.subscriberAccount === wanted[index] && result.result === 'added',
			),
		).toBe(true);
		expect(
			paired(items).every((pairedItem, index) => pairedItem.item === Math.floor(index / 1000)),
		).toBe(true);
		expect(backend().emu.stats().distinctTicketIds).toBe(1);
	});

	test.each([1, 200, 201, 10001])(
		'Return All over %i subscribers makes ceil(N / 200) calls, with one UserSig',
		async (count) => {
			const id = `@TOA#_all${count}`;
			backend().emu.addOfficialAccount({ id, subscribers: count });
			const { items, error } = await backend().run(NODE, returnAll(id));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(count);
			expect(json(items).map((subscriber) => subscriber.Subscriber_Account)).toEqual(
				backend().emu.getSubscribers(id),
			);
			expect(backend().calls('get_subscriber_info')).toHaveLength(Math.ceil(count / 200));
			expect(backend().emu.stats().distinctTicketIds).toBe(1);
		},
	);
});

describe('pacing', () => {
	test('Max Calls Per Second 50: no one-second window on the server holds more than 50 calls', async () => {
		// An emulator in its own process: it logs each call when it arrives, whatever this process
		// is busy with.
		const emu = await spawnEmulator({ apps: [APP], latencyMs: 5, logBodies: false });
		try {
			await emu.addOfficialAccount({ id: '@TOA#_paced', subscribers: [] });
			const wanted = ids(20000, 'pace'); // 200 calls: four seconds at 50 calls/s
			const started = Date.now();
			const { items, error } = await backend().harness.runNode({
				type: NODE,
				parameters: add('@TOA#_paced', { options: { maxCallsPerSecond: 50 } }),
				items: itemsOf(wanted, 500).map((json) => ({ json })),
				credentials: { ...backend().credentials, baseUrl: emu.url }, // the same app, on the spawned emulator
			});
			const elapsed = Date.now() - started;
			expect(error).toBeUndefined();
			expect(items).toHaveLength(20000);
			const arrivals = (await emu.requests())
				.filter((call) => call.command === 'add_subscriber')
				.map((call) => call.time);
			expect(arrivals).toHaveLength(200);
			expect(densestSecond(arrivals)).toBeLessThanOrEqual(50);
			// ... and it does go at about that rate: calls 51..200 need three seconds at least.
			expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(3000);
			expect(elapsed).toBeLessThan(6000);
		} finally {
			await emu.close();
		}
	}, 20000);

	test('results keep the input order and pairing when batches finish in another order', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_jitter', subscribers: ['old1', 'old2'] });
		const finished: string[] = [];
		let seed = 12345;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		backend().emu.setOptions({
			intercept: async ({ command, body }) => {
				if (command !== 'add_subscriber') return null;
				await delay(Math.floor(random() * 60));
				finished.push(body.SubscriberList[0].Subscriber_Account);
				return null; // then the real API answers
			},
		});
		// 30 items of 1 to 150 IDs; some IDs repeat across items and two already subscribe.
		const input: { ids: string[] }[] = [];
		let next = 0;
		for (let item = 0; item < 30; item++) {
			const size = 1 + ((item * 37) % 150);
			const list = Array.from(
				{ length: size },
				(_, k) => `jit${String(next + k).padStart(6, '0')}`,
			);
			next += size;
			if (item % 7 === 3) list.push('jit000000', 'old1');
			input.push({ ids: list });
		}
		const { items, error } = await backend().run(NODE, add('@TOA#_jitter'), input);
		expect(error).toBeUndefined();

		const calls = backend().calls('add_subscriber');
		const sent = calls.map((call) => call.body.SubscriberList[0].Subscriber_Account);
		expect(calls.length).toBeGreaterThan(20);
		expect(finished).not.toEqual(sent); // the batches did finish out of order

		const expected = input.flatMap(({ ids: list }, item) =>
			list.map((subscriberAccount) => ({
				item,
				subscriberAccount,
				result: subscriberAccount === 'old1' ? 'alreadySubscribed' : 'added',
			})),
		);
		expect(
			items.map(({ json: result, pairedItem }) => ({
				item: pairedItem.item,
				subscriberAccount: result.subscriberAccount,
				result: result.result,
			})),
		).toEqual(expected);
		const unique = new Set(expected.map((entry) => entry.subscriberAccount));
		expect(new Set(backend().emu.getSubscribers('@TOA#_jitter'))).toEqual(
			new Set(['old2', ...unique]),
		);
	});
});

/**
 * The run ended because it was cancelled. (n8n's engine reports the status 'error' instead of
 * 'canceled' when the error the node stops with does not read as a cancel.)
 */
function expectCancelled(result) {
	expect(result.cancelled).toBe(true);
	if (result.status !== 'canceled') expect(result.error?.message).toMatch(/cancel/i);
}

/**
 * Runs the node on the emulator at 20 ms a call and cancels it after 300 ms; returns how many `command`
 * calls the server had received at the cancel and 500 ms after the run ended.
 */
async function callsAroundCancel(command: string, parameters: object, items: object[]) {
	backend().emu.setOptions({ latencyMs: 20 });
	const running = backend().run(NODE, parameters, items, { cancelAfterMs: 300 });
	// Registered after the harness's own cancel timer of 300 ms, so it runs right after the cancel.
	const atCancel = await new Promise<number>((resolve) =>
		setTimeout(() => resolve(backend().calls(command).length), 300),
	);
	const { result } = await running;
	expectCancelled(result);
	await delay(500);
	return { atCancel, later: backend().calls(command).length };
}

describe('cancel', () => {
	test('a cancelled Return All makes no more calls (at most the one in flight)', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_cancel', subscribers: 200000 });
		const { atCancel, later } = await callsAroundCancel('get_subscriber_info', returnAll('@TOA#_cancel'), [{}]);
		expect(atCancel).toBeGreaterThan(3);
		// The one call the node had sent before it saw the cancel may reach the server a moment later.
		expect(later).toBeLessThanOrEqual(atCancel + 1);
	});

	test('a cancelled Add makes no more calls once the cancel settles', async () => {
		backend().emu.addOfficialAccount({ id: '@TOA#_cancelAdd', subscribers: [] });
		const { atCancel, later } = await callsAroundCancel(
			'add_subscriber',
			add('@TOA#_cancelAdd', { options: { maxCallsPerSecond: 20 } }),
			itemsOf(ids(20000, 'cx'), 1000),
		);
		expect(atCancel).toBeGreaterThan(0);
		expect(later).toBeLessThanOrEqual(atCancel + 1);
	});
});

/**
 * Answers add_subscriber with 60007 from the 20th call on, for 300 ms; `stretchEnds()` says when that
 * stretch ends (Infinity until it has begun).
 */
function rateLimitedStretch() {
	let arrivals = 0;
	let stretchEnds = Infinity;
	const intercept = ({ command }) => {
		if (command !== 'add_subscriber') return null;
		arrivals++;
		if (arrivals === 20) stretchEnds = Date.now() + 300;
		if (arrivals < 20 || Date.now() >= stretchEnds) return null;
		return {
			body: {
				ActionStatus: 'FAIL',
				ErrorCode: 60007,
				ErrorInfo: 'API calling frequency exceeded the limit',
			},
		};
	};
	return { intercept, stretchEnds: () => stretchEnds };
}

/** One "added" per wanted ID, in input order, paired with its item of `perItem` IDs; each stored once. */
function expectAllAddedOnce(items, account: string, wanted: string[], perItem: number) {
	expect(
		json(items).every(
			(result, index) => result.subscriberAccount === wanted[index] && result.result === 'added',
		),
	).toBe(true);
	expect(
		paired(items).every((pairedItem, index) => pairedItem.item === Math.floor(index / perItem)),
	).toBe(true);
	expect(backend().emu.getSubscribers(account)).toHaveLength(wanted.length);
	expect(new Set(backend().emu.getSubscribers(account))).toEqual(new Set(wanted));
}

/**
 * Back off: once the 60007s reach the node, nothing is sent for about the pause. (Calls the pacer let go
 * just before may still arrive: node and emulator share one event loop here.)
 */
function expectPause(calls, stretchEnds: number, pauseMs: number) {
	const first = calls.find((call) => call.errorCode === 60007).time;
	const times = calls
		.map((call) => call.time)
		.filter((time) => time >= first && time <= stretchEnds + 1000);
	const longestGap = Math.max(...times.slice(1).map((time, index) => time - times[index]));
	expect(longestGap).toBeGreaterThanOrEqual(pauseMs * 0.8);
}

/** Recover: right after the stretch calls are spaced wider than at full speed and than at the end of the run. */
function expectRecovery(calls, stretchEnds: number) {
	const after = calls
		.filter((call) => call.time >= stretchEnds && call.errorCode !== 60007)
		.map((call) => call.time);
	const gaps = after.slice(1).map((time, index) => time - after[index]);
	const mean = (list: number[]) => list.reduce((sum, gap) => sum + gap, 0) / list.length;
	expect(gaps.length).toBeGreaterThan(30);
	// Full speed is a call every 5 ms; right after the stretch they come at least twice as far apart.
	expect(mean(gaps.slice(0, 5))).toBeGreaterThan(10);
	expect(mean(gaps.slice(-15))).toBeLessThan(mean(gaps.slice(0, 5)));
}

describe('rate-limit answers', () => {
	test('60007 for a stretch: the pacer pauses, slows down, recovers, and every subscriber is added once', async () => {
		const pauseMs = 100;
		const restore = fastRetries({ rateLimitDelayMs: pauseMs, rateLimitPauseMs: pauseMs });
		try {
			backend().emu.addOfficialAccount({ id: '@TOA#_limited', subscribers: [] });
			const stretch = rateLimitedStretch();
			backend().emu.setOptions({ intercept: stretch.intercept });
			const wanted = ids(15000, 'lim');
			const { items, error } = await backend().run(NODE, add('@TOA#_limited'), itemsOf(wanted, 500));
			expect(error).toBeUndefined();
			expectAllAddedOnce(items, '@TOA#_limited', wanted, 500);

			const calls = backend().calls('add_subscriber');
			const limited = calls.filter((call) => call.errorCode === 60007);
			expect(limited.length).toBeGreaterThan(0);
			// Each limited call was retried until it went through.
			expect(calls.length).toBe(150 + limited.length);
			expectPause(calls, stretch.stretchEnds(), pauseMs);
			expectRecovery(calls, stretch.stretchEnds());
		} finally {
			restore();
		}
	}, 20000);
});
