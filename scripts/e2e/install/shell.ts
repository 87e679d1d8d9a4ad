// Where the e2e installs live, and how they run their commands.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptions } from 'node:child_process';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CACHE = path.join(REPO, '.cache', 'e2e');
/** Written at the end of an install: a folder without it is half-finished and is wiped. */
export const MARKER = '.e2e-install-complete.json';

export function log(msg: string): void {
	process.stderr.write(`[e2e:install] ${msg}\n`);
}

export function secs(t0: number): string {
	return ((Date.now() - t0) / 1000).toFixed(1) + ' s';
}

/** Runs a command with its output on ours; throws when it fails; returns how long it took (ms). */
export function run(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }): number {
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
export function envWith(pathPrefix: string | null, extra: Record<string, string>): NodeJS.ProcessEnv {
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
