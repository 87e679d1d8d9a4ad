import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CHECK_ANSWER, apiError } from '../../../shared/errors';
import { mapConcurrent } from '../../../shared/items';
import type { MemberPage, MemberQuery, MemberWalk, PageFetcher } from './pageFetcher';

/** Offset pages take at most 6000 members. */
export const MAX_OFFSET_PAGE_SIZE = 6000;
/** Pages in flight: 200 calls/s at 50 to 80 ms a call needs 10 to 16; the pacer keeps the rate. */
const CONCURRENT_PAGES = 16;

interface Range {
	offset: number;
	count: number;
	page: number;
}

interface RangeResult {
	page: number;
	/** One list per request: a range splits into several after a 10018. */
	parts: IDataObject[][];
	asked: number;
	received: number;
	/** Fewer members than asked: the list ends here. */
	short: boolean;
	memberNum: unknown;
}

/** Reads `count` members from `offset`, in as many requests as the page size allows. */
async function fetchRange(fetcher: PageFetcher, range: Range): Promise<RangeResult> {
	const result: RangeResult = { page: range.page, parts: [], asked: range.count, received: 0, short: false, memberNum: undefined };
	while (result.received < range.count) {
		const part = await fetcher.fetch({ Offset: range.offset + result.received }, range.count - result.received, range.page);
		if (result.parts.length === 0) result.memberNum = part.memberNum;
		result.parts.push(part.members);
		result.received += part.members.length;
		if (part.members.length < part.asked) {
			result.short = true;
			break;
		}
	}
	return result;
}

function firstRange(page: MemberPage): RangeResult {
	const received = page.members.length;
	return { page: 1, parts: [page.members], asked: page.asked, received, short: received < page.asked, memberNum: page.memberNum };
}

function emitRange(walk: MemberWalk, range: RangeResult): void {
	for (const part of range.parts) for (const member of part) walk.emit(member);
}

/** Fetches the planned ranges concurrently and emits them in order, stopping at the first short one. */
async function fetchPlanned(fetcher: PageFetcher, plan: Range[], walk: MemberWalk): Promise<{ received: number; short?: RangeResult }> {
	const ready = new Map<number, RangeResult>();
	let nextToEmit = 0;
	let received = 0;
	let short: RangeResult | undefined;
	let stopped = false;
	let failure: unknown;

	await mapConcurrent(plan, CONCURRENT_PAGES, async (range, index) => {
		if (stopped) return;
		let result: RangeResult;
		try {
			result = await fetchRange(fetcher, range);
		} catch (error) {
			failure ??= error;
			stopped = true;
			return;
		}
		// Pages past a short one are past the end: start no more.
		if (result.short) stopped = true;
		ready.set(index, result);
		for (let next = ready.get(nextToEmit); next && !short; next = ready.get(nextToEmit)) {
			ready.delete(nextToEmit++);
			emitRange(walk, next);
			received += next.received;
			if (next.short) short = next;
		}
	});
	if (failure) throw failure;
	return { received, short };
}

/** More than any Tencent group can hold (Community groups take 100,000): a count above it is not planned. */
const MAX_MEMBER_NUM = 1_000_000;

function readMemberNum(this: IExecuteFunctions, query: MemberQuery, memberNum: unknown): number {
	if (typeof memberNum === 'number' && Number.isInteger(memberNum) && memberNum > MAX_MEMBER_NUM) {
		throw apiError(this.getNode(), `Tencent's answer for page 1 of ${query.what} reports ${memberNum} members, more than any group can hold`, {
			itemIndex: query.itemIndex,
			description: `The node plans its pages from this count, so it stopped instead of planning that many. ${CHECK_ANSWER}`,
		});
	}
	if (typeof memberNum === 'number' && Number.isInteger(memberNum) && memberNum >= 0) return memberNum;
	throw apiError(this.getNode(), `Tencent's answer for page 1 of ${query.what} has no valid MemberNum (${JSON.stringify(memberNum) ?? 'missing'})`, {
		itemIndex: query.itemIndex,
		description: 'Without the member count the pages cannot be planned. Check that the Base URL points at the Tencent Cloud Chat REST API.',
	});
}

/**
 * Offset paging (every group type but Community). Page 1 gives MemberNum; without a role filter the
 * other pages are planned from it and fetched concurrently, with one they are read in turn until a short page.
 */
export async function walkOffset(this: IExecuteFunctions, fetcher: PageFetcher, query: MemberQuery, walk: MemberWalk): Promise<void> {
	const first = walk.first ? firstRange(walk.first) : await fetchRange(fetcher, { offset: 0, count: Math.min(fetcher.size, walk.limit), page: 1 });
	const memberNum = readMemberNum.call(this, query, first.memberNum);
	emitRange(walk, first);
	let received = first.received;
	let short = first.short ? first : undefined;

	if (walk.roleFiltered) {
		// Filtered pages count within the filtered list, which MemberNum bounds but does not size.
		for (let page = 2; !short && received < walk.limit && received < memberNum; page++) {
			const count = Math.min(fetcher.size, walk.limit - received, memberNum - received);
			const range = await fetchRange(fetcher, { offset: received, count, page });
			emitRange(walk, range);
			received += range.received;
			if (range.short) short = range;
		}
		return;
	}

	const target = Math.min(walk.limit, memberNum);
	if (!short && received < target) {
		const size = fetcher.size;
		const plan: Range[] = [];
		for (let offset = received, page = 2; offset < target; offset += size, page++) {
			plan.push({ offset, count: Math.min(size, target - offset), page });
		}
		const rest = await fetchPlanned(fetcher, plan, walk);
		received += rest.received;
		short = rest.short;
	}
	if (received < target) {
		const where = short ? `: page ${short.page} held ${short.received} of the ${short.asked} members asked for` : '';
		throw apiError(this.getNode(), `Tencent reported ${memberNum} members (MemberNum) in group "${query.groupId}" but the pages ended after ${received}${where}`, {
			itemIndex: query.itemIndex,
			details: { memberNum, received },
			description: 'Members may have left while the group was read, or Tencent answered inconsistently. Run the node again; if this persists, contact Tencent support.',
		});
	}
}
