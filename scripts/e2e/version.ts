// One n8n version's run, in ONE n8n user folder: set-up, the batch, the examples, the failing runs, the credential
// test, the trigger under `n8n start`, and the scan of what n8n wrote.
import { spawnEmulator } from '../../emulator';
import { OFFICIAL_ACCOUNT_CASES } from './cases/officialAccount';
import { BATCH_CASES as GROUP_MEMBER_CASES } from './cases/groupMembers';
import { CONTINUE_CASES, FAILURE_CASES } from './cases/failures';
import { GROUP_CASES } from './cases/groups';
import { MESSAGE_CASES } from './cases/messages';
import { SUBSCRIBER_CASES } from './cases/subscribers';
import { runTriggerCases } from './cases/trigger';
import type { E2eCase } from './cases/types';
import { EMULATOR_OPTIONS, credentialsFor } from './config';
import { createN8n, trackProcess } from './n8n';
import type { N8n } from './n8n';
import { runCredentialTest } from './phases/credentialTest';
import { scanUserFolder } from './phases/userFolder';
import { createReport, log, outputTexts } from './report';
import type { Result } from './report';
import { runBatch } from './runners/batch';
import { loadExamples, runExamples } from './runners/examples';
import type { Example } from './runners/examples';
import { runSingles } from './runners/single';
import type { VersionEnv } from './runners/types';
import { APP } from './workflows';

/**
 * n8n 2.x starts an expression isolate for every webhook request to any trigger but its own Webhook node,
 * unless isolates are acquired only when an expression runs: with n8n's defaults it holds about 15 callbacks
 * a second on 2 cores, with this setting 20 with a p99 of 0.14 s. The README recommends it for callback-heavy apps.
 */
const N8N_SETTINGS: Record<string, Record<string, string>> = { v1: {}, v2: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } };

export const BATCH: E2eCase[] = [...SUBSCRIBER_CASES, ...MESSAGE_CASES, ...GROUP_CASES, ...CONTINUE_CASES, ...OFFICIAL_ACCOUNT_CASES, ...GROUP_MEMBER_CASES];
export const SINGLE: E2eCase[] = FAILURE_CASES;

export interface VersionOptions {
	keep: boolean;
	verbose: boolean;
	/** Synchronous cleanups for an abort (the n8n user folder). */
	cleanups: Set<() => void>;
}

/** Installs the package and imports the three credentials and every workflow; false when that failed. */
async function setUp({ n8n, emu, report }: VersionEnv, tgz: string, examples: Example[]): Promise<boolean> {
	const t1 = Date.now();
	try {
		const pkg = n8n.installPackage(tgz);
		const imports = [await n8n.importCredentials(credentialsFor(emu.url))];
		const workflows = [...BATCH, ...SINGLE].map((c) => c.workflow).concat(examples.map((e) => e.workflow));
		imports.push(await n8n.importWorkflow(workflows));
		report.assertNoLeak(imports.flatMap((r, i) => outputTexts(`import ${i + 1}`, { ...r, json: null })));
		const notes = examples.map((e) => `${e.file} ${e.idNote}`).join(', ');
		report.record(`install ${pkg.name}@${pkg.version}, import 3 credentials and ${workflows.length} workflows (${examples.length} examples: ${notes})`, true, Date.now() - t1);
		return true;
	} catch (e: any) {
		report.record('install the package, import the credentials and workflows', false, Date.now() - t1, e.message);
		return false;
	}
}

/** Every phase after the set-up, in order. */
async function runPhases(env: VersionEnv, examples: Example[]): Promise<void> {
	await runBatch(env, BATCH);
	await runExamples(env, examples);
	await runSingles(env, SINGLE);
	await runCredentialTest(env);
	await env.emu.reset();
	const load = { count: 1000, ratePerSecond: 20 };
	const record = (name: string, ok: boolean, ms: number, detail?: string) => env.report.record(`Trigger: ${name}`, ok, ms, detail);
	await runTriggerCases({ n8n: env.n8n, emu: env.emu, app: APP, record, log, load });
	scanUserFolder(env);
	const { texts, bytes, longRuns } = env.report.scanner.stats;
	log(`[${env.key}] leak scan: ${texts} texts, ${(bytes / 1e6).toFixed(1)} MB, ${longRuns} runs of 100+ ticket characters decoded, none a UserSig unless reported above`);
}

export async function runVersion(key: string, tgz: string, results: Result[], { keep, verbose, cleanups }: VersionOptions): Promise<void> {
	const report = createReport(key, results, verbose);
	let emu: VersionEnv['emu'] | undefined;
	let n8n: N8n | undefined;
	try {
		const t0 = Date.now();
		try {
			n8n = await createN8n(key, { keep, env: N8N_SETTINGS[key] });
			cleanups.add(n8n.cleanup);
		} catch (e: any) {
			return report.record(`install and set up n8n ${key}`, false, Date.now() - t0, e.message);
		}
		log(`[${key}] n8n ${n8n.install.n8nVersion} (node ${n8n.install.nodeExe}), user folder ${n8n.userFolder}`);
		emu = (await spawnEmulator(EMULATOR_OPTIONS)) as VersionEnv['emu'];
		trackProcess(emu.process, `emulator (${key})`);
		log(`[${key}] emulator ${emu.url} (pid ${emu.pid})`);
		const env: VersionEnv = { key, n8n, emu, report };
		const examples = loadExamples();
		if (await setUp(env, tgz, examples)) await runPhases(env, examples);
	} finally {
		if (emu) await emu.close();
		if (n8n) {
			n8n.cleanup();
			cleanups.delete(n8n.cleanup);
		}
	}
}
