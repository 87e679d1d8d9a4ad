import { sleep } from 'n8n-workflow';

export const DEFAULT_CALLS_PER_SECOND = 200;

/**
 * Waits `ms`, or less when the execution is cancelled. Races the signal itself, since n8n 1.x's
 * `sleep` takes no signal.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await sleep(ms);
	if (signal.aborted) return;
	let onAbort = () => {};
	const aborted = new Promise<void>((resolve) => (onAbort = resolve));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
const WINDOW_MS = 1_000;
/**
 * Calls reach the server a little later than they leave the pacer, and not all equally late (a busy
 * machine delays some more than others). So a call leaves only when the call `rate` places before it
 * left more than a second plus this margin ago: five call slots, within 20 to 100 ms.
 */
const MARGIN_SLOTS = 5;
const MIN_MARGIN_MS = 20;
const MAX_MARGIN_MS = 100;
/**
 * The first calls after an idle time (or a stall) leave later than the rest: connections open, the
 * caller sets up its workers. The pacer counts the calls of that first moment (ten call slots, at
 * most 150 ms) as if they all left at its end.
 */
const STARTUP_SLOTS = 10;
const MAX_STARTUP_MS = 150;
/**
 * How far behind its even schedule the pacer may fall and still catch up, when a busy event loop
 * wakes it late, and how much faster than its pace it then goes: calls that left in one burst would
 * reach the server together and, at a shared quota, be refused together. The one-second window above
 * still caps every second at `rate`.
 */
const CATCH_UP_MS = 100;
const CATCH_UP_PACE = 2;
/**
 * After a rate-limit answer the pacer uses half its share of `rate` (never less than MIN_SHARE), and
 * regains it over time: quickly up to near the part of the overrun that got through (after a first cut, at
 * least to half the share that overran), then slowly: hardly at all just after the cut, faster with every
 * second without an overrun (others may have stopped).
 * How depends on the cut before. A cut soon after another says several n8n processes share the app's
 * quota: they regain slowly, and skip the quick part when the overrun had more than one refusal, so they
 * settle at their parts instead of overrunning it again and again. A first cut (none in the
 * SHARED_WITHIN_MS before) may come from a passing burst or from a process that finishes soon after:
 * one left alone is back at full speed within about two seconds.
 */
const MIN_SHARE = 1 / 16;
/**
 * After an idle second, a pacer cut by a rate-limit answer in the last SLOW_START_WITHIN_MS starts at
 * half its share and regains the rest in two seconds: the quota was shared then, others may have started
 * meanwhile, and the calls on their way when a shared quota runs out are refused in bulk, more of them the
 * faster all callers go by then. A process alone would only lose time (about half a second), so a pacer
 * that has not been refused lately starts at full speed.
 */
const IDLE_START = 0.5;
const IDLE_RECOVERY_PER_SECOND = 0.25;
const SLOW_START_WITHIN_MS = 10 * 60_000;
const DECREASE = 0.5;
const FAST_RECOVERY_PER_SECOND = 0.5;
/** Beyond the quick part the share grows by this × seconds since the cut, a second. */
const SLOW_RECOVERY_AFTER_FIRST_CUT = 0.4;
const SLOW_RECOVERY_WHEN_SHARED = 0.03;
const SHARED_WITHIN_MS = 5_000;
/**
 * A cut this soon after another continues its overrun (the quota may still be empty after the pause): it
 * cuts again, but does not say the quota is shared, which would hold every process far below its part for
 * seconds.
 */
const SAME_OVERRUN_MS = 500;
const NEAR_OVERRUN = 0.8;
/** Answers needed before the calls of an overrun set the share (fewer say little). */
const OVERRUN_SAMPLE = 8;
/**
 * One overrun cuts the share to a quarter at most: a stalled event loop sends a dozen calls at once, and
 * refusals of such a burst say more about the burst than about the quota.
 */
const MIN_THROUGH = 0.25;

/**
 * Paces calls to one API of one app: evenly spaced, and never more than `rate`
 * calls in any one-second window. A rate-limit answer slows it down; it regains
 * full speed over time. Each slot has a ticket (its serial number): answers name
 * their call by it, so a call that got its slot before a cut counts as sent before
 * it, however late its answer or its clock reading.
 */
export class CallPacer {
	private queue: Promise<unknown> = Promise.resolve();
	/** Start times of recent calls as counted (see STARTUP_SLOTS), oldest first; from `sent[head]`. */
	private sent: number[] = [];
	private head = 0;
	/** How many start times to keep: the highest rate any caller asked for (callers may differ). */
	private keep = DEFAULT_CALLS_PER_SECOND;
	/** When the next call is due on the even schedule. */
	private nextDue = 0;
	/** While behind the schedule, the next call waits at least until here (see CATCH_UP_PACE). */
	private notBefore = 0;
	private pausedUntil = 0;
	/** The part of `rate` in use (1 until the server says "too many calls"). */
	private share = 1;
	private shareAt = Date.now();
	/** The share that last overran the server's limit, and when it was cut. */
	private overrunShare = 1;
	/** Up to here the share comes back quickly: below the part of the last overrun that got through. */
	private fastUpTo = 1;
	/** How fast the share comes back up to fastUpTo: after a cut, or after an idle second. */
	private quickRate = FAST_RECOVERY_PER_SECOND;
	private cutAt = 0;
	/** Whether the last overrun began within SHARED_WITHIN_MS of the one before (the quota is shared). */
	private sharedCut = false;
	/** Tickets handed out so far, and the last one before the cut. */
	private issued = 0;
	private cutTicket = 0;
	/** The calls between the first call the server refused and the cut (by ticket): how many got through. */
	private overrun = { from: Infinity, accepted: 0, limited: 0 };
	/** Calls that start before this count as starting then (the first moment after an idle time). */
	private startupUntil = 0;

	/** When the pacer last handed out a slot; an idle pacer can be dropped. */
	lastUsed = Date.now();

	/** Waits for a slot; resolves with its ticket, for `succeeded` and `rateLimited`. */
	acquire(rate: number, signal?: AbortSignal): Promise<number> {
		if (!Number.isInteger(rate) || rate < 1 || rate > DEFAULT_CALLS_PER_SECOND) {
			throw new RangeError(`A pacer takes a whole number of calls per second from 1 to ${DEFAULT_CALLS_PER_SECOND}, not ${rate}`);
		}
		this.lastUsed = Date.now();
		const turn = this.queue.then(async () => await this.waitForSlot(rate, signal));
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	/**
	 * The server said "too many calls" to the call with this ticket: pause every caller, then go on at a lower
	 * rate. The first such answer of an overrun halves the share; the answers to the calls that were already
	 * on their way then show how far over the app's quota all its callers were, and set the share to the part
	 * that got through (two processes at full speed against a quota of a quarter: a quarter each).
	 */
	rateLimited(pauseMs: number, ticket: number): void {
		const now = Date.now();
		if (ticket > this.cutTicket) {
			this.cut(now, ticket);
		} else if (ticket >= this.overrun.from) {
			this.overrun.limited++;
			// A second refusal in a shared overrun: others overran with us, so no quick way back (a lone refusal
			// may be chance, and one that came alone again and again would otherwise drag the share down to MIN_SHARE).
			if (this.sharedCut) this.fastUpTo = this.share;
			this.shareFromOverrun();
		}
		this.pausedUntil = Math.max(this.pausedUntil, now + pauseMs);
	}

	/** A new overrun: halve the share at once; its calls on their way then set it (shareFromOverrun). */
	private cut(now: number, ticket: number): void {
		this.overrunShare = this.currentShare(now);
		this.share = Math.max(MIN_SHARE, this.overrunShare * DECREASE);
		this.fastUpTo = this.overrunShare * NEAR_OVERRUN;
		this.quickRate = FAST_RECOVERY_PER_SECOND;
		const sinceCut = now - this.cutAt;
		if (sinceCut >= SAME_OVERRUN_MS) this.sharedCut = sinceCut < SHARED_WITHIN_MS;
		this.cutAt = now;
		this.cutTicket = this.issued;
		this.overrun = { from: ticket, accepted: 0, limited: 1 };
	}

	/** The call with this ticket was answered, not with "too many calls". */
	succeeded(ticket: number): void {
		if (ticket < this.overrun.from || ticket > this.cutTicket) return;
		this.overrun.accepted++;
		this.shareFromOverrun();
	}

	private shareFromOverrun(): void {
		const { accepted, limited } = this.overrun;
		if (accepted + limited < OVERRUN_SAMPLE) return;
		const through = Math.max(MIN_THROUGH, accepted / (accepted + limited));
		this.shareAt = Date.now(); // the share is set anew: nothing to regain up to now
		this.share = Math.max(MIN_SHARE, this.overrunShare * Math.min(DECREASE, through));
		const measured = this.overrunShare * through * NEAR_OVERRUN;
		// After a first cut, a caller that overran with this one may finish right after it: come back quickly to
		// half the share that overran. If the quota is still shared, the next overrun says so soon.
		this.fastUpTo = this.sharedCut ? measured : Math.max(measured, this.overrunShare * DECREASE);
	}

	/** The share of `rate` now, regained since the last look. */
	currentShare(now = Date.now()): number {
		let seconds = Math.max(0, now - this.shareAt) / 1000;
		this.shareAt = now;
		if (this.share < this.fastUpTo) {
			const quick = Math.min(seconds, (this.fastUpTo - this.share) / this.quickRate);
			this.share = Math.min(this.fastUpTo, this.share + this.quickRate * quick);
			seconds -= quick;
		}
		// Beyond: the slow factor × seconds since the cut, a second, summed over the remaining seconds.
		const slowRecovery = this.sharedCut ? SLOW_RECOVERY_WHEN_SHARED : SLOW_RECOVERY_AFTER_FIRST_CUT;
		const sinceCut = Math.max(0, now - this.cutAt) / 1000;
		const before = Math.max(0, sinceCut - seconds);
		const gained = (slowRecovery * (sinceCut ** 2 - before ** 2)) / 2;
		this.share = Math.min(1, this.share + gained);
		return this.share;
	}

	/** When the next call may start; `held` when the window or a pause decides, not the schedule. */
	private nextSlot(rate: number): { start: number; held: boolean } {
		const kept = this.sent.length - this.head;
		// At a few calls a second, half a spacing costs nothing and absorbs a busy machine's delays.
		const maxMargin = Math.max(MAX_MARGIN_MS, WINDOW_MS / rate / 2);
		const margin = Math.min(maxMargin, Math.max(MIN_MARGIN_MS, (MARGIN_SLOTS * WINDOW_MS) / rate));
		const windowFull = kept >= rate ? this.sent[this.sent.length - rate] + WINDOW_MS + margin : 0;
		const held = Math.max(windowFull, this.pausedUntil);
		return { start: Math.max(this.nextDue, held, this.notBefore), held: held > this.nextDue };
	}

	private async waitForSlot(rate: number, signal?: AbortSignal): Promise<number> {
		let slot = this.nextSlot(rate);
		for (let wait = slot.start - Date.now(); wait > 0; wait = slot.start - Date.now()) {
			if (signal?.aborted) return 0; // cancelled: the caller checks the signal
			await pause(wait, signal);
			slot = this.nextSlot(rate);
		}
		const now = Date.now();
		if (this.idle(now) && now - this.cutAt < SLOW_START_WITHIN_MS) this.startAfterIdle(now);
		const spacing = WINDOW_MS / (rate * this.currentShare(now));
		// A timer that fired a little late is made up on the next calls (at twice the pace), so the rate holds
		// on a busy event loop; after an idle time, the window or a pause, the schedule starts again from now.
		const late = now - this.nextDue;
		const restart = !slot.held && late > CATCH_UP_MS;
		if (restart) {
			this.startupUntil = Math.max(
				this.startupUntil,
				now + Math.min(MAX_STARTUP_MS, (STARTUP_SLOTS * WINDOW_MS) / rate),
			);
		}
		const onSchedule = !slot.held && !restart;
		this.nextDue = onSchedule ? this.nextDue + spacing : now + spacing;
		this.notBefore = onSchedule && late > 0 ? now + spacing / CATCH_UP_PACE : 0;
		this.sent.push(Math.max(now, this.startupUntil));
		this.keepRecent(rate);
		return ++this.issued;
	}

	/** No call in the last second, or none yet. */
	private idle(now: number): boolean {
		return this.sent.length === this.head || this.sent[this.sent.length - 1] < now - WINDOW_MS;
	}

	private startAfterIdle(now: number): void {
		const full = this.currentShare(now);
		this.share = full * IDLE_START;
		this.fastUpTo = Math.max(this.fastUpTo, full);
		this.quickRate = IDLE_RECOVERY_PER_SECOND;
	}

	private keepRecent(rate: number): void {
		// Keep the last `keep` start times; drop the older ones in bulk, so each call costs O(1).
		this.keep = Math.max(this.keep, rate);
		if (this.sent.length - this.head > this.keep) this.head = this.sent.length - this.keep;
		if (this.head > 1024 && this.head * 2 > this.sent.length) {
			this.sent = this.sent.slice(this.head);
			this.head = 0;
		}
	}
}

const pacers = new Map<string, CallPacer>();
/** A pacer idle this long has no calls in its window and no pause: dropping it loses nothing. */
const IDLE_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

function sweepIdle(now: number): void {
	if (now - lastSweep < SWEEP_EVERY_MS) return;
	lastSweep = now;
	for (const [key, pacer] of pacers) if (now - pacer.lastUsed > IDLE_MS) pacers.delete(key);
}

/** One pacer per app, endpoint and API, shared by every node run in this n8n process. */
export function pacerFor(baseUrl: string, sdkAppId: number, command: string): CallPacer {
	sweepIdle(Date.now());
	const key = `${baseUrl}|${sdkAppId}|${command}`;
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new CallPacer();
		pacers.set(key, pacer);
	}
	return pacer;
}

/** How many shared pacers exist (for tests of the idle sweep). */
export function pacerCount(): number {
	return pacers.size;
}
