/**
 * Timing of the transport. n8n gives nodes no environment to read, so tests and
 * benchmarks shorten these through this object; users keep the defaults.
 */
export const transportSettings = {
	/** Tencent gives up after 3 s; 15 s leaves room for slow networks. */
	timeoutMs: 15_000,
	/** First back-off after a transient failure; doubles each time, with full jitter. */
	transientDelayMs: 250,
	/** Back-off after a rate-limit answer; grows linearly. */
	rateLimitDelayMs: 1_000,
	/**
	 * After a rate-limit answer every caller of that API in this process waits this long; the pacer then
	 * goes on at a lower rate, so a longer pause would only leave the quota unused.
	 */
	rateLimitPauseMs: 250,
	/** Attempts per call, the first included. */
	maxAttempts: 6,
	/** No new attempt starts after this much time on one call. */
	retryBudgetMs: 90_000,
};
