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

/** Tencent's own limit per API and app; a workflow may ask for less. */
export const MAX_CALLS_PER_SECOND = 200;

/**
 * Reads the Max Calls Per Second option (undefined when not set). An expression can give anything,
 * so the value is checked here: a whole number from 1 to 200.
 */
export function readMaxCallsPerSecond(this: IExecuteFunctions, itemIndex = 0): number | undefined {
	const options = this.getNodeParameter('options', itemIndex, {}) as { maxCallsPerSecond?: unknown };
	const raw = options.maxCallsPerSecond;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const rate = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
	if (!Number.isInteger(rate) || rate < 1 || rate > MAX_CALLS_PER_SECOND) {
		throw usageError(this.getNode(), `Max Calls Per Second must be a whole number from 1 to ${MAX_CALLS_PER_SECOND}, but is ${JSON.stringify(raw)} in item ${itemIndex}`, {
			itemIndex,
			description: `Set Max Calls Per Second to a whole number from 1 to ${MAX_CALLS_PER_SECOND}, or remove the option to use Tencent's limit.`,
		});
	}
	return rate;
}
