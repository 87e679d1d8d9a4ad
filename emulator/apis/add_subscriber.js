'use strict';
// official_account_open_http_svc/add_subscriber: per-item Result 1 added, 2 already subscribed, 0 failed.

const { ApiError, okBody } = require('../errors');
const { requireOfficialAccountService, findSubscriberAccount, isValidUserId, echoId } = require('./common');

const MAX_ITEMS = 100;

function addSubscriber({ body, app, state, nowSeconds }) {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	const list = body.SubscriberList;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ITEMS) {
		throw new ApiError(6017, `Invalid request parameter: SubscriberList must hold 1 to ${MAX_ITEMS} items.`);
	}
	const subs = account.subscribers;
	if (subs.count >= subs.maxSubscribers) throw new ApiError(130006);
	// Items are applied in order, so a duplicate inside one call reads 1 then 2,
	// and once the account fills up every further new one reads 0.
	const SubscriberList = list.map((item) => {
		const id = item && typeof item === 'object' ? item.Subscriber_Account : undefined;
		if (!isValidUserId(id)) return { Subscriber_Account: echoId(id), Result: 0 };
		return { Subscriber_Account: id, Result: subs.add(id, nowSeconds) };
	});
	return okBody({ SubscriberList });
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'add_subscriber',
	mutates: true,
	badJsonCode: 20001,
	handler: addSubscriber,
};
