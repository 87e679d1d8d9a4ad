// group_open_http_svc/get_role_in_group (https://trtc.io/document/34963): at most 500 accounts;
// Role Owner, Admin, Member or NotMember.

import { okBody, type Envelope } from '../errors';
import { findGroup, refuseTypes, userIdArray } from './groups_common';
import type { ApiContext } from './types';

const MAX_ACCOUNTS = 500;

function getRoleInGroup({ body, app, state }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'get_role_in_group');
	const ids = userIdArray(body.User_Account, 'User_Account', MAX_ACCOUNTS);
	const UserIdList = ids.map((id) => ({ Member_Account: id, Role: group.members.get(id)?.Role ?? 'NotMember' }));
	return okBody({ UserIdList });
}

export const service = 'group_open_http_svc';
export const command = 'get_role_in_group';
export const mutates = false;
export const badJsonCode = 10004;
export { getRoleInGroup as handler };
