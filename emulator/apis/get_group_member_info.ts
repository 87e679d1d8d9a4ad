// group_open_http_svc/get_group_member_info (https://trtc.io/document/34948): Offset paging for most group
// types, Next cursors for Community groups, field/role/custom filters, 1 MB response cap.

import { ApiError } from '../errors';
import type { Group } from '../records';
import { bad, cursorTag } from './common';
import { findGroup } from './groups_common';
import { memberView, readMemberFilters, type MemberFilters } from './member_view';
import type { ApiContext } from './types';

const MAX_RESPONSE_BYTES = 1048576;
const MAX_LIMIT = 6000;
const MAX_LIMIT_COMMUNITY = 100;

// Community Next: a big decimal like the sample's "144115265295492787" (https://trtc.io/document/34948):
// 2^57 + tag * 2^32 + position.
const CURSOR_BASE = 1n << 57n;

export function encodeNext(group: Pick<Group, 'id'>, pos: number): string {
	return (CURSOR_BASE + (BigInt(cursorTag(group.id)) << 32n) + BigInt(pos)).toString();
}

export function decodeNext(group: Pick<Group, 'id'>, next: unknown, total: number, allowBeyond: boolean): number {
	if (typeof next !== 'string' || !/^\d{1,20}$/.test(next)) return -1;
	const v = BigInt(next) - CURSOR_BASE;
	if (v < 0n || v >> 32n !== BigInt(cursorTag(group.id))) return -1;
	const pos = Number(v & 0xffffffffn);
	if (!allowBeyond && pos > total) return -1;
	return pos;
}

/** The page: positions [start, end) of the (filtered) list, and the Community cursor after it. */
interface Page {
	start: number;
	end: number;
	next: string;
}

function readLimit(body: any, community: boolean): number {
	const maxLimit = community ? MAX_LIMIT_COMMUNITY : MAX_LIMIT;
	if (body.Limit == null) return Infinity;
	if (!Number.isInteger(body.Limit) || body.Limit < 1 || body.Limit > maxLimit) throw bad(`Limit must be 1 to ${maxLimit}.`);
	return body.Limit;
}

/** Where the page starts: Next for Community groups, Offset for the others. */
function readStart(body: any, group: Group, total: number): number {
	if (group.type === 'Community') {
		if (body.Offset != null) throw bad('community groups do not support Offset; use Next.');
		if (typeof body.Next !== 'string') throw bad('Next is required for community groups.');
		if (body.Next === '') return 0;
		const start = decodeNext(group, body.Next, total, group.hostile === 'emptyPagesForever');
		if (start < 0) throw bad('Next is not a valid cursor.');
		return start;
	}
	if (body.Offset == null) return 0;
	if (!Number.isInteger(body.Offset) || body.Offset < 0) throw bad('Offset must be a non-negative integer.');
	return body.Offset;
}

/** The page's end and cursor; a hostile Community group pages forever or repeats its cursor. */
function pageOf(group: Group, start: number, limit: number, total: number): Page {
	const end = Math.min(total, start + limit);
	const next = end < total ? encodeNext(group, end) : '';
	if (group.type !== 'Community') return { start, end, next };
	if (group.hostile === 'emptyPagesForever') {
		group.hostileCounter++;
		return { start, end: start, next: encodeNext(group, total + group.hostileCounter) }; // nothing, forever
	}
	if (group.hostile === 'repeatNext') return { start, end, next: encodeNext(group, Math.min(limit === Infinity ? 1 : limit, total)) };
	return { start, end, next };
}

/**
 * Serialises member by member and gives up as soon as the 1 MB cap is passed:
 * a padded 6000-member page would otherwise build a 100+ MB string.
 */
function serialise(group: Group, page: Page, view: Int32Array | null, filters: MemberFilters): string {
	const members = group.members;
	const memberNum = group.hostile === 'wrongMemberNum' ? members.count * 2 + 7 : members.count;
	const head =
		'{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,' +
		(group.type === 'Community' ? `"Next":${JSON.stringify(page.next)},` : '') +
		`"MemberNum":${memberNum},"MemberList":[`;
	let size = Buffer.byteLength(head) + 2;
	const parts: string[] = [];
	for (let k = page.start; k < page.end; k++) {
		const s = JSON.stringify(memberView(members.at(view ? view[k] : k), filters));
		size += Buffer.byteLength(s) + (parts.length ? 1 : 0);
		if (size > MAX_RESPONSE_BYTES) throw new ApiError(10018);
		parts.push(s);
	}
	return head + parts.join(',') + ']}';
}

function getGroupMemberInfo({ body, app, state }: ApiContext): { json: string } {
	const group = findGroup(state, app, body);
	if (group.type === 'AVChatRoom') throw new ApiError(10007, 'No operation permissions: AVChatRoom groups do not support this API.');
	const filters = readMemberFilters(body);
	const limit = readLimit(body, group.type === 'Community');
	const view = group.members.view(filters.roles); // Offset and Next both count within the filtered list
	const total = view ? view.length : group.members.count;
	const page = pageOf(group, readStart(body, group, total), limit, total);
	return { json: serialise(group, page, view, filters) };
}

export const service = 'group_open_http_svc';
export const command = 'get_group_member_info';
export const mutates = false;
export const badJsonCode = 10004;
export { getGroupMemberInfo as handler };
