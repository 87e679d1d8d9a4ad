// official_account_open_http_svc/get_subscriber_info: subscribers in order, paged by an opaque Next.

import { ApiError, okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, findSubscriberAccount, isIntIn, cursorTag } from './common';
import type { OfficialAccount } from '../records';
import type { ApiContext } from './types';

const MAX_LIMIT = 200;

// Next = base64("<tag>:<position>"): opaque to clients, never a plain number.
export function encodeNext(account: Pick<OfficialAccount, 'id'>, pos: number): string {
	return Buffer.from(`${cursorTag(account.id).toString(16).padStart(4, '0')}:${pos}`).toString('base64');
}

/** @returns position, or -1 when the cursor is not one this account handed out */
export function decodeNext(account: OfficialAccount, next: string, allowBeyond: boolean): number {
	const text = Buffer.from(next, 'base64').toString('latin1');
	const m = /^([0-9a-f]{4}):(\d{1,15})$/.exec(text);
	if (!m || Buffer.from(text, 'latin1').toString('base64') !== next) return -1;
	if (parseInt(m[1], 16) !== cursorTag(account.id)) return -1;
	const pos = Number(m[2]);
	if (!allowBeyond && pos > account.subscribers.length) return -1;
	return pos;
}

function getSubscriberInfo({ body, app, state }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	let limit = Infinity;
	if (body.Limit != null) {
		if (!isIntIn(body.Limit, 1, MAX_LIMIT)) throw new ApiError(6017, `Invalid request parameter: Limit must be 1 to ${MAX_LIMIT}.`);
		limit = body.Limit;
	}
	if (body.Next != null && typeof body.Next !== 'string') throw new ApiError(6017, 'Invalid request parameter: Next must be a string.');
	const subs = account.subscribers;
	let start = 0;
	if (body.Next) {
		start = decodeNext(account, body.Next, account.hostile === 'emptyPagesForever');
		if (start < 0) throw new ApiError(6017, 'Invalid request parameter: Next is not a valid cursor.');
	}

	if (account.hostile === 'emptyPagesForever') {
		account.hostileCounter++;
		return okBody({ Next: encodeNext(account, subs.length + account.hostileCounter), SubscriberNum: subs.count, SubscriberList: [] });
	}
	const { items, next } = subs.page(start, limit);
	let Next = next < subs.length ? encodeNext(account, next) : '';
	// repeatNext: always the cursor of page 2, so a client that trusts it never ends.
	if (account.hostile === 'repeatNext') Next = encodeNext(account, Math.min(limit === Infinity ? 1 : limit, subs.length));
	return okBody({ Next, SubscriberNum: subs.count, SubscriberList: items });
}

export const service = 'official_account_open_http_svc';
export const command = 'get_subscriber_info';
export const mutates = false;
export const badJsonCode = 20001;
export { getSubscriberInfo as handler };
