import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { simplifyOutput, simplifyProperty } from '../../../shared/simplify';
import { memberAccountsProperties } from './common';
import { byAccount, runMemberBatches } from './memberBatches';

/** https://trtc.io/document/34963: at most 500 accounts a call. */
const BATCH_SIZE = 500;
const ROLES = ['Owner', 'Admin', 'Member', 'NotMember'];

const properties: INodeProperties[] = [
	...memberAccountsProperties('look up'),
	simplifyProperty,
	optionsCollection([maxCallsPerSecondOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['getRole'] } },
	properties,
);

type Outcome = { role: string | null; error?: string };

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output = await runMemberBatches.call(this, items, {
		command: 'get_role_in_group',
		verb: 'get the roles of members of',
		doing: 'Getting roles',
		batchSize: BATCH_SIZE,
		body: (GroupId, ids) => ({ GroupId, User_Account: ids }),
		results: (answer, ids) => {
			const found = byAccount(answer.UserIdList);
			return new Map(
				ids.map((id): [string, Outcome] => {
					const role = found.get(id)?.Role;
					if (typeof role === 'string' && ROLES.includes(role)) return [id, { role }];
					return [
						id,
						{
							role: null,
							error:
								role === undefined
									? 'Tencent returned no role for this ID'
									: `Tencent returned an unknown Role (${JSON.stringify(role)})`,
						},
					];
				}),
			);
		},
		toJson: (groupId, memberAccount, outcome?: Outcome) => ({ groupId, memberAccount, ...outcome }),
	});
	return simplifyOutput.call(this, output, ({ groupId, memberAccount, role }) => ({ groupId, userId: memberAccount, role }));
}
