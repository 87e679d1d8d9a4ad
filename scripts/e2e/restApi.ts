// Calls to the Tencent Chat REST API (the emulator's) the way another app would make them, signed with a UserSig.
import { randomInt } from 'node:crypto';
import { signUserSig } from '../../emulator';

export interface AppAdmin {
	sdkAppId: number;
	secretKey: string;
	identifier?: string;
}

/** add_subscriber (https://trtc.io/document/60760) for `ids`: each one's Result (1 added, 2 already there, 0 refused). */
export async function addSubscribers(baseUrl: string, app: AppAdmin, officialAccount: string, ids: string[]): Promise<number[]> {
	const identifier = app.identifier ?? 'administrator';
	const usersig = signUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, identifier });
	const query = new URLSearchParams({ sdkappid: String(app.sdkAppId), identifier, usersig, random: String(randomInt(2 ** 32)), contenttype: 'json' });
	const res = await fetch(`${baseUrl}/v4/official_account_open_http_svc/add_subscriber?${query}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ Official_Account: officialAccount, SubscriberList: ids.map((id) => ({ Subscriber_Account: id })) }),
	});
	const answer: any = await res.json();
	return answer.SubscriberList.map((s: any) => s.Result);
}
