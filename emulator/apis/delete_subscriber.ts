// official_account_open_http_svc/delete_subscriber: per-item Result 1 removed, 2 not subscribed, 0 failed.
// Callback: OfficialAccount.CallbackAfterDeleteSubscriber with the removed IDs (https://trtc.io/document/60802).

import { ApiError, okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, findSubscriberAccount, isValidUserId, echoId } from './common';
import type { ApiContext } from './types';

const MAX_ITEMS = 100; // https://trtc.io/document/60761 gives no maximum; 100 as add_subscriber (https://trtc.io/document/60760)
const AFTER = 'OfficialAccount.CallbackAfterDeleteSubscriber';

function deleteSubscriber({ body, app, state, identifier, callbacks }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	const list = body.SubscriberToDel_Account;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ITEMS) {
		throw new ApiError(6017, `Invalid request parameter: SubscriberToDel_Account must hold 1 to ${MAX_ITEMS} user IDs.`);
	}
	const SubscriberList = list.map((id) => {
		if (!isValidUserId(id)) return { Subscriber_Account: echoId(id), Result: 0 };
		return { Subscriber_Account: id, Result: account.subscribers.remove(id) };
	});
	const removed = SubscriberList.filter((r) => r.Result === 1).map((r) => ({ Subscriber_Account: r.Subscriber_Account }));
	if (callbacks && removed.length) {
		callbacks.emit(app.sdkAppId, AFTER, { Official_Account: account.id, Operator_Account: identifier, SubscribeAccountList: removed });
	}
	return okBody({ SubscriberList });
}

export const service = 'official_account_open_http_svc';
export const command = 'delete_subscriber';
export const mutates = true;
export const badJsonCode = 20001;
export { deleteSubscriber as handler };
