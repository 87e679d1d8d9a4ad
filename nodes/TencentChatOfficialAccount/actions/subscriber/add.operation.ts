import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { idSourceProperties } from '../../../shared/idList';
import { officialAccountProperty } from '../common';
import { changeOptions, changeSubscriptions, subscriberAccountsProperty, type SubscriptionChange } from './changeSubscriptions';

const properties: INodeProperties[] = [officialAccountProperty, ...idSourceProperties(subscriberAccountsProperty('subscribe')), changeOptions];

export const description = updateDisplayOptions({ show: { resource: ['subscriber'], operation: ['add'] } }, properties);

const addSubscribers: SubscriptionChange = {
	command: 'add_subscriber',
	verb: 'add subscribers to',
	doing: 'Adding subscribers',
	body: (officialAccount, ids) => ({ Official_Account: officialAccount, SubscriberList: ids.map((id) => ({ Subscriber_Account: id })) }),
	results: { 1: 'added', 2: 'alreadySubscribed' },
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await changeSubscriptions.call(this, items, addSubscribers);
}
