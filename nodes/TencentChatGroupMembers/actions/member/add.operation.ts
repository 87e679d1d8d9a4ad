import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { memberAccountsProperties } from './common';
import { byAccount, runMemberBatches } from './memberBatches';

/** https://trtc.io/document/34921: at most 300 members a call. */
const BATCH_SIZE = 300;

export const silentOption: INodeProperties = {
	displayName: 'Silent',
	name: 'silent',
	type: 'boolean',
	default: false,
	description: 'Whether to add without a notice to the group',
};

const properties: INodeProperties[] = [
	...memberAccountsProperties('add'),
	optionsCollection([maxCallsPerSecondOption, silentOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['add'] } },
	properties,
);

type Outcome = { result: string; resultCode: number | null; error?: string };

/** Tencent's per-member Result: 0 failed, 1 added, 2 already a member, 3 invited (waiting for the user). */
const RESULTS: Record<number, string> = {
	0: 'failed',
	1: 'added',
	2: 'alreadyMember',
	3: 'invited',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const silent = (this.getNodeParameter('options', 0, {}) as { silent?: boolean }).silent === true;
	return await runMemberBatches.call(this, items, {
		command: 'add_group_member',
		verb: 'add members to',
		doing: 'Adding members',
		batchSize: BATCH_SIZE,
		body: (GroupId, ids) => ({
			GroupId,
			MemberList: ids.map((Member_Account) => ({ Member_Account })),
			...(silent ? { Silence: 1 } : {}),
		}),
		results: (answer, ids) => {
			const found = byAccount(answer.MemberList);
			return new Map(
				ids.map((id): [string, Outcome] => {
					const code = found.get(id)?.Result;
					if (typeof code === 'number' && RESULTS[code])
						return [id, { result: RESULTS[code], resultCode: code }];
					const error =
						code === undefined
							? 'Tencent returned no result for this ID'
							: `Tencent returned an unknown Result (${JSON.stringify(code)}) for this ID`;
					return [id, { result: 'failed', resultCode: null, error }];
				}),
			);
		},
		toJson: (groupId, memberAccount, outcome?: Outcome) => ({ groupId, memberAccount, ...outcome }),
	});
}
