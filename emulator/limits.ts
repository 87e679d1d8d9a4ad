// Call-rate limit (token bucket per app and API) and bad-signature lock-out (per app).

const LOCKOUT_WINDOW_MS = 60000;

export class RateLimiter {
	buckets: Map<string, { tokens: number; at: number }>;

	constructor() {
		this.buckets = new Map();
	}

	/** Takes one token; false when the bucket is empty. Capacity = rate, refill = rate per second. */
	take(key: string, rate: number, nowMs: number): boolean {
		let b = this.buckets.get(key);
		if (!b) {
			b = { tokens: rate, at: nowMs };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(rate, b.tokens + ((nowMs - b.at) * rate) / 1000);
		b.at = nowMs;
		if (b.tokens < 1) return false;
		b.tokens -= 1;
		return true;
	}

	clear(): void {
		this.buckets.clear();
	}
}

export class Lockout {
	bad: Map<number, number[]>;

	constructor() {
		this.bad = new Map(); // sdkAppId -> times (ms) of bad signatures in the last minute
	}

	prune(appId: number, nowMs: number): number[] {
		const list = this.bad.get(appId);
		if (!list) return [];
		let i = 0;
		while (i < list.length && list[i] <= nowMs - LOCKOUT_WINDOW_MS) i++;
		if (i) list.splice(0, i);
		return list;
	}

	/** Locked once `threshold` bad signatures fell within the last minute. */
	isLocked(appId: number, threshold: number, nowMs: number): boolean {
		return this.prune(appId, nowMs).length >= threshold;
	}

	recordBad(appId: number, nowMs: number): void {
		const list = this.bad.get(appId);
		if (list) list.push(nowMs);
		else this.bad.set(appId, [nowMs]);
	}

	clear(): void {
		this.bad.clear();
	}
}
