import type { IExecuteFunctions } from 'n8n-workflow';

import { CHECK_ANSWER, apiError } from './errors';
import { ExecutionCancelledError } from './transport';

export interface CursorPage<T> {
	/** Entries to output. */
	entries: T[];
	/** Cursor for the next page; empty when there is none. */
	next: string;
	/** Set when the API said it is done even though `next` is not empty. */
	finished?: boolean;
	/** How many entries the API returned, before any filtering; defaults to `entries.length`. */
	received?: number;
}

export interface CursorWalk<T> {
	/** For errors: 'subscribers of official account "@TOA#_x"'. */
	what: string;
	itemIndex: number;
	/** Infinity for Return All. */
	limit: number;
	maxPageSize: number;
	firstCursor?: string;
	fetchPage(cursor: string, pageSize: number, page: number): Promise<CursorPage<T>>;
	emit(entry: T): void;
}

/** A server that sends cursors without data this many times in a row is not making progress. */
const MAX_EMPTY_PAGES = 5;

/**
 * Follows an opaque cursor (`Next`, `LastMsgKey`) until it ends or `limit` entries were emitted,
 * asking each page only for what is still needed. A repeated cursor or a run of empty pages is an error,
 * never an endless loop.
 */
export async function followCursor<T>(this: IExecuteFunctions, walk: CursorWalk<T>): Promise<void> {
	const signal = this.getExecutionCancelSignal?.();
	const seen = new Set<string>();
	let cursor = walk.firstCursor ?? '';
	let remaining = walk.limit;
	let emptyPages = 0;

	for (let page = 1; remaining > 0; page++) {
		if (signal?.aborted) throw new ExecutionCancelledError();
		const pageSize = Math.min(walk.maxPageSize, remaining);
		const { entries, next, finished, received = entries.length } = await walk.fetchPage(cursor, pageSize, page);
		if (received > walk.maxPageSize) {
			throw apiError(this.getNode(), `Tencent returned ${received} entries on page ${page} of ${walk.what}, but at most ${pageSize} were asked for`, {
				itemIndex: walk.itemIndex,
				description: CHECK_ANSWER,
			});
		}
		for (const entry of entries) {
			if (remaining <= 0) break;
			walk.emit(entry);
			remaining--;
		}
		if (finished || !next) return;
		emptyPages = received === 0 ? emptyPages + 1 : 0;
		if (seen.has(next) || emptyPages >= MAX_EMPTY_PAGES) {
			const reason = seen.has(next) ? `sent the same cursor "${next}" twice` : `sent ${emptyPages} empty pages in a row with a cursor to continue`;
			throw apiError(this.getNode(), `Stopped paging ${walk.what} after page ${page}: Tencent ${reason}`, {
				itemIndex: walk.itemIndex,
				description: 'The server is not making progress, so the node stopped instead of looping forever. Try again later; if it persists, contact Tencent support.',
			});
		}
		seen.add(next);
		cursor = next;
	}
}
