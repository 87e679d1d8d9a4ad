// An e2e case is data: a workflow, what its run must give (output items, the API calls the emulator saw, or the
// error it fails with), and, for what data cannot say, a check. The runners in ../runners/ run them.
import type { Call, CallFilter, RunResult, Workflow } from '../workflows';

/** The emulator (spawned, remote-controlled) as the cases use it. */
export interface Emulator {
	url: string;
	reset(): Promise<unknown>;
	clearRequests(): Promise<unknown>;
	requests(): Promise<Call[]>;
	setOptions(options: Record<string, unknown>): Promise<unknown>;
	getSubscribers(officialAccountId: string, appId?: number): Promise<string[]>;
	getMembers(groupId: string, options?: { full?: boolean }): Promise<any[]>;
	[method: string]: any;
}

export interface CaseContext {
	emu: Emulator;
	/** The calls of this case in the emulator's request log (signed as administrator of the e2e app by default). */
	calls(filter?: CallFilter): Call[];
	/** What the case's `before` gave. */
	before?: any;
	workflow?: Workflow;
}

type Expected = unknown[] | ((ctx: CaseContext) => unknown[] | Promise<unknown[]>);

/** A node's output items, each picked (its json by default), must equal `equals` (sorted first with `sorted`). */
export interface ExpectedItems {
	node: string;
	output?: number;
	pick?: (item: any) => unknown;
	equals: Expected;
	sorted?: boolean;
}

/** The calls matching `filter`: `count` of them, or each picked must equal `equals` (sorted first with `sorted`). */
export interface ExpectedCalls {
	filter: CallFilter;
	count?: number;
	pick?: (call: Call) => unknown;
	equals?: Expected;
	sorted?: boolean;
	what?: string;
}

/** A failed run (exit 1): the node that failed, patterns its message and description match, its attempts. */
export interface ExpectedError {
	node: string;
	message: RegExp[];
	description?: RegExp;
	/** Matched against "<message> <description>". */
	text?: RegExp;
}

export interface E2eCase {
	name: string;
	workflow: Workflow;
	/** Emulator set-up before the run (single cases only: the batch shares one emulator state). */
	before?: (emu: Emulator, workflow: Workflow) => Promise<unknown> | unknown;
	items?: ExpectedItems[];
	calls?: ExpectedCalls[];
	error?: ExpectedError;
	/** What the data above cannot say; may return a note for the report. */
	check?: (res: RunResult, ctx: CaseContext, error?: any) => Promise<string | void> | string | void;
}
