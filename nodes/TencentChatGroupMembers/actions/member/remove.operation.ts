import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { usageError } from '../../../shared/errors';
import { memberAccountsProperties } from './common';
import { silentOption } from './add.operation';
import { runMemberBatches } from './memberBatches';

/** https://trtc.io/document/34949: at most 100 members a call. */
const BATCH_SIZE = 100;
const MAX_REASON_BYTES = 255;

const properties: INodeProperties[] = [
	...memberAccountsProperties('remove'),
	optionsCollection([
		maxCallsPerSecondOption,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			placeholder: 'e.g. Subscription ended',
			description: 'Why the members are removed, shown to them (at most 255 bytes)',
		},
		{ ...silentOption, description: 'Whether to remove without a notice to the group' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['remove'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as { silent?: boolean; reason?: string };
	const reason = typeof options.reason === 'string' ? options.reason : '';
	if (new TextEncoder().encode(reason).length > MAX_REASON_BYTES) {
		throw usageError(this.getNode(), `Reason is longer than ${MAX_REASON_BYTES} bytes`, {
			itemIndex: 0,
			description: 'Shorten the Reason option.',
		});
	}
	return await runMemberBatches.call(this, items, {
		command: 'delete_group_member',
		verb: 'remove members from',
		doing: 'Removing members',
		batchSize: BATCH_SIZE,
		body: (GroupId, ids) => ({
			GroupId,
			MemberToDel_Account: ids,
			...(options.silent === true ? { Silence: 1 } : {}),
			...(reason ? { Reason: reason } : {}),
		}),
		// Tencent reports success for every ID, members or not.
		results: (_answer, ids) => new Map(ids.map((id) => [id, 'removed'])),
		toJson: (groupId, memberAccount, result?: string) => ({
			groupId,
			memberAccount,
			...(result ? { result } : {}),
		}),
	});
}
