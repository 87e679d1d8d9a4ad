import type { INodeProperties } from 'n8n-workflow';

/** n8n's standard Return All and Limit pair, for every Get Many. */
export function returnAllAndLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The Operation selector of one resource; `Operation` (from the node's node.type.ts) rejects a value the router lacks. */
export function operationProperty<Operation extends string = string>(
	resource: string,
	options: Array<{ name: string; value: NoInfer<Operation>; description: string; action: string }>,
	defaultOperation: NoInfer<Operation> | 'getAll' = 'getAll',
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** The usual "Options" collection of optional settings. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options,
	};
}

/** The Max Calls Per Second option of every batched operation (checked at run time by readMaxCallsPerSecond). */
export const maxCallsPerSecondOption: INodeProperties = {
	displayName: 'Max Calls Per Second',
	name: 'maxCallsPerSecond',
	type: 'number',
	default: 200,
	typeOptions: { minValue: 1, maxValue: 200, numberPrecision: 0 },
	description: 'Tencent allows 200 calls per second per API and app. Lower it to leave room for other systems that use the same app.',
};
