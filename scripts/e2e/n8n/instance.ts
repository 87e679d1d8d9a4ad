/*
 * A real n8n (installed by ../install.ts) driven from Node, with only Node built-ins.
 *
 *   const tgz = npmPack(repoDir, outDir);
 *   const n8n = await createN8n('v2');            // fresh N8N_USER_FOLDER
 *   n8n.installPackage(tgz);                      // as a community package
 *   await n8n.importCredentials({ id, name, type, data });
 *   await n8n.importWorkflow({ id, name, nodes, connections, ... });
 *   const { code, json, stdout, stderr } = await n8n.execute(id);
 *   const batch = await n8n.executeBatch([id1, id2]); // one process, batch.runs[id].json
 *   const server = await n8n.start();             // `n8n start` on a free port
 *   const rest = await n8n.restOwnerLogin(server.url);
 *   await rest.testCredential({ name, type, data });
 *   await server.stop();
 *   n8n.cleanup();
 *
 * Every n8n process gets: a fresh user folder (sqlite DB inside it), a fixed
 * N8N_ENCRYPTION_KEY for the instance, the task-runner broker moved off 5679
 * onto a free port, diagnostics/version checks/personalisation off, log level
 * info (the `execute` JSON is printed at info) to the console and to
 * <userFolder>/.n8n/logs/n8n.log (so the log files can be checked too), and
 * for n8n 1.x the legacy expression engine (the `vm` one needs isolated-vm,
 * not built here).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstall } from '../install';
import type { Install } from '../install';
import { cli } from './cli';
import type { CliOptions, Instance } from './cli';
import { execute, executeBatch, importCredentials, importWorkflow } from './commands';
import { freePorts } from './http';
import { installPackage } from './pack';
import { killStarted } from './processes';
import { restOwnerLogin } from './rest';
import { start, startWorker } from './serve';

export interface N8nOptions {
	userFolder?: string;
	encryptionKey?: string;
	logLevel?: string;
	env?: Record<string, string>;
	keep?: boolean;
}

/** The environment of every process of one instance. */
function instanceEnv(inst: Install, userFolder: string, encryptionKey: string, brokerPort: number, options: N8nOptions): NodeJS.ProcessEnv {
	const n8nDir = path.join(userFolder, '.n8n');
	return {
		...inst.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		DB_SQLITE_DATABASE: path.join(n8nDir, 'database.sqlite'),
		N8N_LOG_LEVEL: options.logLevel || 'info',
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: path.join(n8nDir, 'logs', 'n8n.log'),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		...(inst.n8nVersion.startsWith('1.') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...(options.env || {}),
	};
}

/** The instance's commands, bound to it. */
function commandsOf(instance: Instance, options: N8nOptions) {
	return {
		cli: (args: string[], opts?: CliOptions) => cli(instance, args, opts),
		installPackage: (tgzPath: string) => installPackage(instance.userFolder, tgzPath),
		importCredentials: (json: object | object[]) => importCredentials(instance, json),
		importWorkflow: (json: any) => importWorkflow(instance, json),
		execute: (id: string, opts?: CliOptions) => execute(instance, id, opts),
		executeBatch: (ids: string[], opts?: { timeoutMs?: number }) => executeBatch(instance, ids, opts),
		start: (opts?: { timeoutMs?: number; extraEnv?: Record<string, string> }) => start(instance, opts),
		startWorker: (opts?: { concurrency?: number; timeoutMs?: number }) => startWorker(instance, opts),
		restOwnerLogin,
		/** Kills any n8n child still running (by PID) and removes the user folder. */
		cleanup: () => {
			for (const c of instance.children) killStarted(c.pid);
			if (!options.keep) fs.rmSync(instance.userFolder, { recursive: true, force: true });
		},
	};
}

/**
 * A fresh n8n instance of install `key` ('v1' | 'v2'): own user folder, DB,
 * encryption key and broker port. Installs n8n first if needed (cached).
 */
export async function createN8n(key: string, options: N8nOptions = {}) {
	const inst = ensureInstall(key);
	const userFolder = options.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${key}-`));
	fs.mkdirSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	const encryptionKey = options.encryptionKey || crypto.randomBytes(24).toString('hex');
	const [brokerPort] = await freePorts(1);
	const env = instanceEnv(inst, userFolder, encryptionKey, brokerPort, options);
	const scratch = path.join(userFolder, 'e2e-inputs');
	fs.mkdirSync(scratch, { recursive: true });
	const instance: Instance = { key, inst, userFolder, env, scratch, children: new Set() };
	return { key, install: inst, userFolder, encryptionKey, env, ...commandsOf(instance, options) };
}

/** An n8n instance as createN8n gives it. */
export type N8n = Awaited<ReturnType<typeof createN8n>>;
