/*
 * End-to-end tests in a real n8n: `npm run test:e2e` (builds first; runs `tsx scripts/e2e/run.ts`).
 *
 * For each n8n version (v1: n8n 1.123.81 on Node 20, v2: n8n 2.41.1 on
 * Node 24, see ./install.ts), in ONE n8n user folder per version (./version.ts), this
 *   - installs n8n (cached under .cache/e2e/, keyed by the lockfile),
 *   - installs our `npm pack` output as a community package,
 *   - starts the Tencent Chat emulator (emulator/) in a child process, seeded
 *     with its `demo` data set plus the e2e accounts and groups (./config.ts),
 *   - imports three credentials (the e2e app, the demo app under the id the
 *     examples reference, the e2e app with a wrong key) and every workflow,
 *   - runs the batch cases in one `n8n execute-batch` process (each case uses
 *     its own official account or group, so their API calls are told apart),
 *   - runs every examples/*.json, as it is, with `n8n execute --id`,
 *   - runs the failing cases (unknown account, wrong key, persistent HTML 502,
 *     malformed JSON) with `n8n execute --id`, one emulator setting each,
 *   - runs the credential's `test` request through the REST API of `n8n start`,
 *   - runs the Tencent Chat Trigger cases under `n8n start`,
 *   - scans everything n8n printed or wrote (stdout, stderr, run data,
 *     snapshots, log files, its database) for secret keys and UserSigs.
 * The cases are data in ./cases/, run by the runners in ./runners/.
 *
 * Options: --only=v1|v2   --keep (keep the n8n user folders)   --verbose
 * Env:     E2E_VERSIONS=v1,v2 (same as --only); E2E_EXAMPLES_DIR (default <repo>/examples)
 * Prints PASS/FAIL per case and, last, `N passed, M failed`; exits 1 on any failure.
 * Every process it starts is killed by its id (process group) on exit and on
 * SIGINT/SIGTERM/SIGHUP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awaitBackground, backgroundNpmCi } from './background';
import type { Background } from './background';
import { REPO, isInstalled } from './install';
import { selfTest as leakScannerSelfTest } from './leaks';
import { killAllStarted, npmPack, stillRunning } from './n8n';
import { log, secs } from './report';
import type { Result } from './report';
import { runVersion } from './version';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const optValue = (name: string) => (args.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1];
const VERSIONS = (optValue('only') || process.env.E2E_VERSIONS || 'v1,v2').split(',').map((s) => s.trim()).filter(Boolean);
const OPTIONS = { keep: flag('keep'), verbose: flag('verbose'), cleanups: new Set<() => void>() };
const BUILT = ['emulator/index', 'dist/nodes/TencentChatOfficialAccount/TencentChatOfficialAccount.node.js'];

const RESULTS: Result[] = [];
let finished = false;

function summaryLine() {
	const passed = RESULTS.filter((r) => r.ok).length;
	return { passed, failed: RESULTS.length - passed };
}

function checkReady(): void {
	for (const key of VERSIONS) {
		if (!['v1', 'v2'].includes(key)) throw new Error(`unknown version ${key}`);
	}
	for (const f of BUILT) {
		const found = ['', '.js', '.ts'].some((ext) => fs.existsSync(path.join(REPO, f + ext)));
		if (!found) throw new Error(`${f} is missing (run \`npm run build\` first)`);
	}
	leakScannerSelfTest();
}

/** Packs the package, then runs each version in turn (waiting for its background install first). */
async function runVersions(): Promise<void> {
	const background: Partial<Record<string, Promise<Background>>> = {};
	for (const key of VERSIONS.slice(1)) if (!isInstalled(key)) background[key] = backgroundNpmCi(key);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	const removePackDir = () => fs.rmSync(packDir, { recursive: true, force: true });
	OPTIONS.cleanups.add(removePackDir);
	try {
		const tgz = npmPack(REPO, packDir);
		log(`packed ${path.basename(tgz)}`);
		for (const key of VERSIONS) {
			const pending = background[key];
			if (pending) await awaitBackground(key, pending);
			const tv = Date.now();
			await runVersion(key, tgz, RESULTS, OPTIONS);
			log(`[${key}] done in ${secs(Date.now() - tv)}`);
		}
	} finally {
		removePackDir();
		OPTIONS.cleanups.delete(removePackDir);
	}
}

/** The last case: every process the run started has exited. */
function checkAllExited(): void {
	const { checked, alive: left } = stillRunning();
	const name = `every process the run started has exited (${checked} processes and process groups checked)`;
	RESULTS.push({ key: 'all', name, ok: left.length === 0 });
	log(`${left.length ? 'FAIL' : 'PASS'} [all] ${name}${left.length ? `: ${left.map((p) => `${p.pid} ${p.label}`).join(', ')}` : ''}`);
	killAllStarted();
}

async function main(): Promise<void> {
	const t0 = Date.now();
	checkReady();
	await runVersions();
	checkAllExited();
	const { passed, failed } = summaryLine();
	log(`e2e finished in ${secs(Date.now() - t0)}`);
	finished = true;
	log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || RESULTS.length === 0 ? 1 : 0;
}

function abort(why: string): never {
	killAllStarted();
	for (const cleanup of OPTIONS.cleanups) {
		try {
			cleanup();
		} catch {
			/* best effort */
		}
	}
	if (!finished) {
		finished = true;
		const { passed, failed } = summaryLine();
		log(`FAIL e2e runner: ${why}; every process it started was killed`);
		log(`${passed} passed, ${failed + 1} failed`);
	}
	process.exit(1);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => abort(`interrupted by ${sig}`));
process.on('exit', () => killAllStarted());

main().catch((e) => abort(e.stack || e.message));
