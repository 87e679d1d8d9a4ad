// Long-running n8n processes of one instance: `n8n start` and `n8n worker`, ready when they answer.
import { reap, spawnN8n } from './cli';
import type { Instance } from './cli';
import { freePorts, httpJson, sleep } from './http';
import { killStarted } from './processes';

export interface Server {
	url: string;
	port: number;
	pid: number | undefined;
	startMs: number;
	logs(): string;
	stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

interface ServeOptions {
	port: number;
	extraEnv?: Record<string, string>;
	isReady: (url: string) => Promise<unknown>;
	label: string;
	timeoutMs?: number;
}

/**
 * Spawns a long-running `n8n <args>` (its own process group) and resolves once `isReady(url)` holds
 * for http://127.0.0.1:<port>.
 */
export async function serve(instance: Instance, args: string[], { port, extraEnv = {}, isReady, label, timeoutMs = 120000 }: ServeOptions): Promise<Server> {
	const child = spawnN8n(instance, args, extraEnv, label);
	let logs = '';
	child.stdout?.on('data', (c) => (logs += c));
	child.stderr?.on('data', (c) => (logs += c));
	let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
	const exitPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('close', (code, signal) => {
			exited = { code, signal };
			reap(instance, child);
			resolve(exited);
		}),
	);
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (exited) return exited;
		child.kill('SIGTERM'); // n8n shuts down its task runner itself; the group is reaped on exit
		const t = setTimeout(() => !exited && killStarted(child.pid), 20000);
		const r = await exitPromise;
		clearTimeout(t);
		return r;
	};
	const t0 = Date.now();
	for (;;) {
		if (exited) throw new Error(`${label} exited early (${JSON.stringify(exited)}):\n${logs}`);
		if (Date.now() - t0 > timeoutMs) {
			await stop();
			throw new Error(`${label}: not ready after ${timeoutMs} ms:\n${logs}`);
		}
		if (await isReady(url).catch(() => false)) break;
		await sleep(250);
	}
	return { url, port, pid: child.pid, startMs: Date.now() - t0, logs: () => logs, stop };
}

/** `n8n start` on a free 127.0.0.1 port; resolves once the REST API answers. */
export async function start(instance: Instance, { timeoutMs = 120000, extraEnv = {} } = {}): Promise<Server> {
	const [port] = await freePorts(1);
	// 1.x answers every path with 200 "n8n is starting up" (and /healthz) during migrations, before the
	// REST routes exist; /rest/settings is public and gives JSON once the app is up.
	const isReady = async (url: string) => {
		const r = await httpJson('GET', `${url}/rest/settings`);
		return r.status === 200 && r.json && r.json.data;
	};
	const extra = { N8N_PORT: String(port), N8N_HOST: '127.0.0.1', N8N_PROTOCOL: 'http', ...extraEnv };
	return await serve(instance, ['start'], { port, extraEnv: extra, isReady, label: 'n8n start', timeoutMs });
}

/** `n8n worker` (queue mode) with its own health port and task broker port; resolves once it is ready. */
export async function startWorker(instance: Instance, { concurrency = 10, timeoutMs = 120000 } = {}): Promise<Server> {
	const [port, brokerPort] = await freePorts(2);
	const extraEnv = { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(brokerPort) };
	const isReady = async (url: string) => (await httpJson('GET', `${url}/healthz/readiness`)).status === 200;
	return await serve(instance, ['worker', `--concurrency=${concurrency}`], { port, extraEnv, isReady, label: 'n8n worker', timeoutMs });
}
