import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import type { TencentChatGroupMembersMap } from '../node.type';
import * as add from './add.operation';
import { groupProperty } from './common';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMuted from './getMuted.operation';
import * as getRole from './getRole.operation';
import * as mute from './mute.operation';
import * as remove from './remove.operation';
import * as unmute from './unmute.operation';
import * as update from './update.operation';

export const operations = { add, get, getAll, getMuted, getRole, mute, remove, unmute, update };

export const description: INodeProperties[] = [
	operationProperty<TencentChatGroupMembersMap['member']>('member', [
		{
			name: 'Add',
			value: 'add',
			description: 'Add users to a group',
			action: 'Add members to a group',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the profiles of given users in a group',
			action: 'Get members of a group',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many members of a group',
			action: 'Get many members',
		},
		{
			name: 'Get Muted',
			value: 'getMuted',
			description: 'Get the muted members of a group',
			action: 'Get muted members of a group',
		},
		{
			name: 'Get Role',
			value: 'getRole',
			description: 'Get the roles of users in a group',
			action: 'Get the roles of members',
		},
		{
			name: 'Mute',
			value: 'mute',
			description: 'Stop members from sending messages to a group for a while',
			action: 'Mute members of a group',
		},
		{
			name: 'Remove',
			value: 'remove',
			description: 'Remove members from a group',
			action: 'Remove members from a group',
		},
		{
			name: 'Unmute',
			value: 'unmute',
			description: 'Let muted members send messages again',
			action: 'Unmute members of a group',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the role, name card, message flag or custom fields of a member',
			action: 'Update a member of a group',
		},
	]),
	{ ...groupProperty, displayOptions: { show: { resource: ['member'] } } },
	...add.description,
	...get.description,
	...getAll.description,
	...getMuted.description,
	...getRole.description,
	...mute.description,
	...remove.description,
	...unmute.description,
	...update.description,
];
