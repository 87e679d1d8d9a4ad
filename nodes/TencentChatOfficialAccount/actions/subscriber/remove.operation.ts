import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { idSourceProperties } from '../../../shared/idList';
import { officialAccountProperty } from '../common';
import { changeOptions, changeSubscriptions, subscriberAccountsProperty, type SubscriptionChange } from './changeSubscriptions';

const properties: INodeProperties[] = [officialAccountProperty, ...idSourceProperties(subscriberAccountsProperty('unsubscribe')), changeOptions];

export const description = updateDisplayOptions({ show: { resource: ['subscriber'], operation: ['remove'] } }, properties);

/** delete_subscriber takes a plain array of IDs in SubscriberToDel_Account (the sample request of https://trtc.io/document/60761, not its field table). */
const removeSubscribers: SubscriptionChange = {
	command: 'delete_subscriber',
	verb: 'remove subscribers from',
	doing: 'Removing subscribers',
	body: (officialAccount, ids) => ({ Official_Account: officialAccount, SubscriberToDel_Account: ids }),
	results: { 1: 'removed', 2: 'notSubscribed' },
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await changeSubscriptions.call(this, items, removeSubscribers);
}
