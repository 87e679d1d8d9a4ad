// Checks shared by the group member APIs: the group ID, the group types an API refuses, ID lists.

import { ApiError } from '../errors';
import type { AppRecord, Group } from '../records';
import type { State } from '../state';
import { bad, isValidUserId } from './common';

/** The group of `body.GroupId`: 10015 for an ID that is not @TGS#..., 10010 for an unknown one. */
export function findGroup(state: State, app: AppRecord, body: any): Group {
	const id = body.GroupId;
	if (typeof id !== 'string' || !id.startsWith('@TGS#')) throw new ApiError(10015);
	const group = state.findGroup(app.sdkAppId, id);
	if (!group) throw new ApiError(10010);
	return group;
}

/** Private is the old name of Work, ChatRoom of Meeting. */
export function isWork(group: Group): boolean {
	return group.type === 'Work' || group.type === 'Private';
}

/** 10007 for the group types whose page says the API is not supported. */
export function refuseTypes(group: Group, types: string[], command: string): void {
	const refused = types.some((t) => (t === 'Work' ? isWork(group) : group.type === t));
	if (refused) throw new ApiError(10007, `No operation permissions: ${group.type} groups do not support ${command}.`);
}

/** A required array of 1..max user IDs (strings). */
export function userIdArray(value: unknown, name: string, max: number): string[] {
	if (!Array.isArray(value) || value.length === 0 || value.length > max) throw bad(`${name} must hold 1 to ${max} accounts.`);
	if (value.some((id) => typeof id !== 'string')) throw bad(`${name} must hold strings.`);
	return value;
}

export { bad, isValidUserId };
