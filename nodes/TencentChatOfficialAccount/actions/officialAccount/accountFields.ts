import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { usageError } from '../../../shared/errors';

/** One writable field of an official account: its parameter, Tencent's name and its UTF-8 byte limit. */
interface AccountField {
	property: INodeProperties;
	tencentName: string;
	maxBytes?: number;
}

/** Byte limits from https://trtc.io/document/60813 (UTF-8: a CJK character is 3 bytes). */
export const NAME_FIELD: AccountField = {
	tencentName: 'Name',
	maxBytes: 150,
	property: {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Store News',
		description: 'The name of the official account, at most 150 bytes (UTF-8)',
	},
};

export const OPTIONAL_FIELDS: AccountField[] = [
	{
		tencentName: 'Introduction',
		maxBytes: 400,
		property: {
			displayName: 'Introduction',
			name: 'introduction',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'A short description of the official account, at most 400 bytes (UTF-8)',
		},
	},
	{
		tencentName: 'FaceUrl',
		maxBytes: 500,
		property: {
			displayName: 'Avatar URL',
			name: 'faceUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/avatar.png',
			description: 'The URL of the avatar image, at most 500 bytes',
		},
	},
	{
		tencentName: 'Organization',
		maxBytes: 500,
		property: {
			displayName: 'Organization',
			name: 'organization',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme Inc.',
			description: 'The organization the official account belongs to, at most 500 bytes (UTF-8)',
		},
	},
	{
		tencentName: 'CustomString',
		maxBytes: 3000,
		property: {
			displayName: 'Custom Data',
			name: 'customData',
			type: 'string',
			default: '',
			placeholder: 'e.g. {"region":"eu"}',
			description: 'Free text for your own use, e.g. JSON, at most 3000 bytes (UTF-8)',
		},
	},
	{
		tencentName: 'MaxSubscriberNum',
		property: {
			displayName: 'Max Subscribers',
			name: 'maxSubscribers',
			type: 'number',
			default: 100000,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'How many users may follow the official account (Tencent\'s default is 100,000)',
		},
	},
];

/** The byte check every text field gets before any call: names the field, its size and the limit. */
export function checkBytes(this: IExecuteFunctions, label: string, value: string, maxBytes: number, itemIndex: number): void {
	const bytes = Buffer.byteLength(value, 'utf8');
	if (bytes > maxBytes) {
		throw usageError(this.getNode(), `${label} is ${bytes} bytes in item ${itemIndex}, but Tencent allows at most ${maxBytes} bytes`, {
			itemIndex,
			description: `Shorten ${label}. Bytes count in UTF-8: a letter is 1 byte, a Chinese, Japanese or Korean character 3 bytes.`,
		});
	}
}

function checkedValue(this: IExecuteFunctions, field: AccountField, raw: unknown, itemIndex: number): string | number {
	const label = field.property.displayName;
	if (field.property.type === 'number') {
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 1) {
			throw usageError(this.getNode(), `${label} must be a whole number of 1 or more, but is ${JSON.stringify(raw)} in item ${itemIndex}`, {
				itemIndex,
				description: `Set ${label} to 1 or more.`,
			});
		}
		return value;
	}
	const value = typeof raw === 'string' ? raw : String(raw ?? '');
	if (field.maxBytes) checkBytes.call(this, label, value, field.maxBytes, itemIndex);
	return value;
}

/**
 * Reads the fields given in a collection (Options, Update Fields): Tencent's body and the output
 * (under the parameter names), after the byte checks.
 */
export function readAccountFields(
	this: IExecuteFunctions,
	collection: IDataObject,
	fields: AccountField[],
	itemIndex: number,
): { body: IDataObject; output: IDataObject } {
	const body: IDataObject = {};
	const output: IDataObject = {};
	for (const field of fields) {
		const raw = collection[field.property.name];
		if (raw === undefined) continue;
		const value = checkedValue.call(this, field, raw, itemIndex);
		body[field.tencentName] = value;
		output[field.property.name] = value;
	}
	return { body, output };
}
