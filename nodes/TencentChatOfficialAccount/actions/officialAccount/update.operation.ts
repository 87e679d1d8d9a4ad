import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { usageError } from '../../../shared/errors';
import { forEachItem } from '../../../shared/items';
import { apiRequest } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';
import { NAME_FIELD, OPTIONAL_FIELDS, readAccountFields } from './accountFields';

const UPDATE_FIELDS = [NAME_FIELD, ...OPTIONAL_FIELDS];

const properties: INodeProperties[] = [
	officialAccountProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: UPDATE_FIELDS.map((field) => field.property),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['officialAccount'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const officialAccount = readOfficialAccount.call(this, itemIndex);
		const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const { body, output: changed } = readAccountFields.call(this, updateFields, UPDATE_FIELDS, itemIndex);
		if (Object.keys(body).length === 0) {
			throw usageError(this.getNode(), `Update Fields is empty in item ${itemIndex}`, {
				itemIndex,
				description: 'Add at least one field to change under Update Fields, e.g. Name.',
			});
		}
		if (body.Name !== undefined && String(body.Name).trim() === '') {
			throw usageError(this.getNode(), `Name is empty in item ${itemIndex}`, { itemIndex, description: 'Enter a name, or remove Name from Update Fields.' });
		}
		await apiRequest.call(this, {
			service: SERVICE,
			command: 'modify_official_account_base_info',
			// Sets the fields to given values: a repeat changes nothing more.
			repeatable: true,
			// The page's sample spells the key Official_Account (https://trtc.io/document/60757).
			body: { Official_Account: officialAccount, ...body },
			purpose: `update official account "${officialAccount}"`,
			itemIndex,
		});
		output.push({ json: { officialAccount, ...changed }, pairedItem: { item: itemIndex } });
	}, (itemIndex) => ({ officialAccount: this.getNodeParameter('officialAccount', itemIndex, '') as string }));
}
