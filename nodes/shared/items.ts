import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { ExecutionCancelledError } from './transport';

/** The error item n8n expects under "continue on fail": the message, and how to fix it. */
export function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	const json: INodeExecutionData['json'] = { error: error.message };
	if (error.description) json.description = error.description;
	return { json, pairedItem: { item: itemIndex } };
}

/** Gives an error an item index, wrapping anything that is not already an n8n error. */
export function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof ExecutionCancelledError) return error;
	if (error instanceof NodeOperationError || (error instanceof Error && 'node' in error)) {
		const context = (error as { context?: Record<string, unknown> }).context;
		if (context && context.itemIndex === undefined) context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** The fields that identify an item (e.g. its official account), without the empty ones; {} when unreadable. */
function identifyingFields(identify: ((itemIndex: number) => IDataObject) | undefined, itemIndex: number): IDataObject {
	if (!identify) return {};
	try {
		const fields = Object.entries(identify(itemIndex)).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]);
		return Object.fromEntries(fields.filter(([, value]) => typeof value === 'string' && value !== ''));
	} catch {
		return {}; // the parameter that identifies the item is itself what failed
	}
}

/**
 * Runs `work` for each input item in turn, collecting what it emits. A failing item becomes an
 * error item under "continue on fail" (with the fields `identify` gives); otherwise the error stops the node.
 */
export async function forEachItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (itemIndex: number, output: INodeExecutionData[]) => Promise<void>,
	identify?: (itemIndex: number) => IDataObject,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const mark = output.length;
		try {
			await work(itemIndex, output);
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail() || nodeError instanceof ExecutionCancelledError) throw nodeError;
			output.length = mark;
			const item = errorItem(nodeError, itemIndex);
			Object.assign(item.json, identifyingFields(identify, itemIndex));
			output.push(item);
		}
	}
	return output;
}

/** Runs `work` over `inputs` with at most `concurrency` in flight; results keep the input order. */
export async function mapConcurrent<I, O>(inputs: I[], concurrency: number, work: (input: I, index: number) => Promise<O>): Promise<O[]> {
	const results = new Array<O>(inputs.length);
	let nextIndex = 0;
	const worker = async () => {
		while (nextIndex < inputs.length) {
			const index = nextIndex++;
			results[index] = await work(inputs[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
	return results;
}

/**
 * forEachItem with up to `concurrency` items in flight (the transport paces the calls); the output
 * keeps the input order. Without "continue on fail" no item starts after one failed, and the
 * failure of the first such item is thrown.
 */
export async function forEachItemConcurrently(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	concurrency: number,
	work: (itemIndex: number, output: INodeExecutionData[]) => Promise<void>,
	identify?: (itemIndex: number) => IDataObject,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const outputs = new Array<INodeExecutionData[] | Error>(items.length);
	let stopped = false;
	await mapConcurrent(Array.from(items.keys()), concurrency, async (itemIndex) => {
		if (stopped) return;
		const output: INodeExecutionData[] = [];
		try {
			await work(itemIndex, output);
			outputs[itemIndex] = output;
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			outputs[itemIndex] = nodeError;
			if (!continueOnFail || nodeError instanceof ExecutionCancelledError) stopped = true;
		}
	});
	const failure = outputs.find((outcome) => outcome instanceof ExecutionCancelledError) ?? outputs.find((outcome) => outcome instanceof Error);
	if (stopped && failure instanceof Error) throw failure;
	const result: INodeExecutionData[] = [];
	outputs.forEach((outcome, itemIndex) => {
		if (!(outcome instanceof Error)) {
			for (const item of outcome ?? []) result.push(item);
			return;
		}
		const item = errorItem(outcome, itemIndex);
		Object.assign(item.json, identifyingFields(identify, itemIndex));
		result.push(item);
	});
	return result;
}
