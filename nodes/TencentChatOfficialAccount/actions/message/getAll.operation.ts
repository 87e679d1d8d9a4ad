import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { followCursor } from '../../../shared/cursor';
import { optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { forEachItem } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { readSimplify, simplifyMessage, simplifyProperty } from '../../../shared/simplify';
import { apiRequest } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';

/** official_account_msg_get_simple cuts a range short after about 20 messages (IsFinished 0). */
const MAX_PAGE_SIZE = 20;
const HOLE = 1;
const RECALLED = 2;
/** IsFinished 2: everything older has expired. */
const OLDER_EXPIRED = 2;

const properties: INodeProperties[] = [
	officialAccountProperty,
	...returnAllAndLimit(),
	simplifyProperty,
	optionsCollection([
		{
			displayName: 'Before Message Key',
			name: 'beforeMsgKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. 71_1_1698741698',
			description: 'Start with the messages sent before this one (its message key, from Send or Get Many) instead of the newest',
		},
		{
			displayName: 'Include Placeholders',
			name: 'includePlaceholders',
			type: 'boolean',
			default: false,
			description: 'Whether to output an entry for each deleted or expired message',
		},
		{
			displayName: 'Include Recalled',
			name: 'includeRecalled',
			type: 'boolean',
			default: false,
			description: 'Whether to output recalled messages too',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['getAll'] } },
	properties,
);

/** The texts of a message's TIMTextElem elements, so a message is usable without digging into MsgBody. */
function textOf(message: IDataObject): string {
	const body = Array.isArray(message.MsgBody) ? (message.MsgBody as IDataObject[]) : [];
	return body
		.filter((element) => element?.MsgType === 'TIMTextElem')
		.map((element) => String((element.MsgContent as IDataObject | undefined)?.Text ?? ''))
		.join('\n');
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const officialAccount = readOfficialAccount.call(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const includeRecalled = options.includeRecalled === true;
		const includePlaceholders = options.includePlaceholders === true;
		const what = `messages of official account "${officialAccount}"`;
		const pairedItem = { item: itemIndex };
		const simplify = readSimplify.call(this, itemIndex);

		const wanted = (message: IDataObject) =>
			message.IsPlaceMsg === HOLE
				? includePlaceholders
				: message.IsPlaceMsg === RECALLED
					? includeRecalled
					: true;

		await followCursor.call(this, {
			what,
			itemIndex,
			limit: readLimit.call(this, itemIndex),
			maxPageSize: MAX_PAGE_SIZE,
			firstCursor: String(options.beforeMsgKey ?? '').trim(),
			fetchPage: async (cursor, pageSize, page) => {
				const body: IDataObject = {
					Official_Account: officialAccount,
					ReqMsgNumber: pageSize,
					WithRecalledMsg: includeRecalled ? 1 : 0,
				};
				if (cursor) body.LastMsgKey = cursor;
				const answer = await apiRequest.call(this, {
					service: SERVICE,
					command: 'official_account_msg_get_simple',
					repeatable: true,
					body,
					purpose: `get ${what} (page ${page})`,
					itemIndex,
				});
				const list = Array.isArray(answer.RspMsgList) ? (answer.RspMsgList as IDataObject[]) : [];
				// Pages come oldest first; output goes newest first across pages.
				const newestFirst = [...list].sort((a, b) => Number(b.MsgSeq) - Number(a.MsgSeq));
				const reachedFirst = newestFirst.some((message) => Number(message.MsgSeq) <= 1);
				return {
					entries: newestFirst
						.filter(wanted)
						.map((message) => ({ ...message, text: textOf(message) })),
					next: typeof answer.LastMsgKey === 'string' ? answer.LastMsgKey : '',
					finished: answer.IsFinished === OLDER_EXPIRED || list.length === 0 || reachedFirst,
					received: list.length,
				};
			},
			emit: (message: IDataObject) =>
				output.push({ json: simplify ? simplifyMessage(message, officialAccount) : message, pairedItem }),
		});
	});
}
