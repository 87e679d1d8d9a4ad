// official_account_open_http_svc/add_subscriber: per-item Result 1 added, 2 already subscribed, 0 failed.
// Callbacks: OfficialAccount.CallbackBeforeAddSubscriber (https://trtc.io/document/60799) for the new IDs first;
// a reply with ErrorCode 1 refuses them all, RefusedSubscribers_Account only those listed (Result 0). Then
// CallbackAfterAddSubscriber (https://trtc.io/document/60800) with those added, and
// CallbackAfterOfficialAccountFull when this call filled the account.

import { ApiError, okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, findSubscriberAccount, isValidUserId, echoId } from './common';
import type { Callbacks } from '../callbacks';
import type { AppRecord, OfficialAccount } from '../records';
import type { ApiContext } from './types';

const MAX_ITEMS = 100;
const BEFORE = 'OfficialAccount.CallbackBeforeAddSubscriber';
const AFTER = 'OfficialAccount.CallbackAfterAddSubscriber';
const FULL = 'OfficialAccount.CallbackAfterOfficialAccountFull';

const accountList = (ids: string[]) => ids.map((id) => ({ Subscriber_Account: id }));

/** The IDs the Before callback refuses (none when no callback is configured). */
interface BeforeAdd {
	callbacks?: Callbacks;
	app: AppRecord;
	account: OfficialAccount;
	identifier: string;
	ids: string[];
}

async function refusedByCallback({ callbacks, app, account, identifier, ids }: BeforeAdd): Promise<Set<string>> {
	if (!callbacks || ids.length === 0) return new Set();
	const verdict = await callbacks.before(app.sdkAppId, BEFORE, {
		Official_Account: account.id,
		Operator_Account: identifier,
		SubscribeAccountList: accountList(ids),
	});
	if (!verdict.allowed) return new Set(ids);
	return new Set(verdict.refused);
}

async function addSubscriber({ body, app, state, nowSeconds, identifier, callbacks }: ApiContext): Promise<Envelope> {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	const list = body.SubscriberList;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ITEMS) {
		throw new ApiError(6017, `Invalid request parameter: SubscriberList must hold 1 to ${MAX_ITEMS} items.`);
	}
	const subs = account.subscribers;
	if (subs.count >= subs.maxSubscribers) throw new ApiError(130006);
	const ids = list.map((item) => (item && typeof item === 'object' ? item.Subscriber_Account : undefined));
	const fresh = [...new Set(ids.filter((id) => isValidUserId(id) && !subs.has(id)))];
	const refused = await refusedByCallback({ callbacks, app, account, identifier, ids: fresh });
	const wasFull = subs.count >= subs.maxSubscribers;
	// Items are applied in order, so a duplicate inside one call reads 1 then 2,
	// and once the account fills up every further new one reads 0.
	const SubscriberList = ids.map((id) => {
		if (!isValidUserId(id)) return { Subscriber_Account: echoId(id), Result: 0 };
		if (refused.has(id)) return { Subscriber_Account: id, Result: 0 };
		return { Subscriber_Account: id, Result: subs.add(id, nowSeconds) };
	});
	const added = SubscriberList.filter((r) => r.Result === 1).map((r) => r.Subscriber_Account);
	if (callbacks && added.length) {
		const event = { Official_Account: account.id, Operator_Account: identifier };
		callbacks.emit(app.sdkAppId, AFTER, { ...event, SubscribeAccountList: accountList(added) });
		if (!wasFull && subs.count >= subs.maxSubscribers) callbacks.emit(app.sdkAppId, FULL, { Official_Account: account.id });
	}
	return okBody({ SubscriberList });
}

export const service = 'official_account_open_http_svc';
export const command = 'add_subscriber';
export const mutates = true;
export const badJsonCode = 20001;
export { addSubscriber as handler };
