import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { usageError } from './errors';

/** Why a list of IDs cannot be used: the problem (after "<label> in item N") and how to fix it. */
export interface IdListProblem {
	problem: string;
	fix: string;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Parses one ID, several separated by commas or new lines, or an array. In typed text, empty
 * entries (a trailing comma, blank lines from a pasted column) are skipped; in an array, an empty
 * entry is an error naming its position, since it is usually a mapping that found nothing.
 */
export function parseIdList(raw: unknown): string[] | IdListProblem {
	if (typeof raw === 'number' && Number.isFinite(raw)) return [String(raw)];
	if (typeof raw === 'string') {
		const ids = raw
			.split(/[\n\r,]/)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
		if (ids.length > 0) return ids;
		return { problem: 'is empty', fix: 'Enter at least one user ID, or check that the expression returns IDs for this item.' };
	}
	if (!Array.isArray(raw)) {
		return { problem: `is ${kindOf(raw)}, not a list of IDs`, fix: 'Give one ID, several separated by commas or new lines, or an array of IDs.' };
	}
	if (raw.length === 0) return { problem: 'is an empty list', fix: 'Give at least one user ID for this item.' };
	const ids: string[] = [];
	for (let position = 1; position <= raw.length; position++) {
		const entry: unknown = raw[position - 1];
		if (typeof entry === 'number' && Number.isFinite(entry)) ids.push(String(entry));
		else if (typeof entry !== 'string') {
			return { problem: `has ${kindOf(entry)} at position ${position}, not an ID`, fix: 'Map the list to plain IDs, e.g. {{ $json.users.map(user => user.id) }}.' };
		} else if (!entry.trim()) {
			return { problem: `has an empty ID at position ${position}`, fix: 'Remove the empty entry, or filter the list in the expression.' };
		} else ids.push(entry.trim());
	}
	return ids;
}

export interface IdParameter {
	/** The list parameter, e.g. 'subscriberAccounts'. */
	name: string;
	/** As shown in the editor, e.g. 'Subscriber Accounts'. */
	label: string;
}

/** A list of user IDs typed or mapped per item, e.g. Subscriber Accounts; `action` completes "The user IDs to …". */
export function idListProperty(displayName: string, name: string, action: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. user001, user002',
		description: `The user IDs to ${action}: one ID, several separated by commas or new lines, or an array given by an expression`,
		// n8n renders hints as HTML: the expression has no spaces, so it never breaks across lines.
		hint: 'For an array, use an expression, e.g. <code>{{$json.userIds}}</code>',
	};
}

/** ID Source: a list (or an expression) per item, or a field read straight from each item. */
export function idSourceProperties(listProperty: INodeProperties, placeholder = 'e.g. userId'): INodeProperties[] {
	return [
		{
			displayName: 'ID Source',
			name: 'idSource',
			type: 'options',
			noDataExpression: true,
			default: 'list',
			options: [
				{ name: 'List or Expression', value: 'list', description: 'Type the IDs, or map them with an expression' },
				{ name: 'Field of Each Input Item', value: 'field', description: 'Read the IDs from a field of every input item; fastest for many items' },
			],
		},
		{ ...listProperty, displayOptions: { show: { idSource: ['list'] } } },
		{
			displayName: 'ID Field',
			name: 'idField',
			type: 'string',
			required: true,
			noDataExpression: true,
			default: '',
			placeholder,
			description: 'The input field that holds the ID, or a list of IDs, of each item. Use dots for nested fields, e.g. contact.userId.',
			displayOptions: { show: { idSource: ['field'] } },
		},
	];
}

function fieldValue(json: IDataObject, path: string): unknown {
	if (path in json) return json[path];
	let value: unknown = json;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** Parses `raw` as the IDs of one item; a bad list is an error naming `subject`, the item and the fix. */
function idsOf(node: INode, raw: unknown, subject: string, itemIndex: number): string[] {
	const parsed = parseIdList(raw);
	if (Array.isArray(parsed)) return parsed;
	throw usageError(node, `${subject} in item ${itemIndex} ${parsed.problem}`, { itemIndex, description: parsed.fix });
}

/** Reads a list parameter of one item: one ID, several separated by commas or new lines, or an array. */
export function readIdList(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	return idsOf(this.getNode(), this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
}

/**
 * Returns a reader of each item's IDs. With ID Source "field" the field name is read once and each
 * item's JSON is read directly, which avoids evaluating an expression per item.
 */
export function itemIdReader(this: IExecuteFunctions, items: INodeExecutionData[], parameter: IdParameter): (itemIndex: number) => string[] {
	const node = this.getNode();
	if (this.getNodeParameter('idSource', 0, 'list') !== 'field') {
		return (itemIndex) => readIdList.call(this, parameter.name, parameter.label, itemIndex);
	}
	const field = String(this.getNodeParameter('idField', 0, '')).trim();
	if (!field) {
		throw usageError(node, 'ID Field is empty', { itemIndex: 0, description: 'Enter the name of the input field that holds the IDs, e.g. userId.' });
	}
	return (itemIndex) => {
		const value = fieldValue(items[itemIndex].json, field);
		if (value === undefined || value === null || value === '') {
			throw usageError(node, `The field "${field}" is missing or empty in item ${itemIndex}`, {
				itemIndex,
				description: `Give every input item a "${field}" field with an ID or a list of IDs, or change ID Field.`,
			});
		}
		return idsOf(node, value, `The field "${field}"`, itemIndex);
	};
}
