import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { apiError, usageError } from '../../../shared/errors';
import { idListProperty, idSourceProperties, itemIdReader } from '../../../shared/idList';
import { apiRequest, type TencentAnswer } from '../../../shared/transport';
import { tencentSaid } from '../../../shared/transport/describe';

export const SERVICE = 'group_open_http_svc';

/** "No operation permissions": what Tencent answers for a group type that does not support the API. */
export const NO_PERMISSION = 10007;

/** The Group picker: a searchable list of the app's groups, or an ID. A plain string (saved before the picker) still works. */
export const groupProperty: INodeProperties = {
	displayName: 'Group',
	name: 'groupId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The group whose members to work with. Community group IDs start with @TGS#_.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a group...',
			typeOptions: { searchListMethod: 'searchGroups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. @TGS#2J4SZEAEL',
		},
	],
};

/** Reads the group of one item, from the picker or from a plain string. */
export function readGroupId(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('groupId', itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!value) {
		throw usageError(this.getNode(), `Group ID is empty in item ${itemIndex}`, {
			itemIndex,
			description:
				'Pick a group from the list, or enter its ID (e.g. @TGS#2J4SZEAEL), or check that the expression for it returns a value for this item.',
		});
	}
	return value;
}

/** Whether a saved parameter value holds an expression (a string, or the value of a picker). */
function holdsExpression(raw: unknown): boolean {
	const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
	return typeof value !== 'string' || value.startsWith('=');
}

/**
 * Returns a reader of each item's group. A group without an expression is the same for every item,
 * so it is read once: 30,000 items then cost one parameter read, not 30,000.
 */
export function groupIdReader(this: IExecuteFunctions): (itemIndex: number) => string {
	const perItem = (itemIndex: number) => readGroupId.call(this, itemIndex);
	if (holdsExpression(this.getNode().parameters.groupId)) return perItem;
	let fixed: string | undefined;
	try {
		fixed = readGroupId.call(this, 0);
	} catch {
		return perItem; // an empty group: every item gets its own error
	}
	return () => fixed!;
}

/** Member Accounts with ID Source, as in the Official Account node's Add. */
export function memberAccountsProperties(action: string): INodeProperties[] {
	return idSourceProperties(idListProperty('Member Accounts', 'memberAccounts', action));
}

export function memberAccountsReader(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): (itemIndex: number) => string[] {
	return itemIdReader.call(this, items, { name: 'memberAccounts', label: 'Member Accounts' });
}

/** The group types whose refusal of an API gets its own message: how to name them, and what to do instead. */
const TYPE_NAMES: Record<string, string> = {
	AVChatRoom: 'an AVChatRoom (live streaming) group',
	Work: 'a Work (Private) group',
	Private: 'a Private (Work) group',
};
const TYPE_ADVICE: Record<string, string> = {
	AVChatRoom:
		'AVChatRoom (live streaming) groups keep no member list: users join by entering the room in the app. Use a Public, Work, Meeting or Community group to manage members, or only mute users of this group.',
	Work: 'Work (Private) groups have no admins and cannot mute members. Use a Public, Meeting or Community group for that, or remove the member instead.',
	Private:
		'Work (Private) groups have no admins and cannot mute members. Use a Public, Meeting or Community group for that, or remove the member instead.',
};

/** The group's Type from get_group_info, or undefined when Tencent does not say. */
export async function groupType(this: IExecuteFunctions, groupId: string): Promise<string | undefined> {
	try {
		const answer = await apiRequest.call(this, {
			service: SERVICE,
			command: 'get_group_info',
			repeatable: true,
			body: { GroupIdList: [groupId], ResponseFilter: { GroupBaseInfoFilter: ['Type'] } },
			purpose: `get the type of group "${groupId}"`,
		});
		const info = Array.isArray(answer.GroupInfo)
			? (answer.GroupInfo[0] as IDataObject | undefined)
			: undefined;
		return typeof info?.Type === 'string' ? info.Type : undefined;
	} catch {
		return undefined; // the refusal itself is the error to report
	}
}

/**
 * Sends a call whose refusal (10007) depends on the group type: the error then names the type and
 * says what to do. `purpose` is e.g. 'add members to group "@TGS#x" (batch 1 of 1, 3 IDs)'.
 */
export async function groupRequest(
	this: IExecuteFunctions,
	call: {
		command: string;
		body: IDataObject;
		purpose: string;
		groupId: string;
		itemIndex?: number;
		callsPerSecond?: number;
	},
): Promise<TencentAnswer> {
	const answer = await apiRequest.call(this, {
		service: SERVICE,
		command: call.command,
		body: call.body,
		purpose: call.purpose,
		itemIndex: call.itemIndex,
		callsPerSecond: call.callsPerSecond,
		// Every member call sets an end state or reads: a repeat answers "already" or the same.
		repeatable: true,
		passCodes: [NO_PERMISSION],
	});
	if (answer.ErrorCode !== NO_PERMISSION) return answer;
	const type = await groupType.call(this, call.groupId);
	const advice = type ? TYPE_ADVICE[type] : undefined;
	const said = String(answer.ErrorInfo ?? '').trim() ? ` ${tencentSaid(String(answer.ErrorInfo))}` : '';
	if (advice) {
		throw apiError(
			this.getNode(),
			`Could not ${call.purpose}: group "${call.groupId}" is ${TYPE_NAMES[type!]}, which does not allow this [Tencent error ${NO_PERMISSION}]`,
			{
				itemIndex: call.itemIndex,
				description: `${advice}${said}`,
				details: {
					service: SERVICE,
					command: call.command,
					tencentCode: NO_PERMISSION,
					groupType: type ?? null,
				},
			},
		);
	}
	throw apiError(
		this.getNode(),
		`Could not ${call.purpose}: the admin has no permission for this group [Tencent error ${NO_PERMISSION}]`,
		{
			itemIndex: call.itemIndex,
			description: `Check that the Identifier of the credential is an app admin.${said}`,
			details: {
				service: SERVICE,
				command: call.command,
				tencentCode: NO_PERMISSION,
				groupType: type ?? null,
			},
		},
	);
}

export { isoTime } from '../../../shared/simplify';
