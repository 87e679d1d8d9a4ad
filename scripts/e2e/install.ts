/*
 * Installs a pinned real n8n for the end-to-end tests, outside git, in
 *   <repo>/.cache/e2e/<key>-<sha256(package-lock.json) first 12 hex>/
 * (.cache/ is git-ignored). The package.json + package-lock.json that define
 * each install live beside this file in n8n-<key>/.
 *
 *   v1: n8n 1.123.81 on the machine's Node 20
 *   v2: n8n 2.41.1 on Node 24.21.0, itself taken from the npm registry
 *       (`npm i node@24.21.0`) into <repo>/.cache/e2e/node-24.21.0/ (./install/node24.ts)
 *
 * Steps: copy package.json + lockfile, `npm ci --ignore-scripts`
 * (isolated-vm's install script fails here and n8n does not need it when it
 * runs workflows from the CLI), then sqlite3's native module (./install/sqlite3.ts).
 * A marker file is written at the end; a folder without it is a half-finished install and is wiped.
 *
 * Usage: npx tsx scripts/e2e/install.ts [v1|v2|all] [--npm-ci-only]   (default: all)
 * API:   ensureInstall('v2') -> { key, dir, n8nBin, nodeExe, pathPrefix, env, n8nVersion }
 *
 * Nothing is installed globally: only npm's own download cache (~/.npm) is
 * shared, as with any npm install.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureNode24, NODE24_VERSION } from './install/node24';
import { CACHE, MARKER, REPO, envWith, log, run, secs } from './install/shell';
import { compileSqlite, keepSqliteBuild, reuseSqliteBuild } from './install/sqlite3';

export { REPO, CACHE, reuseSqliteBuild, keepSqliteBuild };

/** Written after `npm ci`: a folder with it (and without MARKER) only needs the sqlite3 step. */
const CI_MARKER = '.e2e-npm-ci-complete.json';

export const VERSIONS: Record<string, { n8n: string; node: string; nodeMajor: number }> = {
	v1: { n8n: '1.123.81', node: 'system', nodeMajor: 20 },
	v2: { n8n: '2.41.1', node: NODE24_VERSION, nodeMajor: 24 },
};

export interface Toolchain {
	nodeExe: string;
	pathPrefix: string;
	extraEnv: Record<string, string>;
}

export interface Install {
	key: string;
	dir: string;
	n8nVersion: string;
	n8nBin: string;
	nodeExe: string;
	pathPrefix: string;
	env: NodeJS.ProcessEnv;
}

export function lockHash(key: string): string {
	const lock = fs.readFileSync(path.join(__dirname, `n8n-${key}`, 'package-lock.json'));
	return crypto.createHash('sha256').update(lock).digest('hex').slice(0, 12);
}

export function installDir(key: string): string {
	return path.join(CACHE, `${key}-${lockHash(key)}`);
}

/** Node toolchain (exe, PATH prefix, extra env) for an install key. */
export function toolchain(key: string, { install = true } = {}): Toolchain {
	const spec = VERSIONS[key];
	if (!spec) throw new Error(`unknown e2e version key "${key}" (use ${Object.keys(VERSIONS).join(', ')})`);
	if (spec.node === 'system') {
		const major = Number(process.versions.node.split('.')[0]);
		if (major !== spec.nodeMajor) log(`warning: ${key} expects Node ${spec.nodeMajor}, running on ${process.version}`);
		return { nodeExe: process.execPath, pathPrefix: path.dirname(process.execPath), extraEnv: {} };
	}
	if (!install) throw new Error('Node 24 not installed');
	const n = ensureNode24();
	// Env beats the user's ~/.npmrc (which may set nodedir=/usr, the Node 20 headers).
	return { nodeExe: n.nodeExe, pathPrefix: n.binDir, extraEnv: { npm_config_nodedir: n.nodedir } };
}

function describeInstall(key: string, dir: string, tc: Toolchain): Install {
	return {
		key,
		dir,
		n8nVersion: VERSIONS[key].n8n,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeExe: tc.nodeExe,
		pathPrefix: tc.pathPrefix,
		env: envWith(tc.pathPrefix, tc.extraEnv),
	};
}

/** True when the n8n for `key` is installed completely (no work left for ensureInstall). */
export function isInstalled(key: string): boolean {
	return fs.existsSync(path.join(installDir(key), MARKER));
}

/** `npm ci` into the install folder unless it was done already; returns how long it took (ms). */
function npmCiStep(key: string, dir: string, env: NodeJS.ProcessEnv, nodeVersion: string): number {
	const ciMarker = path.join(dir, CI_MARKER);
	if (fs.existsSync(ciMarker)) {
		log(`${key}: npm ci already done in ${path.relative(REPO, dir)}`);
		return JSON.parse(fs.readFileSync(ciMarker, 'utf8')).ms || 0;
	}
	if (fs.existsSync(dir)) {
		log(`${key}: removing half-finished ${path.relative(REPO, dir)}`);
		fs.rmSync(dir, { recursive: true, force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
	const src = path.join(__dirname, `n8n-${key}`);
	for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(src, f), path.join(dir, f));
	log(`${key}: n8n ${VERSIONS[key].n8n} with node ${nodeVersion} into ${path.relative(REPO, dir)}`);
	const ms = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env });
	fs.writeFileSync(ciMarker, JSON.stringify({ ms }) + '\n');
	return ms;
}

/**
 * Installs (or reuses) the n8n for `key`. Returns paths and env to run it.
 * { npmCiOnly: true } stops after `npm ci` (run.ts does that in the background
 * for the next version while it tests the first); a later call finishes the install.
 */
export function ensureInstall(key: string, { npmCiOnly = false } = {}): Install {
	const tAll = Date.now();
	const tc = toolchain(key);
	const dir = installDir(key);
	const marker = path.join(dir, MARKER);
	if (fs.existsSync(marker)) {
		log(`${key}: reusing ${path.relative(REPO, dir)}`);
		return describeInstall(key, dir, tc);
	}
	const env = envWith(tc.pathPrefix, tc.extraEnv);
	const node = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
	const ciMs = npmCiStep(key, dir, env, node);
	if (npmCiOnly) return describeInstall(key, dir, tc);
	const nodeMajor = Number(node.replace(/^v/, '').split('.')[0]);
	const reused = reuseSqliteBuild(dir, tc.nodeExe, nodeMajor, env);
	const rebuildMs = reused ? 0 : compileSqlite(dir, tc.nodeExe, nodeMajor, env);
	const sqlite3 = reused ? 'reused' : 'compiled';
	const info = { key, n8n: VERSIONS[key].n8n, node, lockHash: lockHash(key), npmCiMs: ciMs, sqlite3, rebuildSqlite3Ms: rebuildMs, totalMs: Date.now() - tAll, finishedAt: new Date().toISOString() };
	fs.writeFileSync(marker, JSON.stringify(info, null, 2) + '\n');
	log(`${key}: installed in ${secs(tAll)} (npm ci ${(ciMs / 1000).toFixed(1)} s, sqlite3 ${reused ? 'reused' : `rebuild ${(rebuildMs / 1000).toFixed(1)} s`})`);
	return describeInstall(key, dir, tc);
}

function cli(argv: string[]): void {
	const npmCiOnly = argv.includes('--npm-ci-only');
	const arg = argv.find((a) => !a.startsWith('--')) || 'all';
	const keys = arg === 'all' ? Object.keys(VERSIONS) : [arg];
	try {
		for (const k of keys) {
			const t0 = Date.now();
			const r = ensureInstall(k, { npmCiOnly });
			log(`${k}: ${npmCiOnly ? 'npm ci done' : 'ready'} (${secs(t0)}): ${r.n8nBin}`);
		}
	} catch (e: any) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}

if (require.main === module) cli(process.argv.slice(2));
