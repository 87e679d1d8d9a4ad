/*
 * The rows the editor's output table should show, read from the emulator's
 * demo data set while the test runs (never written down here): its control
 * routes for subscribers and members, and its REST API (signed as Tencent
 * wants) for the message history, https://trtc.io/document/58989.
 */

import crypto from 'node:crypto';

import { datasets, signUserSig } from '../../emulator';

const DEMO = datasets.demo;

/** One call of the emulator's Tencent REST API as the demo app's admin. */
async function tencentCall(emulatorUrl: string, service: string, command: string, body: object): Promise<any> {
	const query = new URLSearchParams({
		sdkappid: String(DEMO.sdkAppId),
		identifier: DEMO.identifier,
		usersig: signUserSig({ sdkAppId: DEMO.sdkAppId, secretKey: DEMO.secretKey, identifier: DEMO.identifier }),
		random: String(crypto.randomInt(1, 2 ** 31)),
		contenttype: 'json',
	});
	const res = await fetch(`${emulatorUrl}/v4/${service}/${command}?${query}`, { method: 'POST', body: JSON.stringify(body) });
	const json: any = await res.json();
	if (json.ActionStatus !== 'OK') throw new Error(`emulator ${command}: ${json.ErrorCode} ${json.ErrorInfo}`);
	return json;
}

/** The first `count` subscriber IDs of the demo official account, in the API's order. */
async function subscriberIds(emu, count: number): Promise<string[]> {
	return (await emu.getSubscribers(DEMO.officialAccountId)).slice(0, count);
}

/** The first `count` member IDs of the demo Public group, in the API's order. */
async function memberIds(emu, count: number): Promise<string[]> {
	return (await emu.getMembers(DEMO.publicGroupId)).slice(0, count);
}

/** The texts of the newest `count` messages of the demo official account, newest first (at most 20: one page). */
async function messageTexts(emu, count: number): Promise<string[]> {
	const page = await tencentCall(emu.url, 'official_account_open_http_svc', 'official_account_msg_get_simple', {
		Official_Account: DEMO.officialAccountId,
		ReqMsgNumber: 20,
		WithRecalledMsg: 0,
	});
	// A page comes oldest first; the node outputs newest first.
	const newestFirst = [...page.RspMsgList].sort((a, b) => b.MsgSeq - a.MsgSeq);
	const texts = newestFirst.map((m) => m.MsgBody.find((e) => e.MsgType === 'TIMTextElem')?.MsgContent?.Text);
	return texts.filter(Boolean).slice(0, count);
}

/** The demo Public group's name, as the group picker lists it. */
function publicGroupName(): string {
	return DEMO.groups.find((g) => g.id === DEMO.publicGroupId)!.name;
}

export { DEMO, subscriberIds, memberIds, messageTexts, publicGroupName };
