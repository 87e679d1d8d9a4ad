// group_open_http_svc/forbid_send_msg (https://trtc.io/document/34951): Members_Account (at most 500),
// MuteTime in seconds (0 unmutes; older pages call it ShutUpTime). Work (Private) groups cannot mute;
// AVChatRoom groups can (any user: they keep no member list).

import { ApiError, okBody, type Envelope } from '../errors';
import { bad, findGroup, isWork, userIdArray } from './groups_common';
import type { ApiContext } from './types';

const MAX_ACCOUNTS = 500;
const MAX_MUTE_SECONDS = 4294967295;

function forbidSendMsg({ body, app, state, nowSeconds }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	if (isWork(group)) throw new ApiError(10007, `No operation permissions: ${group.type} groups cannot mute members.`);
	const ids = userIdArray(body.Members_Account, 'Members_Account', MAX_ACCOUNTS);
	const seconds = body.MuteTime ?? body.ShutUpTime;
	if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_MUTE_SECONDS) throw bad(`MuteTime must be 0 to ${MAX_MUTE_SECONDS} seconds.`);
	const until = seconds === 0 ? 0 : nowSeconds + seconds;
	for (const id of new Set(ids)) {
		if (group.type === 'AVChatRoom') {
			if (until) group.mutes.set(id, until);
			else group.mutes.delete(id);
		} else if (group.members.has(id)) {
			group.members.update(id, { MuteUntil: until });
		}
	}
	return okBody({});
}

export const service = 'group_open_http_svc';
export const command = 'forbid_send_msg';
export const mutates = true;
export const badJsonCode = 10004;
export { forbidSendMsg as handler };
