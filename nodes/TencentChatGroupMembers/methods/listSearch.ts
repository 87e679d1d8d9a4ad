import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';

const SERVICE = 'group_open_http_svc';
/** https://trtc.io/document/34960 allows only 1 call a second per app. */
const LIST_CALLS_PER_SECOND = 1;
/** https://trtc.io/document/34961: at most 50 groups a call. */
const INFO_BATCH = 50;
/** IDs per list page: one screen without a search; more with one, since most will not match. */
const PAGE_SIZE = 100;
const SEARCH_PAGE_SIZE = 1000;
/** List pages one search call reads (one a second) before it hands n8n a token to go on. */
const SEARCH_PAGES_PER_CALL = 3;
/** A search stops reading early once this many groups matched. */
const ENOUGH_MATCHES = 20;

interface GroupEntry {
	id: string;
	name: string;
}

async function listPage(
	this: ILoadOptionsFunctions,
	next: number,
	limit: number,
): Promise<{ ids: string[]; next: number }> {
	const answer = await apiRequest.call(this, {
		service: SERVICE,
		command: 'get_appid_group_list',
		repeatable: true,
		body: { Limit: limit, Next: next },
		purpose: 'list the groups of the app',
		apiCallsPerSecond: LIST_CALLS_PER_SECOND,
	});
	const list = Array.isArray(answer.GroupIdList) ? (answer.GroupIdList as IDataObject[]) : [];
	const ids = list
		.map((entry) => entry?.GroupId)
		.filter((id): id is string => typeof id === 'string');
	const nextValue = Number(answer.Next ?? 0);
	return { ids, next: Number.isSafeInteger(nextValue) && nextValue > 0 ? nextValue : 0 };
}

/** Names for the IDs, 50 a call, all calls at once (the transport paces them). */
async function named(this: ILoadOptionsFunctions, ids: string[]): Promise<GroupEntry[]> {
	const chunks: string[][] = [];
	for (let start = 0; start < ids.length; start += INFO_BATCH)
		chunks.push(ids.slice(start, start + INFO_BATCH));
	const answers = await Promise.all(
		chunks.map(
			async (chunk) =>
				await apiRequest.call(this, {
					service: SERVICE,
					command: 'get_group_info',
					repeatable: true,
					body: { GroupIdList: chunk, ResponseFilter: { GroupBaseInfoFilter: ['Name'] } },
					purpose: 'get the names of groups',
				}),
		),
	);
	const names = new Map<string, string>();
	for (const answer of answers) {
		for (const info of (Array.isArray(answer.GroupInfo) ? answer.GroupInfo : []) as IDataObject[]) {
			if (
				typeof info?.GroupId === 'string' &&
				info.ErrorCode === 0 &&
				typeof info.Name === 'string'
			)
				names.set(info.GroupId, info.Name);
		}
	}
	return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
}

function toResult(group: GroupEntry): INodeListSearchItems {
	return { name: group.name ? `${group.name} (${group.id})` : group.id, value: group.id };
}

/**
 * The Group picker: the app's groups, named, paged with get_appid_group_list's Next as n8n's
 * paginationToken. Tencent has no search, so a search reads on page by page and keeps the groups
 * whose name or ID contains the text; n8n asks for more with the token.
 */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim().toLowerCase();
	let next = Number(paginationToken ?? 0) || 0;
	const results: INodeListSearchItems[] = [];
	for (let page = 0; page < (text ? SEARCH_PAGES_PER_CALL : 1); page++) {
		const listed = await listPage.call(this, next, text ? SEARCH_PAGE_SIZE : PAGE_SIZE);
		const groups = await named.call(this, listed.ids);
		for (const group of groups) {
			if (!text || group.id.toLowerCase().includes(text) || group.name.toLowerCase().includes(text))
				results.push(toResult(group));
		}
		next = listed.next;
		if (next === 0 || results.length >= ENOUGH_MATCHES) break;
	}
	return { results, paginationToken: next ? String(next) : undefined };
}
