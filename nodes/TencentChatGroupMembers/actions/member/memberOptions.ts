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
	placeholder: 'e.g. MemberDefined1, MemberDefined2',
	description:
		'Keys of the custom group member fields to return, separated by commas (AppDefinedDataFilter_GroupMember). Empty returns none when Fields is set, else all.',
};

export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions',
	default: [],
	description:
		'Member fields to return (MemberInfoFilter); Member_Account always comes back. Empty returns all fields.',
	options: [
		{ name: 'Join Time', value: 'JoinTime' },
		{ name: 'Last Send Message Time', value: 'LastSendMsgTime' },
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
		'Whether to turn AppMemberDefinedData, a list of {Key, Value}, into a customFields object of key: value',
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
			'Members per request: at most 100 for Community groups and 6000 for the others. The node halves it when an answer would pass 1 MB.',
	},
	{
		displayName: 'Pagination',
		name: 'pagination',
		type: 'options',
		default: 'auto',
		description:
			'How to page through the members. Community groups page with Next, the other group types with Offset.',
		options: [
			{
				name: 'Auto-Detect',
				value: 'auto',
				description:
					'Community when the group ID starts with @TGS#_ or the first answer carries Next; otherwise Offset',
			},
			{ name: 'Next (Community Groups)', value: 'next' },
			{ name: 'Offset (Other Group Types)', value: 'offset' },
		],
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'multiOptions',
		default: [],
		description:
			'Return only members with these roles (MemberRoleFilter). Empty returns every role.',
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
