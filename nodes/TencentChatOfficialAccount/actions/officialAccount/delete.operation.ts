import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../../shared/items';
import { apiRequest, isOutcomeUnknown, type ApiCall } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';

const properties: INodeProperties[] = [officialAccountProperty];

export const description = updateDisplayOptions({ show: { resource: ['officialAccount'], operation: ['delete'] } }, properties);

/** Tencent's "the official account does not exist" in get_official_account_info's entries. */
const NOT_FOUND = 130004;

/** After a lost answer, Get (a read) tells whether the account is gone; the destroy is never sent twice. */
async function confirmDeleted(this: IExecuteFunctions, lost: Error, officialAccount: string, itemIndex: number): Promise<void> {
	let entry: IDataObject | undefined;
	try {
		const answer = await apiRequest.call(this, {
			service: SERVICE,
			command: 'get_official_account_info',
			repeatable: true,
			body: { OfficialAccountIdList: [{ Official_Account: officialAccount }], ResponseFilter: { OfficialAccountBaseInfoFilter: ['Name'] } },
			purpose: `check whether official account "${officialAccount}" was deleted`,
			itemIndex,
		});
		entry = (answer.OfficialAccountInfoList as IDataObject[] | undefined)?.[0];
	} catch {
		throw lost; // the check failed too: the outcome stays unknown
	}
	if (entry?.ErrorCode === NOT_FOUND) return;
	const described = lost as Error & { description?: string | null };
	if (entry) described.description = `${described.description ?? ''} Official Account → Get still finds "${officialAccount}", so it was not deleted.`.trim();
	throw lost;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(
		this,
		items,
		async (itemIndex, output) => {
			const officialAccount = readOfficialAccount.call(this, itemIndex);
			const call: ApiCall = {
				service: SERVICE,
				command: 'destroy_official_account',
				// A repeat after a lost answer would report "does not exist" for a deleted account: not repeated.
				repeatable: false,
				outcomeCheck: `Check with Official Account → Get whether "${officialAccount}" still exists before you run this item again.`,
				body: { Official_Account: officialAccount },
				purpose: `delete official account "${officialAccount}"`,
				itemIndex,
			};
			const sent = await apiRequest.call(this, call).then(
				() => ({ ok: true as const }),
				(error: Error) => ({ error }),
			);
			if ('error' in sent) {
				if (!isOutcomeUnknown(sent.error)) throw sent.error;
				await confirmDeleted.call(this, sent.error, officialAccount, itemIndex);
			}
			output.push({ json: { officialAccount, deleted: true }, pairedItem: { item: itemIndex } });
		},
		(itemIndex) => ({ officialAccount: this.getNodeParameter('officialAccount', itemIndex, '') as string }),
	);
}
