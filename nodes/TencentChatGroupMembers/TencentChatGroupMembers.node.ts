import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as member from './actions/member/Member.resource';
import { router } from './actions/router';
import { listSearch } from './methods';

export class TencentChatGroupMembers implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Chat Group Members',
		name: 'tencentChatGroupMembers',
		icon: { light: 'file:../../icons/tencentChat.svg', dark: 'file:../../icons/tencentChat.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Add, remove, mute and update the members of your Tencent Cloud Chat groups, and see who is in them',
		defaults: { name: 'Tencent Chat Group Members' },
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
				options: [{ name: 'Member', value: 'member' }],
				default: 'member',
			},
			...member.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
