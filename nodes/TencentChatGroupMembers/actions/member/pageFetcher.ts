import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { CHECK_ANSWER, apiError } from '../../../shared/errors';
import { apiRequest, tencentCodeOf, type TencentAnswer } from '../../../shared/transport';

const SERVICE = 'group_open_http_svc';
const COMMAND = 'get_group_member_info';
/** The answer would pass 1 MB. */
const TOO_LARGE = 10018;
/** Invalid parameter: Tencent's page gives three Limit maxima (100, 200, 6000), so a big Limit may be refused. */
const INVALID_PARAMETER = 10004;
/** A page size every group type accepts, Community included (https://trtc.io/document/34948). */
export const SAFE_PAGE_SIZE = 100;

export interface MemberQuery {
	groupId: string;
	/** MemberInfoFilter, MemberRoleFilter and AppDefinedDataFilter_GroupMember, when set. */
	filters: IDataObject;
	itemIndex: number;
	/** For messages: 'members of group "@TGS#x"'. */
	what: string;
}

export interface MemberPage {
	members: IDataObject[];
	/** The Limit of the request that answered; fewer members means the list ended. */
	asked: number;
	/** Only Community groups answer with Next. */
	next?: string;
	memberNum: unknown;
}

export interface MemberWalk {
	/** Infinity for Return All. */
	limit: number;
	emit(member: IDataObject): void;
	/** MemberNum counts every member, so with a role filter it does not tell how many pages there are. */
	roleFiltered: boolean;
	/** The first page, when auto-detection already fetched it. */
	first?: MemberPage;
}

export interface PageFetcher {
	/** The page size in use; it only shrinks, so later pages keep a size that worked. */
	readonly size: number;
	/** One request for at most `want` members (fewer after a 10018), at the position `paging` gives. */
	fetch(paging: IDataObject, want: number, page: number): Promise<MemberPage>;
}

function invalidAnswer(this: IExecuteFunctions, query: MemberQuery, message: string): NodeApiError {
	return apiError(this.getNode(), message, { itemIndex: query.itemIndex, description: CHECK_ANSWER });
}

function readMembers(this: IExecuteFunctions, query: MemberQuery, answer: TencentAnswer, asked: number, page: number): IDataObject[] {
	const list = answer.MemberList ?? [];
	const where = `on page ${page} of ${query.what}`;
	if (!Array.isArray(list) || !list.every((entry: IDataObject) => typeof entry?.Member_Account === 'string')) {
		throw invalidAnswer.call(this, query, `Tencent returned a MemberList that is not a list of members with Member_Account ${where}`);
	}
	if (list.length > asked) {
		throw invalidAnswer.call(this, query, `Tencent returned ${list.length} members ${where}, but at most ${asked} were asked for`);
	}
	return list as IDataObject[];
}

/**
 * Requests pages of get_group_member_info. On 10018 it halves the page and asks again, down to one member;
 * a Limit over 100 that Tencent refuses is retried once at 100.
 */
export function pageFetcher(this: IExecuteFunctions, query: MemberQuery, pageSize: number): PageFetcher {
	let size = pageSize;

	const request = async (paging: IDataObject, limit: number, page: number): Promise<TencentAnswer> =>
		await apiRequest.call(this, {
			service: SERVICE,
			command: COMMAND,
			repeatable: true,
			body: { GroupId: query.groupId, ...query.filters, Limit: limit, ...paging },
			purpose: `get ${query.what} (page ${page})`,
			itemIndex: query.itemIndex,
			passCodes: [TOO_LARGE],
		});

	const fetch = async (paging: IDataObject, want: number, page: number): Promise<MemberPage> => {
		let limit = Math.min(want, size);
		for (;;) {
			let answer: TencentAnswer | undefined;
			let failure: unknown;
			try {
				answer = await request(paging, limit, page);
			} catch (error) {
				failure = error;
			}
			if (!answer) {
				if (tencentCodeOf(failure) !== INVALID_PARAMETER || limit <= SAFE_PAGE_SIZE) throw failure;
				size = Math.min(size, SAFE_PAGE_SIZE);
				limit = Math.min(limit, size);
				continue;
			}
			if (answer.ErrorCode === TOO_LARGE) {
				if (limit <= 1) {
					throw apiError(this.getNode(), `Could not get ${query.what} (page ${page}): the members are too large, even one member passes Tencent's 1 MB answer limit [Tencent error ${TOO_LARGE}]`, {
						itemIndex: query.itemIndex,
						details: { tencentCode: TOO_LARGE },
						description: 'Use the Fields and Custom Fields options to ask only for the member fields you need.',
					});
				}
				limit = Math.floor(limit / 2);
				size = Math.min(size, limit);
				continue;
			}
			return {
				members: readMembers.call(this, query, answer, limit, page),
				asked: limit,
				next: typeof answer.Next === 'string' ? answer.Next : undefined,
				memberNum: answer.MemberNum,
			};
		}
	};

	return {
		get size() {
			return size;
		},
		fetch,
	};
}
