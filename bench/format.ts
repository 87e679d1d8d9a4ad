// How the benchmark table shows its numbers, and the shape of one row.

/** One row of the results table, every cell already text. */
export interface Row {
	scenario: string;
	calls: string;
	wall: string;
	reference: string;
	ratio: string;
	target: string;
	rss: string;
	notes: string;
}

/** Each scenario's result by name, as its child process sent it (plain JSON). */
export type Results = Record<string, any>;

export const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mb = (value: number) => `${Math.round(value)} MB`;
export const int = (value: number) => value.toLocaleString('en-US');
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const pass = (ok: boolean) => (ok ? 'met' : 'MISSED');
