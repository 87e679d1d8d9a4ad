import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { runBatched } from '../../../shared/batches';
import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { idListProperty, itemIdReader } from '../../../shared/idList';
import { readMaxCallsPerSecond } from '../../../shared/parameters';
import { apiRequest } from '../../../shared/transport';
import { SERVICE, readOfficialAccount } from '../common';

/** Tencent takes at most 100 subscribers per add_subscriber call; delete_subscriber's cap is undocumented, so the same. */
const BATCH_SIZE = 100;

export interface SubscriptionChange {
	command: 'add_subscriber' | 'delete_subscriber';
	/** 'add subscribers to' / 'remove subscribers from', for errors. */
	verb: string;
	/** 'Adding subscribers', for a run that stopped half-way. */
	doing: string;
	body(officialAccount: string, ids: string[]): IDataObject;
	/** Tencent's Result 1 and 2, as output words. */
	results: { 1: string; 2: string };
}

export function subscriberAccountsProperty(action: string): INodeProperties {
	return idListProperty('Subscriber Accounts', 'subscriberAccounts', action);
}

export const changeOptions: INodeProperties = optionsCollection([maxCallsPerSecondOption]);

type Outcome = { result: string; resultCode: number | null; error?: string };

export function readOutcomes(
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
	const callsPerSecond = readMaxCallsPerSecond.call(this);
	// ID Source "field" reads each item's JSON directly instead of evaluating an expression per item.
	const readIds = itemIdReader.call(this, items, { name: 'subscriberAccounts', label: 'Subscriber Accounts' });
	return await runBatched.call(this, items, {
		targetNoun: 'official account',
		doing: change.doing,
		batchSize: BATCH_SIZE,
		readItem: (itemIndex) => ({
			target: readOfficialAccount.call(this, itemIndex),
			ids: readIds(itemIndex),
		}),
		sendBatch: async (batch) => {
			const answer = await apiRequest.call(this, {
				service: SERVICE,
				command: change.command,
				// A repeated add or remove answers "already subscribed" or "not subscribed": harmless.
				repeatable: true,
				body: change.body(batch.target, batch.ids),
				purpose: `${change.verb} ${batch.label}`,
				callsPerSecond,
			});
			return readOutcomes(change, batch.ids, answer.SubscriberList);
		},
		toJson: (request, subscriberAccount, outcome?: Outcome) => ({ officialAccount: request.target, subscriberAccount, ...outcome }),
	});
}
