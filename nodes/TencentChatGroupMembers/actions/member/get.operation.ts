import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { simplifyMember, simplifyOutput, simplifyProperty } from '../../../shared/simplify';
import { memberAccountsProperties, readGroupId } from './common';
import { byAccount, runMemberBatches } from './memberBatches';
import {
	customFieldsOption,
	fieldsOption,
	flattenCustomFields,
	flattenCustomFieldsOption,
	readFilters,
} from './memberOptions';

/** https://trtc.io/document/64897: at most 50 accounts a call. */
const BATCH_SIZE = 50;

const properties: INodeProperties[] = [
	...memberAccountsProperties('get'),
	simplifyProperty,
	optionsCollection([
		customFieldsOption,
		fieldsOption,
		flattenCustomFieldsOption,
		maxCallsPerSecondOption,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const filters = readFilters(options);
	const flatten = options.flattenCustomFields !== false;
	const output = await runMemberBatches.call(this, items, {
		command: 'get_specified_group_member_info',
		verb: 'get members of',
		doing: 'Getting members',
		batchSize: BATCH_SIZE,
		body: (GroupId, ids) => ({ GroupId, Member_List_Account: ids, ...filters }),
		// Accounts that are not members are left out of Tencent's answer.
		results: (answer, ids) => {
			const found = byAccount(answer.MemberList);
			return new Map(ids.map((id): [string, IDataObject | null] => [id, found.get(id) ?? null]));
		},
		toJson: (groupId, memberAccount, member?: IDataObject | null) => {
			if (member === undefined) return { groupId, memberAccount };
			if (member === null) return { Member_Account: memberAccount, isMember: false };
			// One object per output item: an ID asked by two items must not share it.
			const copy = { ...member };
			return { ...(flatten ? flattenCustomFields(copy) : copy), isMember: true };
		},
	});
	return simplifyOutput.call(this, output, (member, itemIndex) => simplifyMember(member, readGroupId.call(this, itemIndex)));
}
