// group_open_http_svc/get_group_info (https://trtc.io/document/34961): at most 50 groups a call;
// one GroupInfo entry per ID, with its own ErrorCode (10010 for an unknown group).
// ResponseFilter.GroupBaseInfoFilter narrows the fields.

import { okBody, INFO, type Envelope } from '../errors';
import { bad } from './groups_common';
import type { Group } from '../records';
import type { ApiContext } from './types';

const MAX_GROUPS = 50;

function baseInfo(group: Group): Record<string, unknown> {
	const owner = group.members.count ? group.members.at(0) : null;
	return {
		Type: group.type,
		Name: group.name,
		Introduction: '',
		Notification: '',
		FaceUrl: '',
		Owner_Account: owner && owner.Role === 'Owner' ? owner.Member_Account : '',
		CreateTime: group.createTime,
		MemberNum: group.members.count,
		MaxMemberNum: group.maxMembers,
		ApplyJoinOption: group.inviteNeedsConfirmation ? 'NeedPermission' : 'FreeAccess',
	};
}

function getGroupInfo({ body, app, state }: ApiContext): Envelope {
	const ids = body.GroupIdList;
	if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_GROUPS || ids.some((id) => typeof id !== 'string')) {
		throw bad(`GroupIdList must hold 1 to ${MAX_GROUPS} group IDs.`);
	}
	const filter = body.ResponseFilter?.GroupBaseInfoFilter;
	if (filter != null && (!Array.isArray(filter) || filter.some((f) => typeof f !== 'string'))) throw bad('GroupBaseInfoFilter must be an array of strings.');
	const GroupInfo = ids.map((GroupId) => {
		const group = GroupId.startsWith('@TGS#') ? state.findGroup(app.sdkAppId, GroupId) : undefined;
		if (!group) return { GroupId, ErrorCode: 10010, ErrorInfo: INFO[10010] };
		const info = baseInfo(group);
		const fields = filter ? Object.keys(info).filter((k) => filter.includes(k)) : Object.keys(info);
		return { GroupId, ErrorCode: 0, ErrorInfo: '', ...Object.fromEntries(fields.map((k) => [k, info[k]])) };
	});
	return okBody({ GroupInfo });
}

export const service = 'group_open_http_svc';
export const command = 'get_group_info';
export const mutates = false;
export const badJsonCode = 10004;
export { getGroupInfo as handler };
