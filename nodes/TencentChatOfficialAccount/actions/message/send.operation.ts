import { randomInt } from 'crypto';
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { apiError, CHECK_ANSWER, usageError } from '../../../shared/errors';
import { forEachItem } from '../../../shared/items';
import type { ApiCall } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';
import { AccountPacer, sendPaced } from './sendLimits';

/** Tencent's message size limit. */
const MAX_MESSAGE_BYTES = 12 * 1024;
const showFor = (messageType: string) => ({ displayOptions: { show: { messageType: [messageType] } } });

const properties: INodeProperties[] = [
	officialAccountProperty,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: [
			{ name: 'Text', value: 'text', description: 'A text message' },
			{ name: 'Custom', value: 'custom', description: 'Your own data, for your app to display' },
		],
		default: 'text',
	},
	{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 4 }, default: '', placeholder: 'e.g. This week: 20% off everything', description: 'The text to send to every subscriber', ...showFor('text') },
	{ displayName: 'Custom Data', name: 'customData', type: 'string', default: '', placeholder: 'e.g. {"card":"sale"}', description: 'The content of the custom message, e.g. JSON that your app reads', ...showFor('custom') },
	{ displayName: 'Custom Description', name: 'customDescription', type: 'string', default: '', description: 'A short description of the custom message', ...showFor('custom') },
	{ displayName: 'Custom Extension', name: 'customExtension', type: 'string', default: '', description: 'More data of the custom message, for your app', ...showFor('custom') },
	optionsCollection([
		{ displayName: 'Cloud Custom Data', name: 'cloudCustomData', type: 'string', default: '', description: 'Extra data stored with the message, which your app can read' },
		{ displayName: 'Online Only', name: 'onlineOnly', type: 'boolean', default: false, description: 'Whether to deliver only to online subscribers' },
		{ displayName: 'Push Title', name: 'pushTitle', type: 'string', default: '', description: 'The title of the offline push notification' },
		{ displayName: 'Push Text', name: 'pushText', type: 'string', default: '', description: 'The text of the offline push notification' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

function textParameter(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	return typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw);
}

function readMessageBody(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const messageType = this.getNodeParameter('messageType', itemIndex, 'text') as string;
	const [label, content]: [string, IDataObject] =
		messageType === 'custom'
			? ['Custom Data', { Data: textParameter.call(this, 'customData', itemIndex), Desc: textParameter.call(this, 'customDescription', itemIndex), Ext: textParameter.call(this, 'customExtension', itemIndex) }]
			: ['Text', { Text: textParameter.call(this, 'text', itemIndex) }];
	const main = String(content.Text ?? content.Data);
	if (main.trim() === '') {
		throw usageError(this.getNode(), `${label} is empty in item ${itemIndex}`, { itemIndex, description: `Enter the ${label} to send, or check that its expression returns a value for this item.` });
	}
	const body = [{ MsgType: messageType === 'custom' ? 'TIMCustomElem' : 'TIMTextElem', MsgContent: content }];
	const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
	if (bytes > MAX_MESSAGE_BYTES) {
		throw usageError(this.getNode(), `The message is ${bytes} bytes in item ${itemIndex}, but Tencent allows at most ${MAX_MESSAGE_BYTES} bytes`, {
			itemIndex,
			description: `Shorten ${label}. Bytes count in UTF-8: a Chinese, Japanese or Korean character is 3 bytes.`,
		});
	}
	return body;
}

function readSendBody(this: IExecuteFunctions, officialAccount: string, itemIndex: number): IDataObject {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Random is made once per item, so retries of this item carry the same one.
	const body: IDataObject = { Official_Account: officialAccount, Random: randomInt(0, 2 ** 32), MsgBody: readMessageBody.call(this, itemIndex) };
	if (options.cloudCustomData) body.CloudCustomData = String(options.cloudCustomData);
	if (options.onlineOnly === true) body.OnlineOnlyFlag = 1;
	if (options.pushTitle || options.pushText) {
		body.OfflinePushInfo = { PushFlag: 0, Title: String(options.pushTitle ?? ''), Desc: String(options.pushText ?? '') };
	}
	return body;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const pacer = new AccountPacer();
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const officialAccount = readOfficialAccount.call(this, itemIndex);
		const call: ApiCall = {
			service: SERVICE,
			command: 'send_official_account_msg',
			// Whether Tencent de-duplicates on Random is not documented: a send is never repeated after a lost answer.
			repeatable: false,
			outcomeCheck: `The message may have gone out: Message → Get Many for official account "${officialAccount}" shows whether it did. Run this item again only if it did not.`,
			body: readSendBody.call(this, officialAccount, itemIndex),
			purpose: `send a message to official account "${officialAccount}"`,
			itemIndex,
		};
		const answer = await sendPaced.call(this, pacer, call, officialAccount);
		if (typeof answer.MsgKey !== 'string' || !answer.MsgKey) {
			throw apiError(this.getNode(), `Tencent accepted the message to official account "${officialAccount}" but returned no MsgKey`, { itemIndex, description: CHECK_ANSWER });
		}
		output.push({ json: { officialAccount, msgKey: answer.MsgKey, msgTime: answer.MsgTime as number }, pairedItem: { item: itemIndex } });
	}, (itemIndex) => ({ officialAccount: this.getNodeParameter('officialAccount', itemIndex, '') as string }));
}
