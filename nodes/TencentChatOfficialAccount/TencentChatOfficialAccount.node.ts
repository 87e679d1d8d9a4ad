import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as message from './actions/message/Message.resource';
import * as officialAccount from './actions/officialAccount/OfficialAccount.resource';
import { router } from './actions/router';
import * as subscriber from './actions/subscriber/Subscriber.resource';

export class TencentChatOfficialAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Chat Official Account',
		name: 'tencentChatOfficialAccount',
		icon: { light: 'file:../../icons/tencentChat.svg', dark: 'file:../../icons/tencentChat.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Tencent Cloud Chat official accounts, their subscribers and messages',
		defaults: { name: 'Tencent Chat Official Account' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudChatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Message', value: 'message' },
					{ name: 'Official Account', value: 'officialAccount' },
					{ name: 'Subscriber', value: 'subscriber' },
				],
				default: 'subscriber',
			},
			...subscriber.description,
			...message.description,
			...officialAccount.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
