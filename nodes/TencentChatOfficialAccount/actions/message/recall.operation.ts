import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { runBatched } from '../../../shared/batches';
import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { readIdList } from '../../../shared/idList';
import { readMaxCallsPerSecond } from '../../../shared/parameters';
import { apiRequest, type ApiCall } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';
import { checkBytes } from '../officialAccount/accountFields';

/** official_account_msg_recall takes at most 10 MsgKeys, and a Reason of at most 100 bytes (https://trtc.io/document/60811). */
const BATCH_SIZE = 10;
const MAX_REASON_BYTES = 100;

const properties: INodeProperties[] = [
	officialAccountProperty,
	{
		displayName: 'Message Keys',
		name: 'messageKeys',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 71_1_1698741698',
		description: 'The keys of the messages to recall (msgKey from Send or Get Many): one, several separated by commas or new lines, or an array given by an expression',
	},
	optionsCollection([
		{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why the messages are recalled, at most 100 bytes (UTF-8). Read from the first item.' },
		maxCallsPerSecondOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['recall'] } }, properties);

type RecallOutcome = { result: 'recalled' | 'failed'; resultCode: number | null; error?: string };

function readOutcomes(keys: string[], list: unknown): Map<string, RecallOutcome> {
	const codes = new Map<string, unknown>();
	for (const entry of Array.isArray(list) ? (list as IDataObject[]) : []) {
		if (typeof entry?.MsgKey === 'string') codes.set(entry.MsgKey, entry.RetCode);
	}
	const outcomes = new Map<string, RecallOutcome>();
	for (const key of keys) {
		const code = codes.get(key);
		if (code === 0) outcomes.set(key, { result: 'recalled', resultCode: 0 });
		else if (typeof code === 'number') outcomes.set(key, { result: 'failed', resultCode: code });
		else outcomes.set(key, { result: 'failed', resultCode: null, error: 'Tencent returned no result for this message key' });
	}
	return outcomes;
}

function readReason(this: IExecuteFunctions): string {
	const reason = String((this.getNodeParameter('options', 0, {}) as IDataObject).reason ?? '');
	checkBytes.call(this, 'Reason', reason, MAX_REASON_BYTES, 0);
	return reason;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const callsPerSecond = readMaxCallsPerSecond.call(this);
	const reason = readReason.call(this);
	return await runBatched.call(this, items, {
		targetNoun: 'official account',
		doing: 'Recalling messages',
		batchSize: BATCH_SIZE,
		readItem: (itemIndex) => ({
			target: readOfficialAccount.call(this, itemIndex),
			ids: readIdList.call(this, 'messageKeys', 'Message Keys', itemIndex),
		}),
		sendBatch: async (batch) => {
			const call: ApiCall = {
				service: SERVICE,
				command: 'official_account_msg_recall',
				repeatable: false,
				outcomeCheck: `Check with Message → Get Many (Include Recalled) for official account "${batch.target}" which messages are recalled before you run again.`,
				body: { Official_Account: batch.target, MsgKeyList: batch.ids, ...(reason ? { Reason: reason } : {}) },
				purpose: `recall messages of ${batch.label}`,
				callsPerSecond,
			};
			const answer = await apiRequest.call(this, call);
			return readOutcomes(batch.ids, answer.RecallRetList);
		},
		toJson: (request, msgKey, outcome?: RecallOutcome) => ({ officialAccount: request.target, msgKey, ...outcome }),
	});
}
