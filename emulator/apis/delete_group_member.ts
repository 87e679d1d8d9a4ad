// group_open_http_svc/delete_group_member (https://trtc.io/document/34949): at most 100 a call.
// Success even for IDs that are not members; the owner cannot be removed.

import { ApiError, okBody, type Envelope } from '../errors';
import { bad, findGroup, refuseTypes, userIdArray } from './groups_common';
import type { ApiContext } from './types';

const MAX_MEMBERS = 100;

function deleteGroupMember({ body, app, state, identifier, callbacks }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'delete_group_member');
	const ids = userIdArray(body.MemberToDel_Account, 'MemberToDel_Account', MAX_MEMBERS);
	if (body.Silence != null && body.Silence !== 0 && body.Silence !== 1) throw bad('Silence must be 0 or 1.');
	if (body.Reason != null && (typeof body.Reason !== 'string' || Buffer.byteLength(body.Reason) > 255)) throw bad('Reason must be a string of at most 255 bytes.');
	if (ids.some((id) => group.members.get(id)?.Role === 'Owner')) throw new ApiError(10004, 'Invalid parameter: the group owner cannot be removed.');
	const left = [...new Set(ids)].filter((id) => group.members.has(id)).map((id) => ({ Member_Account: id }));
	group.members.removeMany(ids);
	if (left.length) {
		callbacks?.emit(app.sdkAppId, 'Group.CallbackAfterMemberExit', {
			GroupId: group.id, Type: group.type, ExitType: 'Kicked', Operator_Account: identifier, ExitMemberList: left,
		});
	}
	return okBody({});
}

export const service = 'group_open_http_svc';
export const command = 'delete_group_member';
export const mutates = true;
export const badJsonCode = 10004;
export { deleteGroupMember as handler };
