// Entry point: in-process emulator, a spawned one (own process, for benchmarks),
// the remote client, data sets and ticket helpers.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmulatorClient, type SpawnedEmulator } from './client';
import * as datasets from './datasets';
import { Emulator, startEmulator, type StartOptions } from './server';

const READY = /Tencent Chat emulator listening on (http:\/\/\S+)/;

/** tsx's loader, so a plain `node` child runs cli.ts. */
function tsxImport(): string[] {
	return ['--import', pathToFileURL(require.resolve('tsx')).href];
}

/** The client of a started child, whose close() stops the child. */
function clientOf(child: ReturnType<typeof spawn>, url: string): SpawnedEmulator {
	const client = new EmulatorClient(url) as SpawnedEmulator;
	client.process = child;
	client.pid = child.pid;
	client.close = () =>
		new Promise<void>((done) => {
			if (child.exitCode !== null || child.signalCode !== null) return done();
			child.once('exit', () => done());
			child.kill('SIGTERM');
		});
	return client;
}

/**
 * Starts cli.ts as a child process with `options` (JSON only: no intercept).
 * Resolves to an EmulatorClient whose close() stops the child.
 */
export function spawnEmulator(options: StartOptions = {}, { startTimeoutMs = 15000 } = {}): Promise<SpawnedEmulator> {
	if (options.intercept) return Promise.reject(new Error('intercept works in-process only'));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...tsxImport(), path.join(__dirname, 'cli.ts'), '--config', '-'], {
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`emulator did not start within ${startTimeoutMs} ms: ${err}`));
		}, startTimeoutMs);
		const onExit = (code: number | null) => {
			clearTimeout(timer);
			reject(new Error(`emulator exited with code ${code}: ${err.trim()}`));
		};
		child.once('exit', onExit);
		child.stderr.on('data', (c) => (err += c));
		child.stdout.on('data', (c) => {
			out += c;
			const m = READY.exec(out);
			if (!m) return;
			clearTimeout(timer);
			child.off('exit', onExit);
			child.stdout.removeAllListeners('data');
			child.stdout.resume();
			resolve(clientOf(child, m[1]));
		});
		child.stdin.end(JSON.stringify(options));
	});
}

export { startEmulator, Emulator, EmulatorClient, datasets };
export { signUserSig, verifyUserSig, decodeUserSig, ticketId } from './usersig';

// The shapes tests and scripts meet: options, the request log, records, the spawned client.
export type { StartOptions, SpawnedEmulator };
export type { EmulatorOptions, OptionsPatch, PublicOptions } from './options';
export type { LogEntry, Stats } from './requestLog';
export type { CallbackEntry } from './callbacks';
export type { AppSpec, DataSet, GroupSpec, MemberRecord, MessageRecord, OfficialAccountSpec, SubscriberRecord } from './records';
