'use strict';
// Call-rate limit (token bucket per app and API) and bad-signature lock-out (per app).

const LOCKOUT_WINDOW_MS = 60000;

class RateLimiter {
	constructor() {
		this.buckets = new Map();
	}

	/** Takes one token; false when the bucket is empty. Capacity = rate, refill = rate per second. */
	take(key, rate, nowMs) {
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

	clear() {
		this.buckets.clear();
	}
}

class Lockout {
	constructor() {
		this.bad = new Map(); // sdkAppId -> times (ms) of bad signatures in the last minute
	}

	prune(appId, nowMs) {
		const list = this.bad.get(appId);
		if (!list) return [];
		let i = 0;
		while (i < list.length && list[i] <= nowMs - LOCKOUT_WINDOW_MS) i++;
		if (i) list.splice(0, i);
		return list;
	}

	/** Locked once `threshold` bad signatures fell within the last minute. */
	isLocked(appId, threshold, nowMs) {
		return this.prune(appId, nowMs).length >= threshold;
	}

	recordBad(appId, nowMs) {
		if (!this.bad.has(appId)) this.bad.set(appId, []);
		this.bad.get(appId).push(nowMs);
	}

	clear() {
		this.bad.clear();
	}
}

module.exports = { RateLimiter, Lockout };
