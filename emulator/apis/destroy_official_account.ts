'use strict';
// official_account_open_http_svc/destroy_official_account (https://trtc.io/document/60756):
// the account, its subscribers and its history are gone; a second destroy answers 130004.

const { okBody } = require('../errors');
const { requireOfficialAccountService, findSubscriberAccount } = require('./common');

function destroyOfficialAccount({ body, app, state, identifier, callbacks }) {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	state.removeAccount(app.sdkAppId, account.id);
	callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterOfficialAccountDestroyed', { Official_Account: account.id, Operator_Account: identifier });
	return okBody({});
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'destroy_official_account',
	mutates: true,
	badJsonCode: 20001,
	handler: destroyOfficialAccount,
};
