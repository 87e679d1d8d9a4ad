// Process environment for n8n-core. Must run BEFORE n8n-core is first required:
// n8n-core reads N8N_USER_FOLDER when it creates its instance settings and writes
// an instance config (with an encryption key) there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'n8n-harness-';
let userFolder: string | undefined; // one per module registry, i.e. per jest test file

// Jest gives each test file a copy of `process` whose 'exit' never fires, so the
// folder goes in afterAll when we can register it (harness required at the top
// of a test file), else at a real process exit; folders of dead processes are
// swept at the next start.
function createUserFolder(): string {
	sweepStaleFolders();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
	const remove = () => fs.rmSync(dir, { recursive: true, force: true });
	try {
		globalThis.afterAll(remove);
	} catch {
		process.once('exit', remove);
	}
	return dir;
}

function sweepStaleFolders(): void {
	for (const name of fs.readdirSync(os.tmpdir())) {
		const pid = Number(name.startsWith(PREFIX) && name.slice(PREFIX.length).split('-')[0]);
		if (!pid || pid === process.pid || isAlive(pid)) continue;
		fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * `logLevel` is n8n's log level (N8N_LOG_LEVEL): n8n logs every node error with its stack at 'error'.
 * Default 'silent', or the env var.
 */
export function prepareEnv({ logLevel }: { logLevel?: string } = {}): { userFolder: string; logLevel: string | undefined } {
	userFolder ??= createUserFolder();
	process.env.N8N_USER_FOLDER = userFolder;
	if (logLevel !== undefined) process.env.N8N_LOG_LEVEL = logLevel;
	// Quiet, offline defaults; a caller's explicit setting wins.
	const defaults = {
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_LOG_LEVEL: 'silent',
		// Legacy (in-process) expression engine: the 'vm' engine needs isolated-vm,
		// whose native install script is skipped on Node 20.
		N8N_EXPRESSION_ENGINE: 'legacy',
	};
	for (const [key, value] of Object.entries(defaults)) {
		if (process.env[key] === undefined) process.env[key] = value;
	}
	return { userFolder, logLevel: process.env.N8N_LOG_LEVEL };
}
