'use strict';
// group_open_http_svc/get_group_member_info: Offset paging for most group types,
// Next cursors for Community groups, field/role/custom filters, 1 MB response cap.

const { ApiError } = require('../errors');
const { ROLES } = require('../members');
const { cursorTag } = require('./common');

const MAX_RESPONSE_BYTES = 1048576;
const MAX_LIMIT = 6000;
const MAX_LIMIT_COMMUNITY = 100;
const INFO_FIELDS = ['Role', 'JoinTime', 'MsgSeq', 'MsgFlag', 'LastSendMsgTime', 'MuteUntil', 'NameCard'];

// Community Next: a big decimal like the sample's "144115265295492787" (https://trtc.io/document/34948):
// 2^57 + tag * 2^32 + position.
const CURSOR_BASE = 1n << 57n;

function encodeNext(group, pos) {
	return (CURSOR_BASE + (BigInt(cursorTag(group.id)) << 32n) + BigInt(pos)).toString();
}

function decodeNext(group, next, total, allowBeyond) {
	if (typeof next !== 'string' || !/^\d{1,20}$/.test(next)) return -1;
	const v = BigInt(next) - CURSOR_BASE;
	if (v < 0n || v >> 32n !== BigInt(cursorTag(group.id))) return -1;
	const pos = Number(v & 0xffffffffn);
	if (!allowBeyond && pos > total) return -1;
	return pos;
}

function bad(info) {
	return new ApiError(10004, `Invalid parameter: ${info}`);
}

function stringArray(v, name) {
	if (v == null) return null;
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(`${name} must be an array of strings.`);
	return v;
}

function getGroupMemberInfo({ body, app, state }) {
	const id = body.GroupId;
	if (typeof id !== 'string' || !id.startsWith('@TGS#')) throw new ApiError(10015);
	const group = state.findGroup(app.sdkAppId, id);
	if (!group) throw new ApiError(10010);
	if (group.type === 'AVChatRoom') throw new ApiError(10007, 'No operation permissions: AVChatRoom groups do not support this API.');
	const community = group.type === 'Community';

	const infoFilter = stringArray(body.MemberInfoFilter, 'MemberInfoFilter');
	const roleFilter = stringArray(body.MemberRoleFilter, 'MemberRoleFilter');
	if (roleFilter && roleFilter.some((r) => !ROLES.includes(r))) throw bad('MemberRoleFilter holds an unknown role.');
	const customFilter = stringArray(body.AppDefinedDataFilter_GroupMember, 'AppDefinedDataFilter_GroupMember');

	const maxLimit = community ? MAX_LIMIT_COMMUNITY : MAX_LIMIT;
	let limit = Infinity;
	if (body.Limit != null) {
		if (!Number.isInteger(body.Limit) || body.Limit < 1 || body.Limit > maxLimit) throw bad(`Limit must be 1 to ${maxLimit}.`);
		limit = body.Limit;
	}

	const members = group.members;
	const view = members.view(roleFilter); // Offset and Next both count within the filtered list
	const total = view ? view.length : members.count;
	let start = 0;
	if (community) {
		if (body.Offset != null) throw bad('community groups do not support Offset; use Next.');
		if (typeof body.Next !== 'string') throw bad('Next is required for community groups.');
		if (body.Next !== '') {
			start = decodeNext(group, body.Next, total, group.hostile === 'emptyPagesForever');
			if (start < 0) throw bad('Next is not a valid cursor.');
		}
	} else if (body.Offset != null) {
		if (!Number.isInteger(body.Offset) || body.Offset < 0) throw bad('Offset must be a non-negative integer.');
		start = body.Offset;
	}

	let end = Math.min(total, start + limit);
	let next = end < total ? encodeNext(group, end) : '';
	if (community && group.hostile === 'emptyPagesForever') {
		group.hostileCounter++;
		end = start; // nothing, forever
		next = encodeNext(group, total + group.hostileCounter);
	} else if (community && group.hostile === 'repeatNext') {
		next = encodeNext(group, Math.min(limit === Infinity ? 1 : limit, total));
	}
	const memberNum = group.hostile === 'wrongMemberNum' ? members.count * 2 + 7 : members.count;

	const fields = infoFilter ? INFO_FIELDS.filter((f) => infoFilter.includes(f)) : INFO_FIELDS;
	// Custom data: all of it for an unfiltered request, only the named keys when asked, else none.
	const customMode = customFilter ? 'some' : infoFilter ? 'none' : 'all';

	// Serialise member by member and give up as soon as the 1 MB cap is passed:
	// a padded 6000-member page would otherwise build a 100+ MB string.
	let json =
		'{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,' +
		(community ? `"Next":${JSON.stringify(next)},` : '') +
		`"MemberNum":${memberNum},"MemberList":[`;
	let size = Buffer.byteLength(json) + 2;
	const parts = [];
	for (let k = start; k < end; k++) {
		const m = members.at(view ? view[k] : k);
		const out = { Member_Account: m.Member_Account };
		for (const f of fields) out[f] = m[f];
		if (customMode !== 'none') {
			const data = customMode === 'all' ? m.AppMemberDefinedData : m.AppMemberDefinedData.filter((d) => customFilter.includes(d.Key));
			if (data.length) out.AppMemberDefinedData = data;
		}
		const s = JSON.stringify(out);
		size += Buffer.byteLength(s) + (parts.length ? 1 : 0);
		if (size > MAX_RESPONSE_BYTES) throw new ApiError(10018);
		parts.push(s);
	}
	json += parts.join(',') + ']}';
	return { json };
}

module.exports = {
	service: 'group_open_http_svc',
	command: 'get_group_member_info',
	mutates: false,
	badJsonCode: 10004,
	handler: getGroupMemberInfo,
	encodeNext,
	decodeNext,
};
