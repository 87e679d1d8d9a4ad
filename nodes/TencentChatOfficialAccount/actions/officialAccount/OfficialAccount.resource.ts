import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import type { TencentChatOfficialAccountMap } from '../node.type';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	operationProperty<TencentChatOfficialAccountMap['officialAccount']>('officialAccount', [
		{ name: 'Create', value: 'create', description: 'Create an official account', action: 'Create an official account' },
		{ name: 'Delete', value: 'delete', description: 'Delete an official account with its subscribers and history', action: 'Delete an official account' },
		{ name: 'Get', value: 'get', description: 'Get the profile of official accounts', action: 'Get an official account' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many official accounts that a user follows', action: 'Get many official accounts' },
		{ name: 'Update', value: 'update', description: 'Change the profile of an official account', action: 'Update an official account' },
	]),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...del.description,
];
