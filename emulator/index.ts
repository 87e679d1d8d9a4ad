'use strict';
// Entry point: in-process emulator, a spawned one (own process, for benchmarks),
// the remote client, data sets and ticket helpers.

const path = require('node:path');
const { spawn } = require('node:child_process');
const { startEmulator, Emulator } = require('./server');
const { EmulatorClient } = require('./client');
const datasets = require('./datasets');
const usersig = require('./usersig');

const READY = /Tencent Chat emulator listening on (http:\/\/\S+)/;

/**
 * Starts cli.js as a child process with `options` (JSON only: no intercept).
 * Resolves to an EmulatorClient whose close() stops the child.
 */
function spawnEmulator(options = {}, { startTimeoutMs = 15000 } = {}) {
	if (options.intercept) return Promise.reject(new Error('intercept works in-process only'));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--config', '-'], {
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`emulator did not start within ${startTimeoutMs} ms: ${err}`));
		}, startTimeoutMs);
		const onExit = (code) => {
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
			const client = new EmulatorClient(m[1]);
			client.process = child;
			client.pid = child.pid;
			client.close = () =>
				new Promise((done) => {
					if (child.exitCode !== null || child.signalCode !== null) return done();
					child.once('exit', () => done());
					child.kill('SIGTERM');
				});
			resolve(client);
		});
		child.stdin.end(JSON.stringify(options));
	});
}

module.exports = {
	startEmulator,
	spawnEmulator,
	Emulator,
	EmulatorClient,
	datasets,
	signUserSig: usersig.signUserSig,
	verifyUserSig: usersig.verifyUserSig,
	decodeUserSig: usersig.decodeUserSig,
	ticketId: usersig.ticketId,
};
