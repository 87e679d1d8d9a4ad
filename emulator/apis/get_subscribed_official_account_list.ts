'use strict';
// official_account_open_http_svc/get_subscribed_official_account_list (https://trtc.io/document/60763):
// the accounts one user follows, paged by Limit (at most 200) and Offset; the reply's CompleteFlag
// (1 when done), TotalCount and Next (the Offset of the next page).

const { okBody } = require('../errors');
const { requireOfficialAccountService, isValidUserId, isIntIn } = require('./common');
const { INFO_FIELDS, badParam, accountInfo } = require('../accounts');

const MAX_LIMIT = 200;
const SELF_FIELDS = ['SubscribeTime', 'CustomString'];

function readFilter(filter, name, allowed) {
	if (filter === undefined) return allowed;
	if (!Array.isArray(filter) || filter.some((f) => !allowed.includes(f))) throw badParam(`${name} may hold only ${allowed.join(', ')}.`);
	return filter;
}

function getSubscribedList({ body, app, state }) {
	requireOfficialAccountService(app);
	const user = body.Subscriber_Account;
	if (!isValidUserId(user)) throw badParam('Subscriber_Account must be a user ID.');
	const limit = body.Limit ?? MAX_LIMIT;
	if (!isIntIn(limit, 1, MAX_LIMIT)) throw badParam(`Limit must be 1 to ${MAX_LIMIT}.`);
	const offset = body.Offset ?? 0;
	if (!Number.isInteger(offset) || offset < 0) throw badParam('Offset must be a non-negative integer.');
	const baseFields = readFilter(body.ResponseFilter?.OfficialAccountBaseInfoFilter, 'OfficialAccountBaseInfoFilter', INFO_FIELDS);
	const selfFields = readFilter(body.ResponseFilter?.SelfInfoFilter, 'SelfInfoFilter', SELF_FIELDS);

	const followed = state.accountsOf(app.sdkAppId).filter((account) => account.subscribers.has(user));
	const page = followed.slice(offset, offset + limit).map((account) => {
		const self = account.subscribers.recordOf(user);
		const SelfInfo = {};
		for (const f of selfFields) SelfInfo[f] = self[f];
		return { ...accountInfo(account, baseFields), SelfInfo };
	});
	const end = offset + page.length;
	return okBody({
		OfficialAccountInfoList: page,
		TotalCount: followed.length,
		CompleteFlag: end >= followed.length ? 1 : 0,
		Next: end >= followed.length ? 0 : end,
	});
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'get_subscribed_official_account_list',
	mutates: false,
	badJsonCode: 20001,
	handler: getSubscribedList,
};
