import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	operationProperty('message', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many messages from the history of an official account',
			action: 'Get many messages',
		},
	]),
	...getAll.description,
];
