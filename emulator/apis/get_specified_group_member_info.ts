'use strict';
// group_open_http_svc/get_specified_group_member_info (https://trtc.io/document/64897): at most 50
// accounts, the filters of get_group_member_info; accounts that are not members are left out.

const { okBody } = require('../errors');
const { ROLES } = require('../members');
const { bad, findGroup, refuseTypes, userIdArray } = require('./groups_common');

const MAX_ACCOUNTS = 50;
const INFO_FIELDS = ['Role', 'JoinTime', 'MsgSeq', 'MsgFlag', 'LastSendMsgTime', 'MuteUntil', 'NameCard'];

function stringArray(v, name) {
	if (v == null) return null;
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(`${name} must be an array of strings.`);
	return v;
}

function getSpecifiedGroupMemberInfo({ body, app, state }) {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'get_specified_group_member_info');
	const ids = userIdArray(body.Member_List_Account, 'Member_List_Account', MAX_ACCOUNTS);
	const infoFilter = stringArray(body.MemberInfoFilter, 'MemberInfoFilter');
	const roleFilter = stringArray(body.MemberRoleFilter, 'MemberRoleFilter');
	if (roleFilter && roleFilter.some((r) => !ROLES.includes(r))) throw bad('MemberRoleFilter holds an unknown role.');
	const customFilter = stringArray(body.AppDefinedDataFilter_GroupMember, 'AppDefinedDataFilter_GroupMember');
	const fields = infoFilter ? INFO_FIELDS.filter((f) => infoFilter.includes(f)) : INFO_FIELDS;
	const customMode = customFilter ? 'some' : infoFilter ? 'none' : 'all';
	const MemberList = [];
	for (const id of ids) {
		const m = group.members.get(id);
		if (!m || (roleFilter && !roleFilter.includes(m.Role))) continue;
		const out = { Member_Account: m.Member_Account };
		for (const f of fields) out[f] = m[f];
		if (customMode !== 'none') {
			const data = customMode === 'all' ? m.AppMemberDefinedData : m.AppMemberDefinedData.filter((d) => customFilter.includes(d.Key));
			if (data.length) out.AppMemberDefinedData = data;
		}
		MemberList.push(out);
	}
	return okBody({ MemberNum: group.members.count, MemberList });
}

module.exports = {
	service: 'group_open_http_svc',
	command: 'get_specified_group_member_info',
	mutates: false,
	badJsonCode: 10004,
	handler: getSpecifiedGroupMemberInfo,
};
