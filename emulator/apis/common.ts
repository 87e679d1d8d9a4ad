// Checks shared by the official account and group APIs.

import { ApiError } from '../errors';
import { seedFromString } from '../datasets';
import type { AppRecord, OfficialAccount } from '../records';
import type { State } from '../state';

export function requireOfficialAccountService(app: AppRecord): void {
	if (!app.officialAccountService) throw new ApiError(131000);
}

/** 10004, Tencent's "invalid parameter", for the group and message APIs. */
export function bad(info: string): ApiError {
	return new ApiError(10004, `Invalid parameter: ${info}`);
}

/** The subscriber APIs: missing -> 6017, empty -> 130007, unknown -> 130004. */
export function findSubscriberAccount(state: State, app: AppRecord, id: unknown): OfficialAccount {
	if (typeof id !== 'string') throw new ApiError(6017, 'Invalid request parameter: Official_Account is required.');
	if (id.trim() === '') throw new ApiError(130007);
	const account = state.findAccount(app.sdkAppId, id);
	if (!account) throw new ApiError(130004);
	return account;
}

/** The message APIs find the account with the group-style codes (https://trtc.io/document/60812). */
export function findMessageAccount(state: State, app: AppRecord, id: unknown): OfficialAccount {
	if (typeof id !== 'string' || id.trim() === '') throw new ApiError(10015, 'Invalid official account user ID.');
	const account = state.findAccount(app.sdkAppId, id);
	if (!account) throw new ApiError(10010, 'The official account user does not exist, or has been dissolved.');
	return account;
}

/** A UserID the service would accept: 1..32 bytes of printable characters. */
export function isValidUserId(id: unknown): id is string {
	// eslint-disable-next-line no-control-regex -- control characters are what the check refuses
	return typeof id === 'string' && id.length > 0 && Buffer.byteLength(id) <= 32 && !/[\u0000-\u001f\u007f]/.test(id);
}

/** How a rejected item is echoed back: as given when it is a string or number. */
export function echoId(id: unknown): string {
	return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

export function isIntIn(v: unknown, min: number, max: number): v is number {
	return Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
}

/** Per-object tag inside cursors, so a cursor from another account or group is refused. */
export function cursorTag(id: string): number {
	return seedFromString(id) & 0xffff;
}
