import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { followCursor } from '../../../shared/cursor';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { CHECK_ANSWER, apiError } from '../../../shared/errors';
import { forEachItem } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { readSimplify, simplifyProperty, simplifySubscriber } from '../../../shared/simplify';
import { apiRequest } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';

/** get_subscriber_info returns at most 200 subscribers a call. */
const MAX_PAGE_SIZE = 200;

const properties: INodeProperties[] = [officialAccountProperty, ...returnAllAndLimit(), simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['subscriber'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const officialAccount = readOfficialAccount.call(this, itemIndex);
		const what = `subscribers of official account "${officialAccount}"`;
		const pairedItem = { item: itemIndex };
		const simplify = readSimplify.call(this, itemIndex);

		await followCursor.call(this, {
			what,
			itemIndex,
			limit: readLimit.call(this, itemIndex),
			maxPageSize: MAX_PAGE_SIZE,
			fetchPage: async (cursor, pageSize, page) => {
				const answer = await apiRequest.call(this, {
					service: SERVICE,
					command: 'get_subscriber_info',
					repeatable: true,
					body: { Official_Account: officialAccount, Limit: pageSize, Next: cursor },
					purpose: `get ${what} (page ${page})`,
					itemIndex,
				});
				const list = answer.SubscriberList ?? [];
				const valid = Array.isArray(list) && list.every((entry: IDataObject) => typeof entry?.Subscriber_Account === 'string');
				if (!valid) {
					throw apiError(this.getNode(), `Tencent returned a subscriber without Subscriber_Account on page ${page} of ${what}`, {
						itemIndex,
						description: CHECK_ANSWER,
					});
				}
				return { entries: list as IDataObject[], next: typeof answer.Next === 'string' ? answer.Next : '' };
			},
			emit: (subscriber: IDataObject) =>
				output.push({ json: simplify ? simplifySubscriber(subscriber, officialAccount) : subscriber, pairedItem }),
		});
	});
}
