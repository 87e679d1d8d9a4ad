// How a pacer answers Tencent's rate-limit answers (60007): one cut per overrun, then its share comes back
// quickly to near the share that overran and slowly beyond, more slowly when cuts come one after another.
// Answers name their call by the ticket of its slot. A mocked clock makes the figures exact.
import type { CallPacer as CallPacerType } from '../../nodes/shared/transport/limiter';

const { CallPacer } = require('../../dist/nodes/shared/transport/limiter') as { CallPacer: typeof CallPacerType };

let now: number;
beforeEach(() => {
	now = 1_000_000;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

const share = (pacer: CallPacerType) => pacer.currentShare(now);

/** `count` slots, 10 ms apart (the pacer's spacing at full speed is 5 ms): their tickets. */
async function slots(pacer: CallPacerType, count: number): Promise<number[]> {
	const tickets: number[] = [];
	for (let slot = 0; slot < count; slot++) {
		now += 10;
		tickets.push(await pacer.acquire(200));
	}
	return tickets;
}

/** A ticket handed out after every cut so far: a call that got its slot after them. */
let later = 1e9;
const afterTheCuts = () => later++;

test('refusals of calls that got their slots before the cut cut the rate once: with half of them through, to a half', async () => {
	const pacer = new CallPacer();
	const [first, ...rest] = await slots(pacer, 20);
	pacer.rateLimited(1000, first);
	rest.forEach((ticket, index) => (index % 2 ? pacer.rateLimited(1000, ticket) : pacer.succeeded(ticket)));
	expect(share(pacer)).toBe(0.5);
});

test('a refusal answered in the same millisecond as the cut, for a call that got its slot before it, does not cut again', async () => {
	const pacer = new CallPacer();
	const [early, late] = await slots(pacer, 2);
	pacer.rateLimited(1000, early);
	pacer.rateLimited(1000, late); // the clock reads the same: only the ticket tells it was on its way
	expect(share(pacer)).toBe(0.5);
});

test('the calls already on their way when the cut came set the share to the part of them that got through', async () => {
	const pacer = new CallPacer();
	const [beforeTheOverrun, firstRefused, ...onTheirWay] = await slots(pacer, 22);
	pacer.rateLimited(1000, firstRefused); // 1 -> 0.5 at once
	expect(share(pacer)).toBe(0.5);
	// A third of them got through (three callers on one quota).
	onTheirWay.forEach((ticket, index) => (index % 3 === 0 ? pacer.succeeded(ticket) : pacer.rateLimited(1000, ticket)));
	expect(share(pacer)).toBeCloseTo(1 / 3, 6);
	pacer.succeeded(beforeTheOverrun); // says nothing about the overrun
	pacer.succeeded(afterTheCuts());
	expect(share(pacer)).toBeCloseTo(1 / 3, 6);
	now += 1000; // no quick way back over the part that got through; after a first cut 0.1 × 1/2 in the first second
	expect(share(pacer)).toBeCloseTo(1 / 3 + 0.05, 6);
});

test('one overrun cuts the share to a quarter at most, however few of its calls got through', async () => {
	const pacer = new CallPacer();
	const [firstRefused, ...burst] = await slots(pacer, 12);
	pacer.rateLimited(1000, firstRefused);
	burst.forEach((ticket) => pacer.rateLimited(1000, ticket)); // a stalled event loop's burst: all refused
	expect(share(pacer)).toBe(0.25);
});

test('a call that got its slot after the cut and still overruns cuts it again, down to a sixteenth at least', () => {
	const pacer = new CallPacer();
	const shares: number[] = [];
	for (let overrun = 0; overrun < 6; overrun++) {
		pacer.rateLimited(1000, afterTheCuts()); // answered at once: no time to recover
		shares.push(share(pacer));
	}
	expect(shares.slice(0, 3)).toEqual([0.5, 0.25, 0.125]);
	expect(shares.at(-1)).toBe(1 / 16);
});

test('after a first cut the share comes back at 0.5 a second to 80% of the share that overran, then at 0.1 × seconds since the cut, a second', () => {
	const cutAt = now;
	const often = new CallPacer();
	const once = new CallPacer();
	often.rateLimited(1000, afterTheCuts()); // 1 -> 0.5, overran at 1
	once.rateLimited(1000, afterTheCuts());
	now = cutAt + 200;
	expect(share(often)).toBeCloseTo(0.6, 6);
	now = cutAt + 1200; // 0.8 reached at 0.6 s; from 0.6 to 1.2 s: 0.1 × (1.2² - 0.6²) / 2
	expect(share(often)).toBeCloseTo(0.854, 6);
	for (let look = 0; look < 4; look++) {
		now += 100;
		share(often);
	}
	expect(share(often)).toBeCloseTo(0.854 + (0.1 * (1.6 ** 2 - 1.2 ** 2)) / 2, 6);
	expect(share(once)).toBeCloseTo(share(often), 6); // however often one looks
	now = cutAt + 2080; // alone after the cut: 0.8 + 0.1 × (t² - 0.6²) / 2 reaches 1 at t = 2.09 s
	expect(share(often)).toBeLessThan(1);
	now = cutAt + 2100;
	expect(share(often)).toBe(1);
});

test('a cut within 5 s of the one before says the quota is shared: beyond the quick part, 0.03 × seconds since the cut', () => {
	const pacer = new CallPacer();
	pacer.rateLimited(1000, afterTheCuts()); // 1 -> 0.5
	now += 600; // back at 0.8 (the quick part)
	pacer.rateLimited(1000, afterTheCuts()); // 0.8 -> 0.4, quickly back to 0.64 (in 0.48 s)
	const secondCut = now;
	now = secondCut + 2000;
	expect(share(pacer)).toBeCloseTo(0.64 + (0.03 * (2 ** 2 - 0.48 ** 2)) / 2, 6);
	now = secondCut + 6000;
	pacer.rateLimited(1000, afterTheCuts()); // 6 s later: a first cut again
	const thirdShare = share(pacer);
	now += 2000; // quick part done within 2 s (at most 0.32 to regain), then 0.1 × t
	expect(share(pacer)).toBeGreaterThan(thirdShare * 1.6 + 0.05);
});

test('a rate-limit answer pauses every caller for the given time', async () => {
	jest.restoreAllMocks();
	const pacer = new CallPacer();
	const ticket = await pacer.acquire(200);
	pacer.rateLimited(300, ticket);
	const started = Date.now();
	await pacer.acquire(200);
	expect(Date.now() - started).toBeGreaterThanOrEqual(290);
});
