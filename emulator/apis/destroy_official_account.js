'use strict';
// official_account_open_http_svc/destroy_official_account (https://trtc.io/document/60756):
// the account, its subscribers and its history are gone; a second destroy answers 130004.

const { okBody } = require('../errors');
const { requireOfficialAccountService, findSubscriberAccount } = require('./common');

function destroyOfficialAccount({ body, app, state }) {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	state.removeAccount(app.sdkAppId, account.id);
	return okBody({});
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'destroy_official_account',
	mutates: true,
	badJsonCode: 20001,
	handler: destroyOfficialAccount,
};
