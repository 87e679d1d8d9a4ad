// From an empty cache: `npm ci` of the versions after the first runs in the background while the first one
// installs and runs; ensureInstall finishes it later.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CACHE, REPO } from './install';
import { killStarted, trackProcess } from './n8n';
import { log, secs } from './report';

export interface Background {
	code: number | null;
	logFile: string;
}

/** Starts `install.ts <key> --npm-ci-only` (output in .cache/e2e/); resolves { code, logFile } when it ends. */
export function backgroundNpmCi(key: string): Promise<Background> {
	fs.mkdirSync(CACHE, { recursive: true });
	const logFile = path.join(CACHE, `${key}-background-install.log`);
	const out = fs.openSync(logFile, 'w');
	const tsx = pathToFileURL(require.resolve('tsx')).href;
	const child = spawn(process.execPath, ['--import', tsx, path.join(__dirname, 'install.ts'), key, '--npm-ci-only'], {
		cwd: REPO,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	trackProcess(child, `background npm ci for ${key}`, { group: true });
	log(`[${key}] not installed yet: npm ci runs in the background (pid ${child.pid}, log ${path.relative(REPO, logFile)})`);
	return new Promise((resolve) => {
		child.on('error', () => resolve({ code: -1, logFile }));
		child.on('close', (code) => {
			killStarted(child.pid);
			resolve({ code, logFile });
		});
	});
}

/** Waits for a background `npm ci` and says how it went (the last lines of its log). */
export async function awaitBackground(key: string, background: Promise<Background>): Promise<void> {
	const tw = Date.now();
	const { code, logFile } = await background;
	const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n') : [];
	const tail = lines.filter((l) => l.startsWith('[e2e:install]')).slice(-3).join('\n');
	log(`[${key}] background npm ci ${code === 0 ? 'done' : `failed (exit ${code}); installing in the foreground`} (waited ${secs(Date.now() - tw)})${tail ? `\n${tail}` : ''}`);
}
