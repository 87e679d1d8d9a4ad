import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import type { TencentChatOfficialAccountMap } from '../node.type';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export const operations = { add, getAll, remove, update };

export const description: INodeProperties[] = [
	operationProperty<TencentChatOfficialAccountMap['subscriber']>('subscriber', [
		{
			name: 'Add',
			value: 'add',
			description: 'Subscribe users to an official account',
			action: 'Add subscribers',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many subscribers of an official account',
			action: 'Get many subscribers',
		},
		{
			name: 'Remove',
			value: 'remove',
			description: 'Unsubscribe users from an official account',
			action: 'Remove subscribers',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Set the Custom Data of one subscriber',
			action: 'Update a subscriber',
		},
	]),
	...getAll.description,
	...add.description,
	...remove.description,
	...update.description,
];
