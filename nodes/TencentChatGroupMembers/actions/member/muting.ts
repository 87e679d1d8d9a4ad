import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isoTime } from './common';
import { runMemberBatches, type MemberBatch } from './memberBatches';

/** https://trtc.io/document/34951: at most 500 accounts a call; MuteTime in seconds, 0 unmutes. */
const BATCH_SIZE = 500;

/**
 * Mute and Unmute: forbid_send_msg for the IDs of all items per group (and per duration, which may
 * differ between items). mutedUntil is the time Tencent was asked for, counted from the call.
 */
export async function setMute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	mute?: { readSeconds(itemIndex: number): number; describe(seconds: number): string },
): Promise<INodeExecutionData[]> {
	const secondsOf = (batch: MemberBatch) => (mute ? Number(batch.setting) : 0);
	return await runMemberBatches.call(this, items, {
		command: 'forbid_send_msg',
		verb: mute ? 'mute members of' : 'unmute members of',
		doing: mute ? 'Muting' : 'Unmuting',
		batchSize: BATCH_SIZE,
		setting: mute && {
			read: (itemIndex) => String(mute.readSeconds(itemIndex)),
			describe: (value) => mute.describe(Number(value)),
		},
		body: (GroupId, ids, batch) => ({ GroupId, Members_Account: ids, MuteTime: secondsOf(batch) }),
		results: (_answer, ids, batch) => {
			const seconds = secondsOf(batch);
			const mutedUntil = seconds === 0 ? null : isoTime(Math.floor(Date.now() / 1000) + seconds);
			return new Map(ids.map((id) => [id, mutedUntil]));
		},
		toJson: (groupId, memberAccount, mutedUntil?: string | null) => ({
			groupId,
			memberAccount,
			...(mutedUntil !== undefined ? { mutedUntil } : {}),
		}),
	});
}
