// The trigger cases as data: a name and what to do and check, against n8n started with both workflows active.
import { addSubscribers } from '../../restApi';
import type { Emulator } from '../types';
import { waitForPosts } from './recorder';
import type { Recorder } from './recorder';
import { AFTER, HOOK_AFTER, HOOK_BEFORE, OA } from './workflows';

export interface Load {
	count: number;
	ratePerSecond: number;
}

export interface TriggerEnv {
	emu: Emulator;
	app: { sdkAppId: number; secretKey: string };
	recorder: Recorder;
	/** The production webhook URL of a trigger under `n8n start`. */
	urlOf(hook: string): string;
	load: Load;
}

export interface TriggerCase {
	name: (load: Load) => string;
	/** Throws when the check fails; may return a note. */
	run: (env: TriggerEnv) => Promise<string | void>;
}

function assert(ok: unknown, message: string): void {
	if (!ok) throw new Error(message);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function subscribersAdded({ emu, app, recorder }: TriggerEnv): Promise<void> {
	const results = await addSubscribers(emu.url, app, OA, ['alice', 'existing1', 'bob']);
	assert(same(results, [1, 2, 1]), `add_subscriber results ${results}`);
	await emu.callbacksIdle();
	const posts = await waitForPosts(recorder, 1, 15000);
	assert(posts.length === 1, `${posts.length} executions recorded, expected 1`);
	const got = posts[0].items.map((j: any) => `${j.event}|${j.account}|${j.Official_Account}|${j.sdkAppId}`);
	const want = ['alice', 'bob'].map((a) => `${AFTER}|${a}|${OA}|${app.sdkAppId}`);
	assert(same(got, want), `items ${JSON.stringify(got)}`);
	const answers = (await emu.callbackLog()).map((e: any) => `${e.command} ${e.status} ${JSON.stringify(e.reply)}`);
	assert(answers.every((a: string) => a.endsWith('200 {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}')), `answers ${answers.join('; ')}`);
}

/** A forged or stale callback: answered 401, no execution. */
const refused = (what: string, spec: () => Record<string, unknown>): TriggerCase => ({
	name: () => `trigger: ${what} is answered 401 and starts no execution`,
	async run({ emu, app, recorder }) {
		recorder.posts.length = 0;
		const payload = { Official_Account: OA, SubscribeAccountList: [{ Subscriber_Account: 'forged' }] };
		const r = await emu.sendCallback({ command: AFTER, sdkAppId: app.sdkAppId, payload, ...spec() });
		assert(r.statuses[401] === 1, `answered ${JSON.stringify(r.statuses)} ${JSON.stringify(r.entry?.reply)}`);
		const posts = await waitForPosts(recorder, 1, 2000);
		assert(posts.length === 0, `${posts.length} executions started`);
	},
});

async function beforeRefused({ emu, app, urlOf }: TriggerEnv): Promise<void> {
	await emu.setOptions({ callbackUrl: urlOf(HOOK_BEFORE) });
	const before = await emu.getSubscribers(OA);
	const results = await addSubscribers(emu.url, app, OA, ['blocked-mallory', 'carol']);
	const after = await emu.getSubscribers(OA);
	assert(same(results, [0, 0]), `add_subscriber results ${results}`);
	assert(same(after, before), `subscribers changed: ${after.length} vs ${before.length}`);
	const reply = (await emu.callbackLog()).at(-1)?.reply;
	assert(reply && reply.ErrorCode === 1 && reply.ErrorInfo === 'blocked', `reply ${JSON.stringify(reply)}`);
	await emu.setOptions({ callbackUrl: urlOf(HOOK_AFTER) });
}

async function underLoad({ emu, app, recorder, load }: TriggerEnv): Promise<string> {
	recorder.posts.length = 0;
	const payload = { Official_Account: OA, Operator_Account: 'administrator', SubscribeAccountList: [{ Subscriber_Account: 'load{i}' }] };
	const r = await emu.sendCallback({ command: AFTER, sdkAppId: app.sdkAppId, payload, ...load });
	assert(r.statuses[200] === load.count && r.errors === 0, `answers ${JSON.stringify(r.statuses)}, ${r.errors} without an answer within 2 s`);
	assert(r.maxMs < 2000, `slowest answer ${r.maxMs} ms`);
	const posts = await waitForPosts(recorder, load.count, 60000);
	const distinct = new Set(posts.flatMap((p) => p.items.map((j: any) => j.account)));
	const ids = new Set(posts.map((p) => p.executionId));
	assert(posts.length === load.count && distinct.size === load.count && ids.size === load.count, `${posts.length} executions (${ids.size} ids) for ${distinct.size} distinct callbacks`);
	return `answer time p99 ${r.p99Ms} ms, max ${r.maxMs} ms`;
}

export const TRIGGER_CASES: TriggerCase[] = [
	{ name: () => 'trigger: subscribers added through the REST API start one execution with one item per new subscriber', run: subscribersAdded },
	refused('a bad Sign', () => ({ query: { Sign: 'f'.repeat(64) } })),
	refused('a stale RequestTime (signed, an hour old)', () => ({ requestTime: Math.floor(Date.now() / 1000) - 3600 })),
	refused('a wrong SdkAppid', () => ({ query: { SdkAppid: '1400099999' } })),
	{ name: () => 'trigger: a Before event refused by the workflow (If + Set) leaves the emulator\'s state unchanged', run: beforeRefused },
	{ name: (load) => `trigger: ${load.count} signed callbacks at ${load.ratePerSecond}/s each answered within 2 s, exactly ${load.count} executions`, run: underLoad },
];
