import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'Get many messages from the history of an official account', action: 'Get many messages' },
		],
		default: 'getAll',
	},
	...getAll.description,
];
