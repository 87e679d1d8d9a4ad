// Number and text formatting for `npm run demo`'s report.
export const fmt = (n: number): string => Number(n).toLocaleString('en-US');
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const plural = (n: number, word: string): string => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;

/** One table cell: JSON for objects, whitespace folded, at most `max` characters. */
export function cell(value: unknown, max = 40): string {
	let text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	text = text.replace(/\s+/g, ' ');
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
