import type { IExecuteFunctions } from 'n8n-workflow';

import { followCursor } from '../../../shared/cursor';
import { apiError } from '../../../shared/errors';
import { SAFE_PAGE_SIZE, type MemberQuery, type MemberWalk, type PageFetcher } from './pageFetcher';

/** Community groups take at most 100 members a page. */
export const MAX_NEXT_PAGE_SIZE = SAFE_PAGE_SIZE;

/** Next paging (Community groups): follows the cursor until it is "", or until the limit. */
export async function walkNext(this: IExecuteFunctions, fetcher: PageFetcher, query: MemberQuery, walk: MemberWalk): Promise<void> {
	let remaining = walk.limit;
	let firstCursor = '';
	let pagesDone = 0;
	if (walk.first) {
		for (const member of walk.first.members) {
			if (remaining <= 0) break;
			walk.emit(member);
			remaining--;
		}
		firstCursor = walk.first.next ?? '';
		pagesDone = 1;
		if (!firstCursor || remaining <= 0) return;
	}

	await followCursor.call(this, {
		what: query.what,
		itemIndex: query.itemIndex,
		limit: remaining,
		maxPageSize: Math.min(fetcher.size, MAX_NEXT_PAGE_SIZE),
		firstCursor,
		fetchPage: async (cursor, pageSize, page) => {
			const answer = await fetcher.fetch({ Next: cursor }, pageSize, pagesDone + page);
			if (answer.next === undefined) {
				throw apiError(this.getNode(), `Tencent's answer for page ${pagesDone + page} of ${query.what} has no Next cursor, so the group is not a Community group`, {
					itemIndex: query.itemIndex,
					description: 'Pagination is set to Community Groups, but this is another type of group. Set the Pagination option to Auto-Detect or Other Group Types.',
				});
			}
			return { entries: answer.members, next: answer.next };
		},
		emit: walk.emit,
	});
}
