'use strict';
// official_account_open_http_svc/modify_official_account_base_info (https://trtc.io/document/60757):
// Official_Account (the sample's key) and any of Name, Introduction, FaceUrl, Organization,
// CustomString, MaxSubscriberNum, with the create limits.

const { okBody } = require('../errors');
const { requireOfficialAccountService, findSubscriberAccount } = require('./common');
const { badParam, checkTextFields, profileOf } = require('../accounts');

const FIELDS = ['Name', 'Introduction', 'FaceUrl', 'Organization', 'CustomString', 'MaxSubscriberNum'];

function modifyBaseInfo({ body, app, state, identifier, callbacks }) {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	const given = FIELDS.filter((f) => body[f] !== undefined);
	if (given.length === 0) throw badParam(`give at least one of ${FIELDS.join(', ')}.`);
	checkTextFields(body);
	if (body.Name !== undefined && body.Name.trim() === '') throw badParam('Name must not be empty.');
	const profile = profileOf(account);
	for (const f of given) {
		if (f === 'MaxSubscriberNum') account.subscribers.maxSubscribers = body.MaxSubscriberNum;
		else profile[f] = body[f];
	}
	const changed = Object.fromEntries(given.map((f) => [f, body[f]]));
	callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterOfficialAccountInfoChanged', { Official_Account: account.id, Operator_Account: identifier, ...changed });
	return okBody({});
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'modify_official_account_base_info',
	mutates: true,
	badJsonCode: 20001,
	handler: modifyBaseInfo,
};
