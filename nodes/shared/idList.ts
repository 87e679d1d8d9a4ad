import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { usageError } from './errors';

/** Why a list of IDs cannot be used: the problem (after "<label> in item N") and how to fix it. */
export class IdListError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'IdListError';
	}
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
export function parseIdList(raw: unknown): string[] {
	if (typeof raw === 'number' && Number.isFinite(raw)) return [String(raw)];
	if (typeof raw === 'string') {
		const ids = raw
			.split(/[\n\r,]/)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
		if (ids.length === 0) {
			throw new IdListError('is empty', 'Enter at least one user ID, or check that the expression returns IDs for this item.');
		}
		return ids;
	}
	if (!Array.isArray(raw)) {
		throw new IdListError(`is ${kindOf(raw)}, not a list of IDs`, 'Give one ID, several separated by commas or new lines, or an array of IDs.');
	}
	if (raw.length === 0) throw new IdListError('is an empty list', 'Give at least one user ID for this item.');
	return raw.map((entry: unknown, position) => {
		if (typeof entry === 'number' && Number.isFinite(entry)) return String(entry);
		if (typeof entry !== 'string') {
			throw new IdListError(`has ${kindOf(entry)} at position ${position + 1}, not an ID`, 'Map the list to plain IDs, e.g. {{ $json.users.map(user => user.id) }}.');
		}
		const id = entry.trim();
		if (!id) throw new IdListError(`has an empty ID at position ${position + 1}`, 'Remove the empty entry, or filter the list in the expression.');
		return id;
	});
}

export interface IdParameter {
	/** The list parameter, e.g. 'subscriberAccounts'. */
	name: string;
	/** As shown in the editor, e.g. 'Subscriber Accounts'. */
	label: string;
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
	try {
		return parseIdList(raw);
	} catch (error) {
		if (!(error instanceof IdListError)) throw new NodeOperationError(node, error as Error, { itemIndex });
		throw usageError(node, `${subject} in item ${itemIndex} ${error.message}`, { itemIndex, description: error.fix });
	}
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
