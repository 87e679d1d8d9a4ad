import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../../shared/items';
import { requiredId } from '../../../shared/parameters';
import { apiRequest } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';
import { checkBytes } from '../officialAccount/accountFields';

/** The page gives no limit for a subscriber's CustomString; the account's own 3000 bytes is assumed. */
const MAX_CUSTOM_DATA_BYTES = 3000;

const properties: INodeProperties[] = [
	officialAccountProperty,
	{
		displayName: 'Subscriber Account',
		name: 'subscriberAccount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user001',
		description: 'The user ID of the subscriber to update',
	},
	{
		displayName: 'Custom Data',
		name: 'customData',
		type: 'string',
		default: '',
		placeholder: 'e.g. tier:gold',
		description: 'Free text stored with this subscriber, e.g. a CRM tier, at most 3000 bytes (UTF-8). It replaces what was there; empty clears it.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['subscriber'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const officialAccount = readOfficialAccount.call(this, itemIndex);
		const subscriberAccount = requiredId.call(this, 'subscriberAccount', 'Subscriber Account', itemIndex);
		const raw = this.getNodeParameter('customData', itemIndex, '') as unknown;
		const customData = typeof raw === 'string' ? raw : JSON.stringify(raw ?? '');
		checkBytes.call(this, 'Custom Data', customData, MAX_CUSTOM_DATA_BYTES, itemIndex);
		await apiRequest.call(this, {
			service: SERVICE,
			command: 'modify_subscriber_info',
			// Sets the value: a repeat leaves the same end state (https://trtc.io/document/60762).
			repeatable: true,
			body: { Official_Account: officialAccount, Subscriber_Account: subscriberAccount, CustomString: customData },
			purpose: `update subscriber "${subscriberAccount}" of official account "${officialAccount}"`,
			itemIndex,
		});
		output.push({ json: { officialAccount, subscriberAccount, customData }, pairedItem: { item: itemIndex } });
	}, (itemIndex) => ({
		officialAccount: this.getNodeParameter('officialAccount', itemIndex, '') as string,
		subscriberAccount: this.getNodeParameter('subscriberAccount', itemIndex, '') as string,
	}));
}
