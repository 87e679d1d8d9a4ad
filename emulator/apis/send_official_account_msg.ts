// official_account_open_http_svc/send_official_account_msg (https://trtc.io/document/60810):
// one message to every subscriber; about 1 a second and 2 an hour per account; the same content
// again within 5 minutes is dropped silently (the answer is OK and names the earlier message).

import { ApiError, okBody, type Envelope } from '../errors';
import { bad, findMessageAccount, requireOfficialAccountService, isIntIn } from './common';
import { sendLimitsOf, sendLog } from '../accounts';
import type { ApiContext } from './types';

const MAX_BODY_BYTES = 12 * 1024; // Tencent's message size limit
const ELEMENT_TYPES = ['TIMTextElem', 'TIMCustomElem', 'TIMFaceElem', 'TIMLocationElem', 'TIMImageElem', 'TIMSoundElem', 'TIMVideoFileElem', 'TIMFileElem'];
/** Codes for the per-account limits: 10023 is Tencent's "send frequency" code; the hourly one is the emulator's choice. */
export const TOO_FAST = 10023;
export const HOURLY_CAP = 10024;

function checkBody(body: any): void {
	if (!isIntIn(body.Random, 0, 4294967295)) throw bad('Random must be a 32-bit unsigned integer.');
	const elements = body.MsgBody;
	if (!Array.isArray(elements) || elements.length === 0) throw bad('MsgBody must hold at least one element.');
	for (const e of elements) {
		if (!e || !ELEMENT_TYPES.includes(e.MsgType) || !e.MsgContent || typeof e.MsgContent !== 'object') {
			throw bad('each MsgBody element needs a known MsgType and a MsgContent object.');
		}
		if (e.MsgType === 'TIMTextElem' && typeof e.MsgContent.Text !== 'string') throw bad('TIMTextElem needs Text.');
	}
	if (Buffer.byteLength(JSON.stringify(elements)) > MAX_BODY_BYTES) throw bad(`MsgBody is larger than ${MAX_BODY_BYTES} bytes.`);
	if (body.CloudCustomData !== undefined && typeof body.CloudCustomData !== 'string') throw bad('CloudCustomData must be a string.');
	if (body.OnlineOnlyFlag !== undefined && !isIntIn(body.OnlineOnlyFlag, 0, 1)) throw bad('OnlineOnlyFlag must be 0 or 1.');
	if (body.OfflinePushInfo !== undefined && (typeof body.OfflinePushInfo !== 'object' || body.OfflinePushInfo === null)) {
		throw bad('OfflinePushInfo must be an object.');
	}
}

function sendOfficialAccountMsg({ body, app, state, nowSeconds, options, callbacks }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findMessageAccount(state, app, body.Official_Account);
	checkBody(body);
	const limits = sendLimitsOf(account);
	const log = sendLog(account);
	const nowMs = Date.now() + (options.clockOffsetSeconds || 0) * 1000;
	if (nowMs - log.lastAtMs < limits.minIntervalMs) {
		throw new ApiError(TOO_FAST, 'Send frequency limit: an official account may send about one message per second.');
	}
	log.lastAtMs = nowMs;

	log.stored = log.stored.filter((s) => s.time > nowSeconds - 3600);
	const content = JSON.stringify(body.MsgBody);
	const duplicate = log.stored.find((s) => s.content === content && s.time > nowSeconds - limits.duplicateWindowSeconds);
	if (duplicate) return okBody({ MsgTime: duplicate.time, MsgKey: duplicate.key }); // dropped, silently
	if (log.stored.length >= limits.perHour) {
		throw new ApiError(HOURLY_CAP, `Broadcast limit: an official account may send at most ${limits.perHour} messages per hour.`);
	}
	// Whether online-only messages reach the history is not documented: the emulator keeps them.
	const msg = account.messages.append({ body: body.MsgBody, time: nowSeconds, cloudCustomData: body.CloudCustomData });
	log.stored.push({ content, time: nowSeconds, key: msg.MsgKey });
	callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterSendMsg', {
		Official_Account: account.id,
		MsgKey: msg.MsgKey,
		MsgTime: msg.MsgTimeStamp,
		OnlineOnlyFlag: body.OnlineOnlyFlag ?? 0,
		MsgBody: body.MsgBody,
		CloudCustomData: body.CloudCustomData ?? '',
	});
	return okBody({ MsgTime: msg.MsgTimeStamp, MsgKey: msg.MsgKey });
}

export const service = 'official_account_open_http_svc';
export const command = 'send_official_account_msg';
export const mutates = true;
export const badJsonCode = 20001;
export { sendOfficialAccountMsg as handler };
