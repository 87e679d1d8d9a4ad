// official_account_open_http_svc/official_account_msg_get_simple: history, newest first by pages,
// each page in ascending MsgSeq order, continued with LastMsgKey.

import { ApiError, okBody, type Envelope } from '../errors';
import { findMessageAccount, requireOfficialAccountService } from './common';
import type { MessageRecord } from '../records';
import type { ApiContext } from './types';

const PAGE_MAX = 20; // the service returns at most about 20 messages per call
const DEFAULT_REQ = 20;

function msgGetSimple({ body, app, state }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const id = body.Official_Account;
	const account = findMessageAccount(state, app, id);

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
	const page: MessageRecord[] = [];
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

export const service = 'official_account_open_http_svc';
export const command = 'official_account_msg_get_simple';
export const mutates = false;
export const badJsonCode = 20001;
export { msgGetSimple as handler };
