import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { CHECK_ANSWER, apiError } from '../../../shared/errors';
import { forEachItem } from '../../../shared/items';
import type { TencentAnswer } from '../../../shared/transport';
import { simplifyOutput, simplifyProperty } from '../../../shared/simplify';
import { groupRequest, groupType, isoTime, readGroupId } from './common';

const properties: INodeProperties[] = [simplifyProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['getMuted'] } },
	properties,
);

/** https://trtc.io/document/34964 answers ShuttedUinList [{Member_Account, ShuttedUntil}]; newer services say MutedAccountList / MutedUntil. */
function mutedList(answer: TencentAnswer): IDataObject[] | undefined {
	const list = answer.ShuttedUinList ?? answer.MutedAccountList ?? [];
	return Array.isArray(list) &&
		list.every((entry: IDataObject) => typeof entry?.Member_Account === 'string')
		? (list as IDataObject[])
		: undefined;
}

/** An empty list from a Work group is no surprise: such groups cannot mute. Say so once per group. */
async function explainEmptyList(this: IExecuteFunctions, groupId: string, hinted: Set<string>): Promise<void> {
	if (hinted.has(groupId)) return;
	hinted.add(groupId);
	const type = await groupType.call(this, groupId);
	if (type !== 'Work' && type !== 'Private') return;
	this.addExecutionHints?.({
		message: `Group "${groupId}" is a ${type} group, and ${type} groups cannot mute members, so its muted list is always empty.`,
		type: 'info',
		location: 'outputPane',
	});
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Items that name the same group share one call.
	const answers = new Map<string, Promise<TencentAnswer>>();
	const hinted = new Set<string>();
	const output = await forEachItem.call(
		this,
		items,
		async (itemIndex, output) => {
			const groupId = readGroupId.call(this, itemIndex);
			let answer = answers.get(groupId);
			if (!answer) {
				answer = groupRequest.call(this, {
					command: 'get_group_muted_account',
					body: { GroupId: groupId },
					purpose: `get the muted members of group "${groupId}"`,
					groupId,
					itemIndex,
				});
				answers.set(groupId, answer);
			}
			const list = mutedList(await answer);
			if (!list) {
				throw apiError(
					this.getNode(),
					`Tencent returned a muted list that is not a list of members with Member_Account for group "${groupId}"`,
					{ itemIndex, description: CHECK_ANSWER },
				);
			}
			if (list.length === 0) await explainEmptyList.call(this, groupId, hinted);
		for (const entry of list) {
				output.push({
					json: {
						groupId,
						memberAccount: entry.Member_Account,
						mutedUntil: isoTime(entry.ShuttedUntil ?? entry.MutedUntil),
					},
					pairedItem: { item: itemIndex },
				});
			}
		},
		(itemIndex) => ({ groupId: readGroupId.call(this, itemIndex) }),
	);
	return simplifyOutput.call(this, output, ({ groupId, memberAccount, mutedUntil }) => ({ groupId, userId: memberAccount, mutedUntil }));
}
