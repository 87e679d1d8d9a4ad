// Official account profiles (create / get info / modify), the byte limits of their fields,
// and the per-account send limits of send_official_account_msg.

import { ApiError } from './errors';
import { seedFromString } from './datasets';
import type { AccountProfile, OfficialAccount, SendLimits, SendLog } from './records';
import type { State } from './state';

export const ID_PREFIX = '@TOA#_';
export const DEFAULT_MAX_SUBSCRIBERS = 100000;
const SEEDED_CREATE_TIME = 1698600000; // before the generated subscribers and messages

/** UTF-8 byte limits of the writable fields (https://trtc.io/document/60813). */
export const BYTE_LIMITS: Record<string, number> = { Name: 150, Introduction: 400, FaceUrl: 500, Organization: 500, CustomString: 3000 };
const TEXT_FIELDS = Object.keys(BYTE_LIMITS);
/** The text fields a new account may leave out (they read as ''). */
export const OPTIONAL_TEXT_FIELDS = ['Introduction', 'FaceUrl', 'Organization', 'CustomString'] as const;
/** What get_official_account_info's OfficialAccountBaseInfoFilter offers (https://trtc.io/document/60758). */
export const INFO_FIELDS = ['CreateTime', 'Name', 'Owner_Account', 'LastMsgTime', 'SubscriberNum', 'Introduction', 'FaceUrl', 'Organization', 'CustomString'];

/** About 1 message a second and 2 broadcasts an hour per account (https://trtc.io/document/60810). */
export const DEFAULT_SEND_LIMITS: SendLimits = { minIntervalMs: 1000, perHour: 2, duplicateWindowSeconds: 300 };

export function badParam(info: string): ApiError {
	return new ApiError(6017, `Invalid request parameter: ${info}`);
}

/** Checks the optional text fields of a create or modify body; `required` names those that must be there. */
/** A response filter: the fields it names, all of `allowed` when it is absent. */
export function readFieldFilter(filter: unknown, name: string, allowed: string[]): string[] {
	if (filter === undefined) return allowed;
	if (!Array.isArray(filter) || filter.some((f) => !allowed.includes(f))) throw badParam(`${name} may hold only ${allowed.join(', ')}.`);
	return filter;
}

export function checkTextFields(body: any, required: string[] = []): void {
	for (const field of TEXT_FIELDS) {
		const value = body[field];
		if (value === undefined) {
			if (required.includes(field)) throw badParam(`${field} is required.`);
			continue;
		}
		if (typeof value !== 'string') throw badParam(`${field} must be a string.`);
		if (required.includes(field) && value.trim() === '') throw badParam(`${field} must not be empty.`);
		const bytes = Buffer.byteLength(value, 'utf8');
		if (bytes > BYTE_LIMITS[field]) throw badParam(`${field} is ${bytes} bytes; at most ${BYTE_LIMITS[field]} bytes are allowed.`);
	}
	if (body.MaxSubscriberNum !== undefined && !(Number.isInteger(body.MaxSubscriberNum) && body.MaxSubscriberNum >= 1)) {
		throw badParam('MaxSubscriberNum must be a positive integer.');
	}
}

/** The profile of an account, made up for accounts that were seeded rather than created. */
export function profileOf(account: OfficialAccount): AccountProfile {
	if (!account.profile) account.profile = {};
	const p = account.profile;
	p.Name ??= account.id.startsWith(ID_PREFIX) ? account.id.slice(ID_PREFIX.length) : account.id;
	p.Owner_Account ??= 'administrator';
	p.CreateTime ??= SEEDED_CREATE_TIME;
	for (const field of OPTIONAL_TEXT_FIELDS) p[field] ??= '';
	return p;
}

/** One account as get_official_account_info and get_subscribed_official_account_list return it. */
export function accountInfo(account: OfficialAccount, fields: string[] = INFO_FIELDS): Record<string, unknown> {
	const p = profileOf(account);
	const newest = account.messages.count > 0 ? account.messages.get(account.messages.count) : null;
	const all: Record<string, unknown> = {
		...p,
		LastMsgTime: newest ? newest.MsgTimeStamp : 0,
		SubscriberNum: account.subscribers.count,
	};
	const out: Record<string, unknown> = { Official_Account: account.id };
	for (const f of INFO_FIELDS) if (fields.includes(f)) out[f] = all[f];
	return out;
}

/** A generated ID like Tencent's "@TOA#_2C5SZEAEF": unique within the app. */
export function newAccountId(state: State, appId: number): string {
	for (let n = state.accounts.size; ; n++) {
		const id = ID_PREFIX + (seedFromString(`${appId}/${n}`) >>> 0).toString(36).toUpperCase().padStart(7, '0');
		if (!state.findAccount(appId, id)) return id;
	}
}

export function sendLimitsOf(account: OfficialAccount): SendLimits {
	return { ...DEFAULT_SEND_LIMITS, ...(account.sendLimits || {}) };
}

/** Send bookkeeping per account: the last call, stored messages of the last hour, recent contents. */
export function sendLog(account: OfficialAccount): SendLog {
	if (!account.sendLog) account.sendLog = { lastAtMs: -Infinity, stored: [] };
	return account.sendLog;
}
