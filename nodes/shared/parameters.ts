import type { IExecuteFunctions } from 'n8n-workflow';

import { usageError } from './errors';

/** Reads a required ID parameter, trimmed; an empty one is an error that names the field and the item. */
export function requiredId(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!value) {
		throw usageError(this.getNode(), `${label} is empty in item ${itemIndex}`, {
			itemIndex,
			description: `Enter the ${label}, or check that the expression for it returns a value for this item.`,
		});
	}
	return value;
}

/** Reads Return All and Limit; Infinity stands for Return All. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const limit = Number(this.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw usageError(this.getNode(), `Limit must be a whole number of 1 or more, but is ${limit} in item ${itemIndex}`, {
			itemIndex,
			description: 'Set Limit to 1 or more, or turn on Return All.',
		});
	}
	return limit;
}

/**
 * Reads a list of user IDs: one ID, several separated by commas or new lines,
 * or an array (from an expression). Numbers become strings; anything else is an error.
 */
export function readIdList(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const fail = (message: string, fix: string) =>
		usageError(this.getNode(), `${label} in item ${itemIndex} ${message}`, { itemIndex, description: fix });

	let entries: unknown[];
	if (Array.isArray(raw)) entries = raw;
	else if (typeof raw === 'number') entries = [raw];
	else if (typeof raw === 'string') entries = raw.split(/[\n,]/);
	else throw fail(`is ${raw === null ? 'null' : `a${typeof raw === 'object' ? 'n object' : ` ${typeof raw}`}`}, not a list of IDs`, 'Give one ID, several separated by commas or new lines, or an array of IDs.');

	if (typeof raw === 'string' && !raw.trim()) {
		throw fail('is empty', 'Enter at least one user ID, or check that the expression returns IDs for this item.');
	}
	if (entries.length === 0) throw fail('is an empty list', 'Give at least one user ID for this item.');

	return entries.map((entry, position) => {
		if (typeof entry === 'number' && Number.isFinite(entry)) return String(entry);
		if (typeof entry !== 'string') {
			const kind = entry === null ? 'null' : Array.isArray(entry) ? 'an array' : `a${typeof entry === 'object' ? 'n object' : ` ${typeof entry}`}`;
			throw fail(`has ${kind} at position ${position + 1}, not an ID`, 'Map the list to plain IDs, e.g. {{ $json.users.map(user => user.id) }}.');
		}
		const id = entry.trim();
		if (!id) throw fail(`has an empty ID at position ${position + 1}`, 'Remove the empty entry (two commas in a row, or an empty line).');
		return id;
	});
}
