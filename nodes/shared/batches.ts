import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './items';
import { ExecutionCancelledError } from './transport';

/** What one input item asks for: a target (official account, group) and IDs in it. */
export interface BatchRequest {
	target: string;
	ids: string[];
}

export interface Batch {
	target: string;
	ids: string[];
	/** 'group "@TGS#_x" (batch 2 of 5, 300 IDs)', for errors. */
	label: string;
}

export interface BatchedOperation<R> {
	/** 'official account' or 'group', for labels. */
	targetNoun: string;
	/** 'Adding subscribers', for the message of a run that stopped half-way. */
	doing: string;
	batchSize: number;
	/** Batches in flight at once; the transport paces the calls. */
	concurrency?: number;
	/** Reads one item; a usage error becomes that item's error. */
	readItem(itemIndex: number): BatchRequest;
	/** Sends one batch and returns a result for each of its IDs. */
	sendBatch(batch: Batch): Promise<Map<string, R>>;
	/** The output of one (item, ID); without a result (its batch failed), only the fields that identify it. */
	toJson(request: BatchRequest, id: string, result?: R): IDataObject;
}

/** Enough calls in flight to reach 200 calls/s at ~100 ms per call. */
const DEFAULT_CONCURRENCY = 24;

type BatchOutcome<R> = { results: Map<string, R> } | { error: Error };

/** Every unique (target, ID) pair of the run, in batches of at most `batchSize`, in first-seen order. */
export function planBatches(requests: Array<BatchRequest | undefined>, targetNoun: string, batchSize: number): Batch[] {
	const idsByTarget = new Map<string, Set<string>>();
	for (const request of requests) {
		if (!request) continue;
		let ids = idsByTarget.get(request.target);
		if (!ids) idsByTarget.set(request.target, (ids = new Set()));
		for (const id of request.ids) ids.add(id);
	}
	const batches: Batch[] = [];
	for (const [target, idSet] of idsByTarget) {
		const ids = [...idSet];
		const count = Math.ceil(ids.length / batchSize);
		for (let index = 0; index < count; index++) {
			const slice = ids.slice(index * batchSize, (index + 1) * batchSize);
			batches.push({ target, ids: slice, label: `${targetNoun} "${target}" (batch ${index + 1} of ${count}, ${slice.length} IDs)` });
		}
	}
	return batches;
}

/** Reads every item first, so a bad item fails before any call is made (or becomes an error item). */
function readRequests<R>(this: IExecuteFunctions, items: INodeExecutionData[], op: BatchedOperation<R>, continueOnFail: boolean) {
	const requests: Array<BatchRequest | undefined> = [];
	const itemErrors = new Map<number, Error>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests.push(op.readItem(itemIndex));
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			itemErrors.set(itemIndex, nodeError);
			requests.push(undefined);
		}
	}
	return { requests, itemErrors };
}

/**
 * Sends the batches, `concurrency` at a time. Without Continue On Fail no new batch starts after one
 * failed, and the error says how many IDs the batches before it had already changed.
 */
async function sendBatches<R>(op: BatchedOperation<R>, batches: Batch[], continueOnFail: boolean): Promise<Array<BatchOutcome<R>>> {
	const outcomes = new Array<BatchOutcome<R>>(batches.length);
	let next = 0;
	let failure: Error | undefined;
	const worker = async () => {
		while (next < batches.length && !failure) {
			const index = next++;
			try {
				outcomes[index] = { results: await op.sendBatch(batches[index]) };
			} catch (error) {
				outcomes[index] = { error: error as Error };
				if (!continueOnFail || error instanceof ExecutionCancelledError) failure ??= error as Error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(op.concurrency ?? DEFAULT_CONCURRENCY, batches.length) }, worker));
	if (failure) throw withProgress(failure, op, outcomes);
	return outcomes;
}

function withProgress<R>(failure: Error, op: BatchedOperation<R>, outcomes: Array<BatchOutcome<R> | undefined>): Error {
	const done = outcomes.filter((outcome): outcome is { results: Map<string, R> } => !!outcome && 'results' in outcome);
	if (done.length === 0 || failure instanceof ExecutionCancelledError) return failure;
	const ids = done.reduce((sum, outcome) => sum + outcome.results.size, 0);
	const note = `The run stopped here. ${op.doing} was already done for ${ids} IDs in ${done.length} other batches, so a rerun reports those as done already.`;
	const described = failure as Error & { description?: string | null };
	described.description = described.description ? `${described.description} ${note}` : note;
	failure.message = `${failure.message}; ${ids} IDs in ${done.length} other batches were already done`;
	return failure;
}

/**
 * A batched operation: the IDs of all items are grouped per target, de-duplicated, sent in batches,
 * and every (item, ID) gets its own output item, paired with its input item, in input order.
 */
export async function runBatched<R>(this: IExecuteFunctions, items: INodeExecutionData[], op: BatchedOperation<R>): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const { requests, itemErrors } = readRequests.call(this, items, op, continueOnFail);
	const batches = planBatches(requests, op.targetNoun, op.batchSize);
	const outcomes = await sendBatches(op, batches, continueOnFail);

	const byTarget = new Map<string, Map<string, BatchOutcome<R>>>();
	batches.forEach((batch, index) => {
		let byId = byTarget.get(batch.target);
		if (!byId) byTarget.set(batch.target, (byId = new Map()));
		for (const id of batch.ids) byId.set(id, outcomes[index]);
	});

	const output: INodeExecutionData[] = [];
	requests.forEach((request, itemIndex) => {
		if (!request) {
			output.push(errorItem(itemErrors.get(itemIndex)!, itemIndex));
			return;
		}
		const byId = byTarget.get(request.target)!;
		for (const id of request.ids) {
			const outcome = byId.get(id)!;
			if ('error' in outcome) {
				const item = errorItem(outcome.error, itemIndex);
				Object.assign(item.json, op.toJson(request, id));
				output.push(item);
				continue;
			}
			output.push({ json: op.toJson(request, id, outcome.results.get(id)), pairedItem: { item: itemIndex } });
		}
	});
	return output;
}
