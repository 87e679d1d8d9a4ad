// sqlite3's native module for an n8n install. sqlite3 is an N-API addon, so a build made under Node N loads
// under every Node >= N: the first install compiles it and keeps the binary in .cache/e2e/sqlite3-builds/
// <version>-node<major>/; later installs of the same version copy it when it opens a database under their Node.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CACHE, REPO, log, run } from './shell';

const SQLITE_BUILDS = path.join(CACHE, 'sqlite3-builds');
const SQLITE_CHECK =
	"const s = require('sqlite3'); new s.Database(':memory:').get('select sqlite_version() as v', (e, r) => " +
	"{ if (e) { console.error(e.message); process.exit(1); } console.log('sqlite3 ' + r.v + ' works under ' + process.version); });";

const sqliteModuleDir = (dir: string): string => path.join(dir, 'node_modules', 'sqlite3');
const sqliteBinary = (dir: string): string => path.join(sqliteModuleDir(dir), 'build', 'Release', 'node_sqlite3.node');
const sqliteVersion = (dir: string): string => JSON.parse(fs.readFileSync(path.join(sqliteModuleDir(dir), 'package.json'), 'utf8')).version;

function sqliteWorks(dir: string, nodeExe: string, env: NodeJS.ProcessEnv): boolean {
	const r = spawnSync(nodeExe, ['-e', SQLITE_CHECK], { cwd: dir, env, encoding: 'utf8' });
	if (r.status === 0) log(`  ${r.stdout.trim()}`);
	return r.status === 0;
}

/** Kept builds of this sqlite3 version made under a Node major <= nodeMajor, newest Node first. */
function keptBuilds(version: string, nodeMajor: number): string[] {
	if (!fs.existsSync(SQLITE_BUILDS)) return [];
	const pattern = new RegExp(`^${version.replace(/\./g, '\\.')}-node(\\d+)$`);
	return fs
		.readdirSync(SQLITE_BUILDS)
		.map((name) => ({ name, m: pattern.exec(name) }))
		.filter(({ m }) => m && Number(m[1]) <= nodeMajor)
		.sort((a, b) => Number(b.m?.[1]) - Number(a.m?.[1]))
		.map(({ name }) => name);
}

/** Copies a kept sqlite3 build made under a Node major <= nodeMajor; true when it works here. */
export function reuseSqliteBuild(dir: string, nodeExe: string, nodeMajor: number, env: NodeJS.ProcessEnv): boolean {
	const version = sqliteVersion(dir);
	for (const name of keptBuilds(version, nodeMajor)) {
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
export function keepSqliteBuild(dir: string, nodeMajor: number): void {
	const target = path.join(SQLITE_BUILDS, `${sqliteVersion(dir)}-node${nodeMajor}`);
	const tmp = `${target}.tmp-${process.pid}`;
	fs.rmSync(tmp, { recursive: true, force: true });
	fs.mkdirSync(tmp, { recursive: true });
	fs.copyFileSync(sqliteBinary(dir), path.join(tmp, 'node_sqlite3.node'));
	fs.rmSync(target, { recursive: true, force: true });
	fs.renameSync(tmp, target);
}

/** Compiles sqlite3 for this install (about 1.5 to 2 minutes) and keeps the build; returns how long it took. */
export function compileSqlite(dir: string, nodeExe: string, nodeMajor: number, env: NodeJS.ProcessEnv): number {
	// build_from_source: skip prebuild-install's download attempt (only the npm
	// registry is reachable); JOBS: let node-gyp's make use every core.
	const ms = run('npm', ['rebuild', 'sqlite3'], { cwd: dir, env: { ...env, npm_config_build_from_source: 'true', JOBS: 'max' } });
	// Check that the native module works in the Node that will run n8n.
	if (!sqliteWorks(dir, nodeExe, env)) throw new Error(`sqlite3 does not work under ${nodeExe} after the rebuild`);
	keepSqliteBuild(dir, nodeMajor);
	return ms;
}
