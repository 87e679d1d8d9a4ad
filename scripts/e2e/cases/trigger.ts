/*
 * E2E cases: the Tencent Chat Trigger in a real n8n under `n8n start`, fed by the emulator's real callbacks.
 *
 *   await runTriggerCases({ n8n, emu, app, record, log, load });
 *
 * n8n: an object from createN8n() with the package installed and NO `n8n start` running (this imports a credential
 * and two workflows, activates them with the CLI, then starts n8n itself and stops it at the end).
 * emu: the spawned emulator's EmulatorClient; app: { sdkAppId, secretKey } of an app the emulator knows.
 * record(name, ok, ms, detail) and log(text) as in ../run.ts. Each case of ./trigger/checks.ts is recorded as its own:
 *   1. subscribers added through the REST API reach an execution with the right items (one per subscriber);
 *   2. a bad Sign, a stale RequestTime and a wrong SdkAppid are each answered 401 and start no execution;
 *   3. a Before event refused by the workflow (If + Set) leaves the emulator's state unchanged;
 *   4. `load.count` signed callbacks at `load.ratePerSecond` (default 1,000 at 20 a second): each answered 200
 *      within 2 s, exactly that many executions, none doubled.
 */
import { httpJson, sleep } from '../n8n/http';
import type { Emulator } from './types';
import { TRIGGER_CASES } from './trigger/checks';
import type { Load, TriggerEnv } from './trigger/checks';
import { startRecorder } from './trigger/recorder';
import { CRED, HOOK_AFTER, HOOK_BEFORE, OA, TOKEN, TRIGGER_WORKFLOW_IDS, guardWorkflow, recordingWorkflow } from './trigger/workflows';

export { TOKEN, TRIGGER_WORKFLOW_IDS };

export type RecordFn = (name: string, ok: boolean, ms: number, detail?: string) => void;

/** What the trigger cases need of an n8n instance (createN8n's, or test/support/fakeN8n's stand-in). */
export interface TriggerN8n {
	install: { n8nVersion: string };
	cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
	importCredentials(json: object): Promise<unknown>;
	importWorkflow(json: object[]): Promise<unknown>;
	start(): Promise<{ url: string; logs(): string; stop(): Promise<unknown> }>;
}

export interface TriggerOptions {
	n8n: TriggerN8n;
	emu: Emulator;
	app: { sdkAppId: number; secretKey: string };
	record: RecordFn;
	log?: (text: string) => void;
	load?: Load;
}

const LOAD: Load = { count: 1000, ratePerSecond: 20 };

async function activate(n8n: TriggerN8n, id: string): Promise<void> {
	const args = n8n.install.n8nVersion.startsWith('1.') ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
	const r = await n8n.cli(args);
	if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${r.code}:\n${r.stderr}\n${r.stdout}`);
}

/**
 * n8n 2.x registers the webhooks of active workflows only after its REST API answers: wait until each URL
 * reaches the trigger (which answers an unsigned, empty POST with 400 or 401) instead of n8n's 404.
 */
async function webhooksRegistered(urls: string[], timeoutMs = 30000): Promise<void> {
	const started = Date.now();
	for (const url of urls) {
		for (;;) {
			const status = await httpJson('POST', url, {}).then((answer) => answer.status, () => 0);
			if (status !== 404 && status !== 0) break;
			if (Date.now() - started > timeoutMs) throw new Error(`webhook ${url} not registered after ${timeoutMs} ms`);
			await sleep(250);
		}
	}
}

/** Imports and activates the two workflows, starts n8n, points the emulator's callbacks at the recording one. */
async function setUp({ n8n, emu, app }: TriggerOptions, recorderUrl: string) {
	await emu.addOfficialAccount({ id: OA, appId: app.sdkAppId, subscribers: ['existing1'] });
	const data = { sdkAppId: app.sdkAppId, region: 'custom', baseUrl: emu.url, identifier: 'administrator', secretKey: app.secretKey, callbackToken: TOKEN };
	await n8n.importCredentials({ ...CRED, type: 'tencentCloudChatApi', data });
	await n8n.importWorkflow([recordingWorkflow(recorderUrl), guardWorkflow()]);
	for (const id of TRIGGER_WORKFLOW_IDS) await activate(n8n, id);
	return await n8n.start();
}

/** Runs one case, recorded on its own; a thrown error fails it with its message. */
async function runCase(record: RecordFn, name: string, run: () => Promise<string | void>): Promise<void> {
	const t = Date.now();
	try {
		const detail = await run();
		record(name, true, Date.now() - t, detail || undefined);
	} catch (e: any) {
		record(name, false, Date.now() - t, e.message);
	}
}

export async function runTriggerCases(options: TriggerOptions): Promise<void> {
	const { emu, app, record, log = () => {}, load = LOAD } = options;
	const recorder = await startRecorder();
	let server: Awaited<ReturnType<TriggerN8n['start']>> | undefined;
	try {
		server = await setUp(options, recorder.url);
		const url = server.url;
		const urlOf = (hook: string) => `${url}/webhook/${hook}/webhook`;
		await webhooksRegistered([urlOf(HOOK_AFTER), urlOf(HOOK_BEFORE)]);
		log(`[trigger] n8n started at ${url}; callbacks go to ${urlOf(HOOK_AFTER)}`);
		await emu.setOptions({ callbackUrl: urlOf(HOOK_AFTER), callbackToken: TOKEN, callbackCommands: null });
		const env: TriggerEnv = { emu, app, recorder, urlOf, load };
		for (const c of TRIGGER_CASES) await runCase(record, c.name(load), () => c.run(env));
	} catch (e: any) {
		record('trigger: set up (import, activate, n8n start)', false, 0, `${e.message}${server ? `\n${server.logs().slice(-1500)}` : ''}`);
	} finally {
		await Promise.resolve()
			.then(() => emu.setOptions({ callbackUrl: null, callbackToken: null }))
			.catch(() => {});
		if (server) await server.stop();
		await recorder.close();
	}
}
