// Redis and Postgres from Debian's packages for the queue-mode test: installed when missing (apt-get, as
// root), started in the foreground on loopback ports of their own with throwaway data folders, and stopped
// by their process id.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';
import { trackProcess, killStarted } from '../e2e/n8n';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const log = (message: string) => process.stdout.write(`[scale:services] ${message}\n`);

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
	const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
	return String(result.stdout);
}

/** Installs redis-server and postgresql from Debian's packages unless both are there. */
function ensurePackages() {
	const missing: string[] = [];
	if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) missing.push('redis-server');
	if (!fs.existsSync(path.join(PG_BIN, 'postgres'))) missing.push('postgresql');
	if (!missing.length) return;
	log(`apt-get install ${missing.join(' ')}`);
	run('apt-get', ['update', '-qq'], { timeout: 300_000 });
	run('apt-get', ['install', '-y', '-qq', ...missing], { timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function portOpen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
		socket.on('error', () => resolve(false));
	});
}

/** Spawns a long-running service in the foreground, tracked by pid; resolves when its port answers. */
/** A started service: its process id and port, what it printed, and `stop(signal)`, which resolves when it has exited. */
interface Service {
	pid: number;
	port: number;
	logs: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<Exit>;
}
type Exit = { code: number | null; signal: NodeJS.Signals | null };

async function startService(label: string, command: string, args: string[], port: number, { timeoutMs = 30_000, ...options }: SpawnOptions & { timeoutMs?: number } = {}): Promise<Service> {
	// Its own process group, so a kill by id also takes what it started (runuser starts postgres).
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
	trackProcess(child, label, { group: true });
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	let exited: Exit | null = null;
	const exit = new Promise<Exit>((resolve) =>
		child.on('exit', (code, signal) => {
			killStarted(child.pid); // the group's leftovers, if any; and out of the registry
			resolve((exited = { code, signal }));
		}),
	);
	const started = Date.now();
	while (!(await portOpen(port))) {
		if (exited) throw new Error(`${label} exited at start (${JSON.stringify(exited)}):\n${output}`);
		if (Date.now() - started > timeoutMs) throw new Error(`${label}: port ${port} not open after ${timeoutMs} ms:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	log(`${label} pid ${child.pid} on 127.0.0.1:${port} in ${Date.now() - started} ms`);
	const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> => {
		if (exited) return exited;
		child.kill(signal);
		const timer = setTimeout(() => killStarted(child.pid), 15_000);
		const result = await exit;
		clearTimeout(timer);
		return result;
	};
	return { pid: child.pid!, port, logs: () => output, stop };
}

function startRedis(port: number): Promise<Service> {
	return startService('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], port);
}

/** A throwaway cluster owned by the postgres user, with database and user `n8n`. */
async function startPostgres(port: number) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-pg-'));
	fs.chmodSync(dir, 0o755);
	const data = path.join(dir, 'data');
	fs.mkdirSync(data, { mode: 0o700 });
	run('chown', ['-R', 'postgres:postgres', dir]);
	const asPostgres = (args: string[]) => ['-u', 'postgres', '--', ...args];
	run('runuser', asPostgres([path.join(PG_BIN, 'initdb'), '-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']));
	const server = await startService('postgres', 'runuser', asPostgres([path.join(PG_BIN, 'postgres'), '-D', data, '-p', String(port), '-k', dir, '-h', '127.0.0.1', '-c', 'fsync=off']), port);
	const psql = (sql: string) => run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
	psql("CREATE USER n8n WITH PASSWORD 'n8n'");
	psql('CREATE DATABASE n8n OWNER n8n');
	return {
		...server,
		psql,
		// SIGINT to the postmaster itself is Postgres's fast shutdown; runuser then exits, and the folder goes.
		stop: async () => {
			const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
			if (postmaster > 0) process.kill(postmaster, 'SIGINT');
			const result = await server.stop('SIGINT');
			fs.rmSync(dir, { recursive: true, force: true });
			return result;
		},
	};
}

export { ensurePackages, startRedis, startPostgres };
