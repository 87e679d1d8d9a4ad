// group_open_http_svc/get_specified_group_member_info (https://trtc.io/document/64897): at most 50
// accounts, the filters of get_group_member_info; accounts that are not members are left out.

import { okBody, type Envelope } from '../errors';
import { findGroup, refuseTypes, userIdArray } from './groups_common';
import { memberView, readMemberFilters } from './member_view';
import type { ApiContext } from './types';

const MAX_ACCOUNTS = 50;

function getSpecifiedGroupMemberInfo({ body, app, state }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'get_specified_group_member_info');
	const ids = userIdArray(body.Member_List_Account, 'Member_List_Account', MAX_ACCOUNTS);
	const filters = readMemberFilters(body);
	const MemberList: Record<string, unknown>[] = [];
	for (const id of ids) {
		const m = group.members.get(id);
		if (!m || (filters.roles && !filters.roles.includes(m.Role))) continue;
		MemberList.push(memberView(m, filters));
	}
	return okBody({ MemberNum: group.members.count, MemberList });
}

export const service = 'group_open_http_svc';
export const command = 'get_specified_group_member_info';
export const mutates = false;
export const badJsonCode = 10004;
export { getSpecifiedGroupMemberInfo as handler };
