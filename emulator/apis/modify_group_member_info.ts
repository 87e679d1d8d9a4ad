// group_open_http_svc/modify_group_member_info (https://trtc.io/document/34900): Role (Admin or Member),
// NameCard (at most 50 bytes), MsgFlag, MuteTime, AppMemberDefinedData of one member.
// AVChatRoom groups store no member profiles; Work groups have no admins and cannot mute.

import { ApiError, okBody, type Envelope } from '../errors';
import { MSG_FLAGS } from '../datasets';
import { bad, findGroup, isWork, refuseTypes } from './groups_common';
import type { CustomDatum, Group, MemberRecord } from '../records';
import type { ApiContext } from './types';

const MAX_NAME_CARD_BYTES = 50;
const FIELDS = ['Role', 'NameCard', 'MsgFlag', 'MuteTime', 'AppMemberDefinedData'];

function readCustomData(value: unknown, allowedKeys: string[], current: CustomDatum[]): CustomDatum[] {
	if (!Array.isArray(value) || value.some((d) => !d || typeof d.Key !== 'string' || typeof d.Value !== 'string')) {
		throw bad('AppMemberDefinedData must be a list of {Key, Value} strings.');
	}
	if (allowedKeys.length && value.some((d) => !allowedKeys.includes(d.Key))) throw bad('AppMemberDefinedData holds a key that is not configured for group members.');
	const merged = current.map((d) => ({ ...d }));
	for (const { Key, Value } of value) {
		const found = merged.find((d) => d.Key === Key);
		if (found) found.Value = Value;
		else merged.push({ Key, Value });
	}
	return merged;
}

function checkRole(group: Group, member: MemberRecord, role: unknown): void {
	if (role !== 'Admin' && role !== 'Member') throw bad('Role must be Admin or Member.');
	if (member.Role === 'Owner') throw bad('the role of the group owner cannot be changed.');
	if (role === 'Admin' && isWork(group)) throw new ApiError(10007, `No operation permissions: ${group.type} groups have no admins.`);
}

function modifyGroupMemberInfo({ body, app, state, nowSeconds }: ApiContext): Envelope {
	const group = findGroup(state, app, body);
	refuseTypes(group, ['AVChatRoom'], 'modify_group_member_info');
	const id = body.Member_Account;
	if (typeof id !== 'string' || !id) throw bad('Member_Account is required.');
	const member = group.members.get(id);
	if (!member) throw bad(`${id} is not a member of the group.`);
	if (!FIELDS.some((f) => body[f] !== undefined)) throw bad(`give at least one of ${FIELDS.join(', ')}.`);
	const patch: Partial<MemberRecord> = {};
	if (body.Role !== undefined) {
		checkRole(group, member, body.Role);
		patch.Role = body.Role;
	}
	if (body.NameCard !== undefined) {
		if (typeof body.NameCard !== 'string' || Buffer.byteLength(body.NameCard) > MAX_NAME_CARD_BYTES) throw bad(`NameCard must be a string of at most ${MAX_NAME_CARD_BYTES} bytes.`);
		patch.NameCard = body.NameCard;
	}
	if (body.MsgFlag !== undefined) {
		if (!MSG_FLAGS.includes(body.MsgFlag)) throw bad(`MsgFlag must be one of ${MSG_FLAGS.join(', ')}.`);
		patch.MsgFlag = body.MsgFlag;
	}
	if (body.MuteTime !== undefined) {
		if (!Number.isInteger(body.MuteTime) || body.MuteTime < 0 || body.MuteTime > 4294967295) throw bad('MuteTime must be 0 to 4294967295 seconds.');
		if (isWork(group)) throw new ApiError(10007, `No operation permissions: ${group.type} groups cannot mute members.`);
		patch.MuteUntil = body.MuteTime === 0 ? 0 : nowSeconds + body.MuteTime;
	}
	if (body.AppMemberDefinedData !== undefined) {
		patch.AppMemberDefinedData = readCustomData(body.AppMemberDefinedData, group.members.customFields, member.AppMemberDefinedData);
	}
	group.members.update(id, patch);
	return okBody({});
}

export const service = 'group_open_http_svc';
export const command = 'modify_group_member_info';
export const mutates = true;
export const badJsonCode = 10004;
export { modifyGroupMemberInfo as handler };
