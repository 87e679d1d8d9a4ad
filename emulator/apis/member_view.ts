// The filters get_group_member_info (https://trtc.io/document/34948) and get_specified_group_member_info
// (https://trtc.io/document/64897) share: MemberInfoFilter, MemberRoleFilter, AppDefinedDataFilter_GroupMember.

import { ROLES } from '../members';
import type { MemberRecord } from '../records';
import { bad } from './common';

const INFO_FIELDS = ['Role', 'JoinTime', 'MsgSeq', 'MsgFlag', 'LastSendMsgTime', 'MuteUntil', 'NameCard'] as const;

export interface MemberFilters {
	/** the profile fields to return */
	fields: readonly string[];
	/** the roles to return (null: all) */
	roles: string[] | null;
	/** custom data: all of it for an unfiltered request, only the named keys when asked, else none */
	customKeys: string[] | null;
	customMode: 'all' | 'some' | 'none';
}

function stringArray(v: unknown, name: string): string[] | null {
	if (v == null) return null;
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(`${name} must be an array of strings.`);
	return v;
}

export function readMemberFilters(body: any): MemberFilters {
	const infoFilter = stringArray(body.MemberInfoFilter, 'MemberInfoFilter');
	const roles = stringArray(body.MemberRoleFilter, 'MemberRoleFilter');
	if (roles && roles.some((r) => !ROLES.includes(r))) throw bad('MemberRoleFilter holds an unknown role.');
	const customKeys = stringArray(body.AppDefinedDataFilter_GroupMember, 'AppDefinedDataFilter_GroupMember');
	return {
		fields: infoFilter ? INFO_FIELDS.filter((f) => infoFilter.includes(f)) : INFO_FIELDS,
		roles,
		customKeys,
		customMode: customKeys ? 'some' : infoFilter ? 'none' : 'all',
	};
}

/** One member as the APIs return it. */
export function memberView(m: MemberRecord, filters: MemberFilters): Record<string, unknown> {
	const out: Record<string, unknown> = { Member_Account: m.Member_Account };
	for (const f of filters.fields) out[f] = m[f as keyof MemberRecord];
	if (filters.customMode !== 'none') {
		const keys = filters.customKeys ?? [];
		const data = filters.customMode === 'all' ? m.AppMemberDefinedData : m.AppMemberDefinedData.filter((d) => keys.includes(d.Key));
		if (data.length) out.AppMemberDefinedData = data;
	}
	return out;
}
