import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	operationProperty('member', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many members of a group',
			action: 'Get many members',
		},
	]),
	...getAll.description,
];
