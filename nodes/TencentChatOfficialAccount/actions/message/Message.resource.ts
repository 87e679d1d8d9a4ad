import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import type { TencentChatOfficialAccountMap } from '../node.type';
import * as getAll from './getAll.operation';
import * as recall from './recall.operation';
import * as send from './send.operation';

export const operations = { getAll, recall, send };

export const description: INodeProperties[] = [
	operationProperty<TencentChatOfficialAccountMap['message']>('message', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many messages from the history of an official account',
			action: 'Get many messages',
		},
		{ name: 'Recall', value: 'recall', description: 'Recall sent messages of an official account', action: 'Recall messages' },
		{ name: 'Send', value: 'send', description: 'Send a message to every subscriber of an official account', action: 'Send a message' },
	]),
	...getAll.description,
	...send.description,
	...recall.description,
];
