import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { memberAccountsProperties } from './common';
import { setMute } from './muting';

const properties: INodeProperties[] = [
	...memberAccountsProperties('unmute'),
	optionsCollection([maxCallsPerSecondOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['unmute'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await setMute.call(this, items);
}
