// group_open_http_svc/get_group_muted_account (https://trtc.io/document/34964): the members muted now,
// as ShuttedUinList [{Member_Account, ShuttedUntil}] (the field names of the page's sample).

import { okBody, type Envelope } from '../errors';
import { findGroup } from './groups_common';
import type { ApiContext } from './types';

function getGroupMutedAccount({ body, app, state, nowSeconds }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	const list: { Member_Account: string; ShuttedUntil: number }[] = [];
	if (group.type === 'AVChatRoom') {
		for (const [id, until] of group.mutes) if (until > nowSeconds) list.push({ Member_Account: id, ShuttedUntil: until });
	} else {
		for (let i = 0, n = group.members.count; i < n; i++) {
			const m = group.members.at(i);
			if (m.MuteUntil > nowSeconds) list.push({ Member_Account: m.Member_Account, ShuttedUntil: m.MuteUntil });
		}
	}
	return okBody({ GroupId: group.id, ShuttedUinList: list });
}

export const service = 'group_open_http_svc';
export const command = 'get_group_muted_account';
export const mutates = false;
export const badJsonCode = 10004;
export { getGroupMutedAccount as handler };
