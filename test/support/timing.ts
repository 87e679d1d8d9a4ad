// Helpers for tests that look at when calls arrived at the emulator.

/** The largest number of arrival times inside any one-second window [t, t + 1000). */
export function densestSecond(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let start = 0, end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= 1000) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/** `count` distinct IDs that start with `prefix`. */
export const ids = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(6, '0')}`);
