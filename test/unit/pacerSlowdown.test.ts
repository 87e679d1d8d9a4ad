// How a pacer starts after an idle second and answers Tencent's rate-limit answers (60007): one cut per
// overrun, then its share comes back quickly to near the share that overran and slowly beyond; cuts that
// come one after another skip the quick part and regain more slowly.
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

/** Pacers that have just made a call, so the test's next calls do not follow an idle second. */
async function pacersInUse(count: number): Promise<CallPacerType[]> {
	const pacers = Array.from({ length: count }, () => new CallPacer());
	for (const pacer of pacers) await pacer.acquire(200);
	return pacers;
}

const pacerInUse = async () => (await pacersInUse(1))[0];

test('a pacer that never got a rate-limit answer starts at full speed, after an idle second too', async () => {
	const pacer = new CallPacer();
	await pacer.acquire(200);
	expect(share(pacer)).toBe(1);
	now += 1001;
	await pacer.acquire(200);
	expect(share(pacer)).toBe(1);
});

test('within 10 minutes of a rate-limit answer a pacer starts at half its share after an idle second, back at full speed two seconds later', async () => {
	const pacer = await pacerInUse();
	pacer.rateLimited(0, afterTheCuts());
	now += 60_000; // long back at full speed; idle
	await pacer.acquire(200);
	expect(share(pacer)).toBe(0.5);
	now += 1000;
	await pacer.acquire(200); // a call within the second: not idle
	expect(share(pacer)).toBe(0.75);
	now += 1000;
	expect(share(pacer)).toBe(1);
	now += 10 * 60_000; // the answer is over 10 minutes old
	await pacer.acquire(200);
	expect(share(pacer)).toBe(1);
});

test('a cut during the start after an idle second is regained at the quick pace after a cut', async () => {
	const pacer = await pacerInUse();
	pacer.rateLimited(0, afterTheCuts());
	now += 60_000;
	const [first, ...rest] = await slots(pacer, 8); // idle: at half its share
	pacer.rateLimited(1000, first);
	rest.forEach((ticket) => pacer.succeeded(ticket));
	const cutTo = share(pacer);
	now += 200;
	expect(share(pacer)).toBeCloseTo(cutTo + 0.1, 10);
});

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
	// After a first cut one of the callers may finish right after it: quickly back to half the share that
	// overran (0.5 a second, 1/3 s), then 0.4 × seconds since the cut, a second.
	now += 1000;
	expect(share(pacer)).toBeCloseTo(0.5 + (0.4 * (1 - 1 / 9)) / 2, 6);
});

test('in a shared overrun the part that got through holds: no quick way back over it', async () => {
	const pacer = await pacerInUse();
	pacer.rateLimited(0, afterTheCuts()); // a first cut
	now += 2000;
	const [firstRefused, ...onTheirWay] = await slots(pacer, 21); // 0.2 s later
	pacer.rateLimited(0, firstRefused); // within 5 s: shared
	onTheirWay.forEach((ticket, index) => (index % 3 === 0 ? pacer.succeeded(ticket) : pacer.rateLimited(0, ticket)));
	const cutTo = share(pacer); // a third of the share that overran
	now += 1000;
	expect(share(pacer)).toBeCloseTo(cutTo + (0.03 * 1) / 2, 6);
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

test('a cut within half a second of another continues its overrun: it does not say the quota is shared', async () => {
	const [continued, shared] = await pacersInUse(2);
	for (const pacer of [continued, shared]) pacer.rateLimited(0, afterTheCuts()); // 1 -> 0.5, quick to 0.8
	now += 300;
	continued.rateLimited(0, afterTheCuts()); // the quota still empty after the pause: 0.65 -> 0.325
	now += 300;
	shared.rateLimited(0, afterTheCuts()); // 0.6 s after the first: shared, 0.8 -> 0.4
	now += 1000;
	// 1.3 s after its cut: 0.325 back at 0.5 a second to 0.8 × 0.65 = 0.52 (0.39 s), then 0.4 × (1.3² - 0.39²) / 2
	expect(share(continued)).toBeCloseTo(0.52 + (0.4 * (1.3 ** 2 - 0.39 ** 2)) / 2, 10);
	// 0.4 back at 0.5 a second to 0.8 × 0.8 = 0.64 (0.48 s), then 0.03 × (1² - 0.48²) / 2
	expect(share(shared)).toBeCloseTo(0.64 + (0.03 * (1 - 0.48 ** 2)) / 2, 10);
});

test('after a first cut the share comes back at 0.5 a second to 80% of the share that overran, then at 0.4 × seconds since the cut, a second', () => {
	const cutAt = now;
	const often = new CallPacer();
	const once = new CallPacer();
	often.rateLimited(1000, afterTheCuts()); // 1 -> 0.5, overran at 1
	once.rateLimited(1000, afterTheCuts());
	now = cutAt + 200;
	expect(share(often)).toBeCloseTo(0.6, 6);
	now = cutAt + 1000; // 0.8 reached at 0.6 s; from 0.6 to 1 s: 0.4 × (1² - 0.6²) / 2
	expect(share(often)).toBeCloseTo(0.928, 6);
	for (let look = 0; look < 4; look++) {
		now += 25;
		share(often);
	}
	expect(share(often)).toBeCloseTo(0.928 + (0.4 * (1.1 ** 2 - 1 ** 2)) / 2, 6);
	expect(share(once)).toBeCloseTo(share(often), 6); // however often one looks
	now = cutAt + 1160; // alone after the cut: 0.8 + 0.4 × (t² - 0.6²) / 2 reaches 1 at t = 1.166 s
	expect(share(often)).toBeLessThan(1);
	now = cutAt + 1170;
	expect(share(often)).toBe(1);
});

test('a cut within 5 s of the one before says the quota is shared: 0.03 × seconds since the cut, and no quick part after a second refusal', async () => {
	// lone: one refusal in its second overrun, which may be chance; twice: two, so others overran with it
	const [lone, twice] = await pacersInUse(2);
	lone.rateLimited(0, afterTheCuts()); // 1 -> 0.5
	twice.rateLimited(0, afterTheCuts());
	for (let step = 0; step < 60; step++) {
		now += 10; // back at 0.8 (the quick part) after 0.6 s of calls
		await lone.acquire(200);
		await twice.acquire(200);
	}
	now += 10;
	const [loneRefused, first] = [await lone.acquire(200), await twice.acquire(200)];
	now += 10;
	const second = await twice.acquire(200);
	lone.rateLimited(0, loneRefused); // about 0.8 -> 0.4
	twice.rateLimited(0, first);
	twice.rateLimited(0, second);
	const cutShare = share(twice);
	expect(share(lone)).toBe(cutShare);
	now += 2000;
	expect(share(twice)).toBeCloseTo(cutShare + (0.03 * 2 ** 2) / 2, 6);
	expect(share(lone)).toBeGreaterThan(cutShare * 1.6); // quickly back to 80% of the share that overran
	now += 4000;
	twice.rateLimited(0, afterTheCuts()); // 6 s later: a first cut again
	const thirdShare = share(twice);
	now += 2000; // quick part done within 2 s, then 0.2 × t
	expect(share(twice)).toBeGreaterThan(thirdShare * 1.6 + 0.05);
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
