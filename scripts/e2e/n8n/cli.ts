// Running n8n's CLI of one instance: every process in its own process group, registered, reaped on exit.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Install } from '../install';
import { killStarted, reapGroup, trackProcess } from './processes';

/** What one n8n instance's commands share: its install, user folder, environment and running children. */
export interface Instance {
	key: string;
	inst: Install;
	userFolder: string;
	env: NodeJS.ProcessEnv;
	/** Where input files for the CLI are written. */
	scratch: string;
	children: Set<ChildProcess>;
}

export interface CliResult {
	timedOut: boolean;
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface CliOptions {
	timeoutMs?: number;
	extraEnv?: Record<string, string>;
}

/** Spawns `n8n <args>` detached (its own process group: killed as a whole, task runner included) and registers it. */
export function spawnN8n(instance: Instance, args: string[], extraEnv: Record<string, string> = {}, label = `n8n ${args[0]}`): ChildProcess {
	const child = spawn(instance.inst.nodeExe, [instance.inst.n8nBin, ...args], {
		cwd: instance.userFolder,
		env: { ...instance.env, ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	instance.children.add(child);
	trackProcess(child, `${label} (${instance.key})`, { group: true });
	return child;
}

/** Forgets a child that has exited and reaps anything left in its group. */
export function reap(instance: Instance, child: ChildProcess): void {
	instance.children.delete(child);
	reapGroup(child.pid);
}

/** Runs `n8n <args>`; resolves { code, signal, stdout, stderr, ms, timedOut }. */
export function cli(instance: Instance, args: string[], { timeoutMs = 180000, extraEnv }: CliOptions = {}): Promise<CliResult> {
	const t0 = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawnN8n(instance, args, extraEnv);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout?.on('data', (c: Buffer) => out.push(c));
		child.stderr?.on('data', (c: Buffer) => err.push(c));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killStarted(child.pid);
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reap(instance, child);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			reap(instance, child);
			const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
			resolve({ timedOut, code, signal, stdout: text(out), stderr: text(err), ms: Date.now() - t0 });
		});
	});
}

let fileNo = 0;

/** Writes a JSON input file for the CLI into the instance's scratch folder; returns its path. */
export function writeInput(instance: Instance, prefix: string, data: unknown): string {
	const file = path.join(instance.scratch, `${prefix}-${++fileNo}.json`);
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

export function mustSucceed(what: string, r: CliResult): CliResult {
	if (r.code !== 0) {
		throw new Error(`${what} failed (exit ${r.code}, ${r.signal || 'no signal'}):\n${r.stdout}\n${r.stderr}`);
	}
	return r;
}
