// How a pacer answers Tencent's rate-limit answers (60007): one cut per overrun, then its share comes back
// quickly to near the share that overran and slowly beyond. A mocked clock makes the figures exact.
import type { CallPacer as CallPacerType } from '../../nodes/shared/transport/limiter';

const { CallPacer } = require('../../dist/nodes/shared/transport/limiter') as { CallPacer: typeof CallPacerType };

let now: number;
beforeEach(() => {
	now = 1_000_000;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

const share = (pacer: CallPacerType) => pacer.currentShare(now);

test('refusals of calls sent before the cut cut the rate once: with half of those calls through, to a half', () => {
	const pacer = new CallPacer();
	const sentBefore = now - 40;
	pacer.rateLimited(1000, sentBefore);
	for (let answer = 1; answer < 20; answer++) {
		if (answer % 2) pacer.succeeded(sentBefore);
		else pacer.rateLimited(1000, sentBefore);
	}
	expect(share(pacer)).toBe(0.5);
});

test('the calls already on their way when the cut came set the share to the part of them that got through', () => {
	const pacer = new CallPacer();
	const firstRefused = now - 50;
	pacer.rateLimited(1000, firstRefused); // 1 -> 0.5 at once
	expect(share(pacer)).toBe(0.5);
	// Sent after the first refused call and before the cut: a quarter got through (four callers on one quota).
	for (let call = 1; call < 20; call++) {
		const sentAt = firstRefused + 2 * call;
		if (call % 4 === 1) pacer.succeeded(sentAt);
		else pacer.rateLimited(1000, sentAt);
	}
	expect(share(pacer)).toBeCloseTo(0.25, 6);
	pacer.succeeded(firstRefused - 10); // sent before the overrun: says nothing about it
	pacer.succeeded(now + 10); // sent after the cut
	expect(share(pacer)).toBeCloseTo(0.25, 6);
	now += 1000; // the quota's quarter is known: no quick way back over it, 0.05 × 1/2 in the first second
	expect(share(pacer)).toBeCloseTo(0.275, 6);
});

test('a call sent after the cut that still overruns cuts it again, down to a sixteenth at least', () => {
	const pacer = new CallPacer();
	pacer.rateLimited(1000, now);
	const shares: number[] = [];
	for (let overrun = 0; overrun < 6; overrun++) {
		now += 1; // sent after the cut, answered at once: no time to recover
		pacer.rateLimited(1000, now);
		shares.push(share(pacer));
	}
	expect(shares[0]).toBeCloseTo(0.25, 3);
	expect(shares[1]).toBeCloseTo(0.125, 3);
	expect(shares.at(-1)).toBe(1 / 16);
});

test('the share comes back at 0.5 a second to 80% of the share that overran, then at 0.05 × seconds since the cut, a second', () => {
	const cutAt = now;
	const often = new CallPacer();
	const once = new CallPacer();
	often.rateLimited(1000, now); // 1 -> 0.5, overran at 1
	once.rateLimited(1000, now);
	now = cutAt + 200;
	expect(share(often)).toBeCloseTo(0.6, 6);
	now = cutAt + 1200; // 0.8 reached at 0.6 s; from 0.6 to 1.2 s: 0.05 × (1.2² - 0.6²) / 2
	expect(share(often)).toBeCloseTo(0.827, 6);
	for (let look = 0; look < 4; look++) {
		now += 100;
		share(often);
	}
	const slowPart = (0.05 * (1.6 ** 2 - 1.2 ** 2)) / 2;
	expect(share(often)).toBeCloseTo(0.827 + slowPart, 6);
	expect(share(once)).toBeCloseTo(share(often), 6); // however often one looks
	now = cutAt + 2800; // alone after the cut: 0.8 + 0.05 × (t² - 0.6²) / 2 reaches 1 at t = 2.89 s
	expect(share(often)).toBeLessThan(1);
	now = cutAt + 2900;
	expect(share(often)).toBe(1);
});

test('a rate-limit answer pauses every caller for the given time', async () => {
	jest.restoreAllMocks();
	const pacer = new CallPacer();
	await pacer.acquire(200);
	pacer.rateLimited(300, Date.now());
	const started = Date.now();
	await pacer.acquire(200);
	expect(Date.now() - started).toBeGreaterThanOrEqual(290);
});
