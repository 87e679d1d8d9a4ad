'use strict';
// official_account_open_http_svc/official_account_msg_get_simple: history, newest first by pages,
// each page in ascending MsgSeq order, continued with LastMsgKey.

const { ApiError, okBody } = require('../errors');
const { requireOfficialAccountService } = require('./common');

const PAGE_MAX = 20; // the service returns at most about 20 messages per call
const DEFAULT_REQ = 20;

function msgGetSimple({ body, app, state }) {
	requireOfficialAccountService(app);
	const id = body.Official_Account;
	// This API reports account errors with the group-style codes (https://trtc.io/document/60812).
	if (typeof id !== 'string' || id.trim() === '') throw new ApiError(10015, 'Invalid official account user ID.');
	const account = state.findAccount(app.sdkAppId, id);
	if (!account) throw new ApiError(10010, 'The official account user does not exist, or has been dissolved.');

	const req = body.ReqMsgNumber == null ? DEFAULT_REQ : body.ReqMsgNumber;
	if (!Number.isInteger(req) || req < 1) throw new ApiError(10004, 'Invalid parameter: ReqMsgNumber must be a positive integer.');
	const store = account.messages;
	let upper = store.count + 1; // exclusive: pages hold seqs strictly below it
	if (body.LastMsgKey != null && body.LastMsgKey !== '') {
		const m = typeof body.LastMsgKey === 'string' ? /^(\d{1,15})_(\d{1,10})_(\d{1,15})$/.exec(body.LastMsgKey) : null;
		if (!m) throw new ApiError(10004, 'Invalid parameter: LastMsgKey is not a MsgKey.');
		upper = Math.min(Number(m[1]), upper);
	}
	const withRecalled = body.WithRecalledMsg === 1;

	const limit = Math.min(req, PAGE_MAX);
	const floor = Math.max(1, store.expiredBelowSeq); // lowest seq that has not expired
	const page = [];
	let seq = upper - 1;
	while (seq >= floor && page.length < limit) {
		const msg = store.get(seq);
		if (msg.IsPlaceMsg !== 2 || withRecalled) page.push(msg); // holes always come back
		seq--;
	}
	let IsFinished;
	if (seq >= floor) IsFinished = req > PAGE_MAX ? 0 : 1; // more remain below this page
	else if (seq >= 1) IsFinished = 2; // stopped at the expiry boundary
	else IsFinished = 1; // reached seq 1
	page.reverse();
	return okBody({
		Official_Account: id,
		IsFinished,
		LastMsgKey: page.length ? page[0].MsgKey : '',
		RspMsgList: page,
	});
}

module.exports = {
	service: 'official_account_open_http_svc',
	command: 'official_account_msg_get_simple',
	mutates: false,
	badJsonCode: 20001,
	handler: msgGetSimple,
};
