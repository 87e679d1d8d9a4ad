// group_open_http_svc/add_group_member (https://trtc.io/document/34921): at most 300 members a call;
// per member Result 1 added, 2 already a member, 3 invited (waiting for the user), 0 failed.

import { ApiError, okBody, type Envelope } from '../errors';
import { bad, findGroup, refuseTypes, isValidUserId } from './groups_common';
import type { ApiContext } from './types';

const MAX_MEMBERS = 300;

function addGroupMember({ body, app, state, nowSeconds, identifier, callbacks }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'add_group_member');
	const list = body.MemberList;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_MEMBERS) throw bad(`MemberList must hold 1 to ${MAX_MEMBERS} members.`);
	if (body.Silence != null && body.Silence !== 0 && body.Silence !== 1) throw bad('Silence must be 0 or 1.');
	const members = group.members;
	if (members.count >= group.maxMembers) throw new ApiError(10014, 'The group is full.');
	const MemberList = list.map((item) => {
		const id = item && typeof item === 'object' ? item.Member_Account : undefined;
		if (!isValidUserId(id)) return { Member_Account: typeof id === 'string' ? id : '', Result: 0 };
		if (members.has(id)) return { Member_Account: id, Result: 2 };
		if (members.count >= group.maxMembers) return { Member_Account: id, Result: 0 };
		if (group.inviteNeedsConfirmation) return { Member_Account: id, Result: 3 };
		return { Member_Account: id, Result: members.add(id, nowSeconds) };
	});
	const joined = MemberList.filter((m) => m.Result === 1).map((m) => ({ Member_Account: m.Member_Account }));
	if (joined.length) {
		// https://trtc.io/document/34354 family: Group.CallbackAfterNewMemberJoin; an admin's add reads as an invitation
		callbacks?.emit(app.sdkAppId, 'Group.CallbackAfterNewMemberJoin', {
			GroupId: group.id, Type: group.type, JoinType: 'Invited', Operator_Account: identifier, NewMemberList: joined,
		});
	}
	return okBody({ MemberList });
}

export const service = 'group_open_http_svc';
export const command = 'add_group_member';
export const mutates = true;
export const badJsonCode = 10004;
export { addGroupMember as handler };
