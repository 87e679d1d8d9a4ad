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
