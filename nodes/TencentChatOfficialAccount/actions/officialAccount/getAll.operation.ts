import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { followCursor } from '../../../shared/cursor';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { forEachItem } from '../../../shared/items';
import { readLimit, requiredId } from '../../../shared/parameters';
import { readSimplify, simplifyOfficialAccount, simplifyProperty } from '../../../shared/simplify';
import { apiRequest } from '../../../shared/transport';
import { SERVICE } from '../common';

/** get_subscribed_official_account_list returns at most 200 accounts a call (https://trtc.io/document/60763). */
const MAX_PAGE_SIZE = 200;
const BASE_FIELDS = ['CreateTime', 'Name', 'Owner_Account', 'LastMsgTime', 'SubscriberNum', 'Introduction', 'FaceUrl', 'Organization', 'CustomString'];
const SELF_FIELDS = ['SubscribeTime', 'CustomString'];

const properties: INodeProperties[] = [
	{
		displayName: 'Subscriber Account',
		name: 'subscriberAccount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user001',
		description: 'The user whose followed official accounts to get',
	},
	...returnAllAndLimit(),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['officialAccount'], operation: ['getAll'] } }, properties);

/** The page's end signals: CompleteFlag 1, or no further Offset (Next 0 or missing). */
function nextOffset(answer: Record<string, unknown>, offset: number, received: number): string {
	if (answer.CompleteFlag === 1 || received === 0) return '';
	const next = Number(answer.Next);
	return Number.isInteger(next) && next > offset ? String(next) : String(offset + received);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const subscriberAccount = requiredId.call(this, 'subscriberAccount', 'Subscriber Account', itemIndex);
		const what = `official accounts followed by "${subscriberAccount}"`;
		const pairedItem = { item: itemIndex };
		const simplify = readSimplify.call(this, itemIndex);
		await followCursor.call(this, {
			what,
			itemIndex,
			limit: readLimit.call(this, itemIndex),
			maxPageSize: MAX_PAGE_SIZE,
			fetchPage: async (cursor, pageSize, page) => {
				const offset = cursor ? Number(cursor) : 0;
				const answer = await apiRequest.call(this, {
					service: SERVICE,
					command: 'get_subscribed_official_account_list',
					repeatable: true,
					body: {
						Subscriber_Account: subscriberAccount,
						Limit: pageSize,
						Offset: offset,
						ResponseFilter: { OfficialAccountBaseInfoFilter: BASE_FIELDS, SelfInfoFilter: SELF_FIELDS },
					},
					purpose: `get ${what} (page ${page})`,
					itemIndex,
				});
				const list = Array.isArray(answer.OfficialAccountInfoList) ? (answer.OfficialAccountInfoList as IDataObject[]) : [];
				// Each account as Tencent returns it: the user's own fields stay in SelfInfo.
				return { entries: list, next: nextOffset(answer, offset, list.length) };
			},
			emit: (account: IDataObject) => output.push({ json: simplify ? simplifyOfficialAccount(account) : account, pairedItem }),
		});
	}, (itemIndex) => ({ subscriberAccount: this.getNodeParameter('subscriberAccount', itemIndex, '') as string }));
}
