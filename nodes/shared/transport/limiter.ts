import { sleep } from 'n8n-workflow';

export const DEFAULT_CALLS_PER_SECOND = 200;
const WINDOW_MS = 1_000;
const MAX_SLOWDOWN = 8;

/**
 * Paces calls to one API of one app: evenly spaced, and never more than `rate`
 * calls in any one-second window. A rate-limit answer slows it down; successes
 * bring it back to full speed.
 */
class CallPacer {
	private queue: Promise<void> = Promise.resolve();
	private sent: number[] = [];
	private lastSent = 0;
	private pausedUntil = 0;
	private slowdown = 1;

	acquire(rate: number, signal?: AbortSignal): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot(rate, signal));
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	/** The server said "too many calls": pause every caller, then go on at a lower rate. */
	rateLimited(pauseMs: number): void {
		this.slowdown = Math.min(MAX_SLOWDOWN, this.slowdown * 2);
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pauseMs);
	}

	succeeded(): void {
		if (this.slowdown > 1) this.slowdown = Math.max(1, this.slowdown * 0.9);
	}

	private earliestStart(rate: number): number {
		const spaced = this.lastSent + (WINDOW_MS / rate) * this.slowdown;
		const windowFull = this.sent.length >= rate ? this.sent[this.sent.length - rate] + WINDOW_MS + 1 : 0;
		return Math.max(spaced, windowFull, this.pausedUntil);
	}

	private async waitForSlot(rate: number, signal?: AbortSignal): Promise<void> {
		for (let wait = this.earliestStart(rate) - Date.now(); wait > 0; wait = this.earliestStart(rate) - Date.now()) {
			if (signal?.aborted) return;
			await sleep(wait);
		}
		this.lastSent = Date.now();
		this.sent.push(this.lastSent);
		if (this.sent.length > rate * 2) this.sent = this.sent.slice(-rate);
	}
}

const pacers = new Map<string, CallPacer>();

/** One pacer per app, endpoint and API, shared by every node run in this n8n process. */
export function pacerFor(baseUrl: string, sdkAppId: number, command: string): CallPacer {
	const key = `${baseUrl}|${sdkAppId}|${command}`;
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new CallPacer();
		pacers.set(key, pacer);
	}
	return pacer;
}
