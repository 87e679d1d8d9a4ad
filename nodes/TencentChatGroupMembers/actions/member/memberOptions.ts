import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { usageError } from '../../../shared/errors';
import { customFieldsObject } from '../../../shared/simplify';

export type PaginationMode = 'auto' | 'offset' | 'next';

export const customFieldsOption: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. Level, Team',
	description:
		'Keys of the custom member fields to return, separated by commas. Empty returns all of them, or none when Fields is set.',
};

export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions',
	default: [],
	description:
		'Member details to return; the user ID always comes back. Empty returns all of them.',
	options: [
		{ name: 'Join Time', value: 'JoinTime' },
		{ name: 'Last Message Time', value: 'LastSendMsgTime' },
		{ name: 'Message Flag', value: 'MsgFlag' },
		{ name: 'Message Sequence', value: 'MsgSeq' },
		{ name: 'Mute Until', value: 'MuteUntil' },
		{ name: 'Name Card', value: 'NameCard' },
		{ name: 'Role', value: 'Role' },
	],
};

export const flattenCustomFieldsOption: INodeProperties = {
	displayName: 'Flatten Custom Fields',
	name: 'flattenCustomFields',
	type: 'boolean',
	default: true,
	description:
		'Whether to return custom fields as one customFields object of key: value pairs instead of a list of Key and Value entries (Simplify always does)',
};

export const optionsProperty: INodeProperties = optionsCollection([
	customFieldsOption,
	fieldsOption,
	flattenCustomFieldsOption,
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		default: 100,
		typeOptions: { minValue: 1, maxValue: 6000 },
		description:
			'How many members to read per request: up to 100 for Community groups and 6000 for other groups. When a page is too large for Tencent, the node asks for smaller pages by itself.',
	},
	{
		displayName: 'Pagination',
		name: 'pagination',
		type: 'options',
		default: 'auto',
		description:
			'How to read the members page by page. Community groups are read differently from the other group types; Auto-Detect suits every group.',
		options: [
			{
				name: 'Auto-Detect',
				value: 'auto',
				description:
					'Recognise Community groups by their ID (it starts with @TGS#_) or by Tencent\'s first answer',
			},
			{ name: 'Community Groups', value: 'next' },
			{ name: 'Other Group Types', value: 'offset' },
		],
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'multiOptions',
		default: [],
		description:
			'Return only members with these roles. Empty returns every role.',
		options: [
			{ name: 'Admin', value: 'Admin' },
			{ name: 'Member', value: 'Member' },
			{ name: 'Owner', value: 'Owner' },
		],
	},
]);

function list(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** The request's filter fields; an empty option sends nothing, which Tencent reads as "all". */
export function readFilters(options: IDataObject): IDataObject {
	const filters: IDataObject = {};
	const fields = list(options.fields);
	const roles = list(options.roles);
	const customFields = list(options.customFields);
	if (fields.length) filters.MemberInfoFilter = fields;
	if (roles.length) filters.MemberRoleFilter = roles;
	if (customFields.length) filters.AppDefinedDataFilter_GroupMember = customFields;
	return filters;
}

export function readPageSize(
	this: IExecuteFunctions,
	options: IDataObject,
	itemIndex: number,
): number {
	const pageSize = Number(options.pageSize ?? 100);
	if (!Number.isInteger(pageSize) || pageSize < 1) {
		throw usageError(
			this.getNode(),
			`Page Size must be a whole number of 1 or more, but is ${options.pageSize} in item ${itemIndex}`,
			{
				itemIndex,
				description: 'Set the Page Size option to 1 or more, or remove it to use 100.',
			},
		);
	}
	return pageSize;
}

export function readPagination(options: IDataObject): PaginationMode {
	return options.pagination === 'offset' || options.pagination === 'next'
		? options.pagination
		: 'auto';
}

/** Replaces AppMemberDefinedData [{Key, Value}] with customFields { key: value }. */
export function flattenCustomFields(member: IDataObject): IDataObject {
	const data = member.AppMemberDefinedData;
	if (!Array.isArray(data)) return member;
	delete member.AppMemberDefinedData;
	member.customFields = customFieldsObject(data);
	return member;
}
