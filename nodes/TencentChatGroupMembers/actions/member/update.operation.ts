import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { usageError } from '../../../shared/errors';
import { forEachItemConcurrently } from '../../../shared/items';
import { requiredId } from '../../../shared/parameters';
import { groupRequest, readGroupId } from './common';

/** https://trtc.io/document/34900: NameCard is at most 50 bytes (UTF-8). */
/** One member per call: items in flight at once, so many items reach Tencent's 200 calls/s. */
const CONCURRENT_ITEMS = 24;
const MAX_NAME_CARD_BYTES = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'Member Account',
		name: 'memberAccount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user001',
		description: 'The user ID of the member to update',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Custom Field',
				description:
					'Custom member fields to set; their keys must first be set up in the Chat console',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Key',
								name: 'key',
								type: 'string',
								default: '',
								placeholder: 'e.g. MemberDefined1',
							},
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Message Flag',
				name: 'messageFlag',
				type: 'options',
				default: 'AcceptAndNotify',
				description: 'How the member receives the messages of the group',
				options: [
					{ name: 'Accept and Notify', value: 'AcceptAndNotify' },
					{ name: 'Accept Without Notifying', value: 'AcceptNotNotify' },
					{ name: 'Discard', value: 'Discard' },
				],
			},
			{
				displayName: 'Name Card',
				name: 'nameCard',
				type: 'string',
				default: '',
				placeholder: 'e.g. Alice (Support)',
				description: 'The name of the member in this group, at most 50 bytes',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				default: 'Member',
				description: 'Admin or Member; Work groups have no admins, and the owner cannot be changed',
				options: [
					{ name: 'Admin', value: 'Admin' },
					{ name: 'Member', value: 'Member' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['update'] } },
	properties,
);

interface Changes {
	body: IDataObject;
	output: IDataObject;
}

function readChanges(this: IExecuteFunctions, itemIndex: number): Changes {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const output: IDataObject = {};
	if (fields.role !== undefined) body.Role = output.role = fields.role;
	if (fields.nameCard !== undefined) {
		const nameCard = String(fields.nameCard);
		const bytes = new TextEncoder().encode(nameCard).length;
		if (bytes > MAX_NAME_CARD_BYTES) {
			throw usageError(
				this.getNode(),
				`Name Card is ${bytes} bytes in item ${itemIndex}, more than the ${MAX_NAME_CARD_BYTES} Tencent allows`,
				{
					itemIndex,
					description:
						'Shorten the Name Card (a Chinese, Japanese or Korean character takes 3 bytes, an emoji 4).',
				},
			);
		}
		body.NameCard = output.nameCard = nameCard;
	}
	if (fields.messageFlag !== undefined) body.MsgFlag = output.messageFlag = fields.messageFlag;
	const custom = ((fields.customFields as IDataObject | undefined)?.field ?? []) as Array<{
		key?: string;
		value?: string;
	}>;
	if (custom.length) {
		const entries = custom.map(({ key, value }) => ({
			Key: String(key ?? '').trim(),
			Value: String(value ?? ''),
		}));
		if (entries.some((entry) => !entry.Key)) {
			throw usageError(this.getNode(), `A custom field has an empty Key in item ${itemIndex}`, {
				itemIndex,
				description: 'Give every custom field a Key, or remove the empty one.',
			});
		}
		body.AppMemberDefinedData = entries;
		output.customFields = Object.fromEntries(entries.map((entry) => [entry.Key, entry.Value]));
	}
	if (Object.keys(body).length === 0) {
		throw usageError(this.getNode(), `Update Fields is empty in item ${itemIndex}`, {
			itemIndex,
			description:
				'Add at least one field to Update Fields: Role, Name Card, Message Flag or Custom Fields.',
		});
	}
	return { body, output };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItemConcurrently.call(
		this,
		items,
		CONCURRENT_ITEMS,
		async (itemIndex, output) => {
			const groupId = readGroupId.call(this, itemIndex);
			const memberAccount = requiredId.call(this, 'memberAccount', 'Member Account', itemIndex);
			const changes = readChanges.call(this, itemIndex);
			await groupRequest.call(this, {
				command: 'modify_group_member_info',
				body: { GroupId: groupId, Member_Account: memberAccount, ...changes.body },
				purpose: `update member "${memberAccount}" of group "${groupId}"`,
				groupId,
				itemIndex,
			});
			output.push({
				json: { groupId, memberAccount, ...changes.output },
				pairedItem: { item: itemIndex },
			});
		},
		(itemIndex) => ({
			groupId: readGroupId.call(this, itemIndex),
			memberAccount: this.getNodeParameter('memberAccount', itemIndex, '') as string,
		}),
	);
}
