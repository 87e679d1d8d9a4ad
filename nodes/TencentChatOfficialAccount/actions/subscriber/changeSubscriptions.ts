import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { asNodeError, errorItem, mapConcurrent } from '../../../shared/items';
import { readIdList } from '../../../shared/idList';
import { apiRequest, ExecutionCancelledError } from '../../../shared/transport';
import { DEFAULT_CALLS_PER_SECOND } from '../../../shared/transport/limiter';
import { SERVICE, readOfficialAccount } from '../common';

/** Tencent takes at most 100 subscribers per add_subscriber call; delete_subscriber's cap is undocumented, so the same. */
const BATCH_SIZE = 100;
/** Enough calls in flight to reach 200 calls/s at ~100 ms per call; the pacer keeps the rate. */
const CONCURRENT_BATCHES = 24;

export interface SubscriptionChange {
	command: 'add_subscriber' | 'delete_subscriber';
	/** 'add subscribers to' / 'remove subscribers from', for errors. */
	verb: string;
	body(officialAccount: string, ids: string[]): IDataObject;
	/** Tencent's Result 1 and 2, as output words. */
	results: { 1: string; 2: string };
}

export function subscriberAccountsProperty(action: string): INodeProperties {
	return {
		displayName: 'Subscriber Accounts',
		name: 'subscriberAccounts',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user001, user002',
		description: `The user IDs to ${action}: one ID, several separated by commas or new lines, or an array given by an expression`,
		hint: 'For an array from the input, use an expression such as {{ $json.userIds }}',
	};
}

export const changeOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Max Calls Per Second',
		name: 'maxCallsPerSecond',
		type: 'number',
		default: DEFAULT_CALLS_PER_SECOND,
		typeOptions: { minValue: 1, maxValue: DEFAULT_CALLS_PER_SECOND },
		description:
			'Tencent allows 200 calls per second per API and app. Lower it to leave room for other systems that use the same app.',
	},
]);

interface ItemRequest {
	officialAccount: string;
	ids: string[];
}

interface Batch {
	officialAccount: string;
	ids: string[];
	label: string;
}

type Outcome = { result: string; resultCode: number | null; error?: string };
type BatchResult = { outcomes: Map<string, Outcome> } | { error: Error };

/** Every unique (official account, ID) pair of the run, in batches of at most 100. */
function planBatches(requests: Array<ItemRequest | undefined>): Batch[] {
	const idsByAccount = new Map<string, Set<string>>();
	for (const request of requests) {
		if (!request) continue;
		let ids = idsByAccount.get(request.officialAccount);
		if (!ids) idsByAccount.set(request.officialAccount, (ids = new Set()));
		for (const id of request.ids) ids.add(id);
	}
	const batches: Batch[] = [];
	for (const [officialAccount, idSet] of idsByAccount) {
		const ids = [...idSet];
		const count = Math.ceil(ids.length / BATCH_SIZE);
		for (let index = 0; index < count; index++) {
			const slice = ids.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE);
			batches.push({
				officialAccount,
				ids: slice,
				label: `official account "${officialAccount}" (batch ${index + 1} of ${count}, ${slice.length} IDs)`,
			});
		}
	}
	return batches;
}

function readOutcomes(
	change: SubscriptionChange,
	ids: string[],
	list: unknown,
): Map<string, Outcome> {
	const codes = new Map<string, unknown>();
	if (Array.isArray(list)) {
		for (const entry of list as IDataObject[]) {
			if (typeof entry?.Subscriber_Account === 'string')
				codes.set(entry.Subscriber_Account, entry.Result);
		}
	}
	const outcomes = new Map<string, Outcome>();
	for (const id of ids) {
		const code = codes.get(id);
		if (code === 1 || code === 2)
			outcomes.set(id, { result: change.results[code], resultCode: code });
		else if (code === 0) outcomes.set(id, { result: 'failed', resultCode: 0 });
		else if (code === undefined)
			outcomes.set(id, {
				result: 'failed',
				resultCode: null,
				error: 'Tencent returned no result for this ID',
			});
		else
			outcomes.set(id, {
				result: 'failed',
				resultCode: null,
				error: `Tencent returned an unknown Result (${JSON.stringify(code)}) for this ID`,
			});
	}
	return outcomes;
}

/**
 * Add and Remove: the IDs of all items are grouped per official account, sent once each in
 * batches of 100 (concurrently, paced per API), and every (item, ID) pair gets its own result.
 */
export async function changeSubscriptions(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	change: SubscriptionChange,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const requests: Array<ItemRequest | undefined> = [];
	const itemErrors = new Map<number, Error>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const officialAccount = readOfficialAccount.call(this, itemIndex);
			requests.push({
				officialAccount,
				ids: readIdList.call(this, 'subscriberAccounts', 'Subscriber Accounts', itemIndex),
			});
		} catch (error) {
			const nodeError = asNodeError.call(this, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			itemErrors.set(itemIndex, nodeError);
			requests.push(undefined);
		}
	}

	const callsPerSecond =
		Number((this.getNodeParameter('options', 0, {}) as IDataObject).maxCallsPerSecond ?? 0) ||
		undefined;
	const batches = planBatches(requests);
	const results = await mapConcurrent(
		batches,
		CONCURRENT_BATCHES,
		async (batch): Promise<BatchResult> => {
			try {
				const answer = await apiRequest.call(this, {
					service: SERVICE,
					command: change.command,
					// A repeated add or remove answers "already subscribed" or "not subscribed": harmless.
					repeatable: true,
					body: change.body(batch.officialAccount, batch.ids),
					purpose: `${change.verb} ${batch.label}`,
					callsPerSecond,
				});
				return { outcomes: readOutcomes(change, batch.ids, answer.SubscriberList) };
			} catch (error) {
				return { error: error as Error };
			}
		},
	);

	const byPair = new Map<string, BatchResult>();
	batches.forEach((batch, index) =>
		batch.ids.forEach((id) => byPair.set(`${batch.officialAccount}\n${id}`, results[index])),
	);
	const failed = results.find((result): result is { error: Error } => 'error' in result);
	if (failed && (!continueOnFail || failed.error instanceof ExecutionCancelledError))
		throw failed.error;

	const output: INodeExecutionData[] = [];
	requests.forEach((request, itemIndex) => {
		if (!request) {
			output.push(errorItem(itemErrors.get(itemIndex)!, itemIndex));
			return;
		}
		for (const subscriberAccount of request.ids) {
			const result = byPair.get(`${request.officialAccount}\n${subscriberAccount}`)!;
			if ('error' in result) {
				const item = errorItem(result.error, itemIndex);
				Object.assign(item.json, { officialAccount: request.officialAccount, subscriberAccount });
				output.push(item);
				continue;
			}
			const outcome = result.outcomes.get(subscriberAccount)!;
			output.push({
				json: { officialAccount: request.officialAccount, subscriberAccount, ...outcome },
				pairedItem: { item: itemIndex },
			});
		}
	});
	return output;
}
