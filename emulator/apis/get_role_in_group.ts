'use strict';
// group_open_http_svc/get_role_in_group (https://trtc.io/document/34963): at most 500 accounts;
// Role Owner, Admin, Member or NotMember.

const { okBody } = require('../errors');
const { findGroup, refuseTypes, userIdArray } = require('./groups_common');

const MAX_ACCOUNTS = 500;

function getRoleInGroup({ body, app, state }) {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'get_role_in_group');
	const ids = userIdArray(body.User_Account, 'User_Account', MAX_ACCOUNTS);
	const UserIdList = ids.map((id) => ({ Member_Account: id, Role: group.members.get(id)?.Role ?? 'NotMember' }));
	return okBody({ UserIdList });
}

module.exports = { service: 'group_open_http_svc', command: 'get_role_in_group', mutates: false, badJsonCode: 10004, handler: getRoleInGroup };
