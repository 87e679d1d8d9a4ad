// official_account_open_http_svc/official_account_msg_recall (https://trtc.io/document/60811):
// at most 10 MsgKeys a call, Reason at most 100 bytes; RetCode per key, 0 when recalled.
// A recalled message reads as IsPlaceMsg 2 in official_account_msg_get_simple.

import { okBody, type Envelope } from '../errors';
import { bad, findMessageAccount, requireOfficialAccountService } from './common';
import type { MessageStore } from '../messages';
import type { ApiContext } from './types';

const MAX_KEYS = 10;
const MAX_REASON_BYTES = 100;
/** 10030 is the failure the page's sample shows; 10031 (already recalled) is the emulator's choice. */
export const NOT_FOUND = 10030;
export const ALREADY_RECALLED = 10031;

function recallOne(store: MessageStore, key: unknown): number {
	const m = typeof key === 'string' ? /^(\d{1,15})_1_(\d{1,10})$/.exec(key) : null;
	const seq = m ? Number(m[1]) : 0;
	if (!m || seq < Math.max(1, store.expiredBelowSeq) || seq > store.count) return NOT_FOUND;
	const msg = store.get(seq);
	if (msg.MsgKey !== key || msg.IsPlaceMsg === 1) return NOT_FOUND;
	if (msg.IsPlaceMsg === 2) return ALREADY_RECALLED;
	store.recall(seq);
	return 0;
}

function msgRecall({ body, app, state, identifier, callbacks }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findMessageAccount(state, app, body.Official_Account);
	const keys = body.MsgKeyList;
	if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS) throw bad(`MsgKeyList must hold 1 to ${MAX_KEYS} MsgKeys.`);
	if (body.Reason !== undefined) {
		if (typeof body.Reason !== 'string') throw bad('Reason must be a string.');
		if (Buffer.byteLength(body.Reason) > MAX_REASON_BYTES) throw bad(`Reason is longer than ${MAX_REASON_BYTES} bytes.`);
	}
	const RecallRetList = keys.map((key) => ({ MsgKey: typeof key === 'string' ? key : '', RetCode: recallOne(account.messages, key) }));
	for (const r of RecallRetList.filter((x) => x.RetCode === 0)) {
		callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterMsgWithDraw', { Official_Account: account.id, Operator_Account: identifier, MsgKey: r.MsgKey });
	}
	return okBody({ RecallRetList });
}

export const service = 'official_account_open_http_svc';
export const command = 'official_account_msg_recall';
export const mutates = true;
export const badJsonCode = 20001;
export { msgRecall as handler };
