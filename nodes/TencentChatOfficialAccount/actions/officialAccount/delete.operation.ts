import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../../shared/items';
import { apiRequest, type ApiCall } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';

const properties: INodeProperties[] = [officialAccountProperty];

export const description = updateDisplayOptions({ show: { resource: ['officialAccount'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
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
		await apiRequest.call(this, call);
		output.push({ json: { officialAccount, deleted: true }, pairedItem: { item: itemIndex } });
	}, (itemIndex) => ({ officialAccount: this.getNodeParameter('officialAccount', itemIndex, '') as string }));
}
