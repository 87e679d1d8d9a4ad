'use strict';
// official_account_open_http_svc/get_official_account_info (https://trtc.io/document/60758):
// at most 50 accounts a call, a field filter, one entry per account with its own ErrorCode.

const { ApiError, okBody } = require('../errors');
const { requireOfficialAccountService } = require('./common');
const { INFO_FIELDS, badParam, accountInfo } = require('../accounts');

const MAX_ACCOUNTS = 50;

function readFilter(body) {
	const filter = body.ResponseFilter?.OfficialAccountBaseInfoFilter;
	if (filter === undefined) return INFO_FIELDS;
	if (!Array.isArray(filter) || filter.some((f) => !INFO_FIELDS.includes(f))) {
		throw badParam(`OfficialAccountBaseInfoFilter may hold only ${INFO_FIELDS.join(', ')}.`);
	}
	return filter;
}

function entryFor(state, app, item, fields) {
	const id = item && typeof item === 'object' ? item.Official_Account : undefined;
	const fail = (code, info) => ({ Official_Account: typeof id === 'string' ? id : '', ErrorCode: code, ErrorInfo: info });
	if (typeof id !== 'string' || id.trim() === '') return fail(130007, 'Incorrect official account user ID.');
	const account = state.findAccount(app.sdkAppId, id);
	if (!account) return fail(130004, 'The official account user does not exist.');
	return { ...accountInfo(account, fields), ErrorCode: 0, ErrorInfo: '' };
}

function getOfficialAccountInfo({ body, app, state }) {
	requireOfficialAccountService(app);
	const list = body.OfficialAccountIdList;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ACCOUNTS) {
		throw new ApiError(6017, `Invalid request parameter: OfficialAccountIdList must hold 1 to ${MAX_ACCOUNTS} accounts.`);
	}
	const fields = readFilter(body);
	return okBody({ OfficialAccountInfoList: list.map((item) => entryFor(state, app, item, fields)) });
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'get_official_account_info',
	mutates: false,
	badJsonCode: 20001,
	handler: getOfficialAccountInfo,
};
