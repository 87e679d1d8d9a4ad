import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import { apiError } from '../../../shared/errors';
import { apiRequest, type ApiCall, type TencentAnswer } from '../../../shared/transport';

/** Tencent allows about one message a second per official account (https://trtc.io/document/60810). */
export const SEND_INTERVAL_MS = 1000;
/** The codes for the per-account limits: 10023 send frequency, 10024 broadcasts per hour. */
const TOO_FAST = 10023;
const HOURLY_CAP = 10024;
/** A refused send did not go out, so it may be sent again after the pause. */
const RETRIES_WHEN_TOO_FAST = 2;

/** Paces sends per official account: the next one starts a second after the previous answer. */
export class AccountPacer {
	private readonly lastAnswerAt = new Map<string, number>();

	async waitFor(officialAccount: string): Promise<void> {
		const last = this.lastAnswerAt.get(officialAccount);
		const wait = last === undefined ? 0 : last + SEND_INTERVAL_MS - Date.now();
		if (wait > 0) await sleep(wait);
	}

	answered(officialAccount: string): void {
		this.lastAnswerAt.set(officialAccount, Date.now());
	}
}

function limitError(this: IExecuteFunctions, code: number, officialAccount: string, itemIndex: number) {
	if (code === HOURLY_CAP) {
		return apiError(this.getNode(), `Could not send to official account "${officialAccount}": Tencent's limit of broadcasts per hour for one official account was reached [Tencent error ${code}]`, {
			itemIndex,
			description: 'Tencent allows about 2 broadcasts an hour per official account. The message was not sent; try again in an hour, or send fewer broadcasts.',
		});
	}
	return apiError(this.getNode(), `Could not send to official account "${officialAccount}": Tencent's limit of one message per second for one official account was hit [Tencent error ${code}]`, {
		itemIndex,
		description: 'The message was not sent. Another workflow or system may be sending as this account; try again in a few seconds.',
	});
}

/** Sends one message, paced per account; a limit Tencent reports becomes a message that says which and when to retry. */
export async function sendPaced(this: IExecuteFunctions, pacer: AccountPacer, call: ApiCall, officialAccount: string): Promise<TencentAnswer> {
	const itemIndex = call.itemIndex ?? 0;
	for (let attempt = 0; ; attempt++) {
		await pacer.waitFor(officialAccount);
		try {
			const answer = await apiRequest.call(this, { ...call, passCodes: [TOO_FAST, HOURLY_CAP] });
			const code = Number(answer.ErrorCode ?? 0);
			if (code === 0) return answer;
			if (code === HOURLY_CAP || attempt >= RETRIES_WHEN_TOO_FAST) throw limitError.call(this, code, officialAccount, itemIndex);
		} finally {
			pacer.answered(officialAccount);
		}
	}
}
