'use strict';
// Captures everything written through console.* and the process streams, so a
// test can assert that no secret reached any output during a run.
const { format, inspect } = require('node:util');

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'];

/** @param {{ passthrough?: boolean }} [options] passthrough also writes to the real output */
function captureConsole({ passthrough = false } = {}) {
	const chunks = [];
	const restore = [];

	const patch = (target, key, replacement) => {
		const original = target[key];
		const own = Object.prototype.hasOwnProperty.call(target, key);
		restore.push(() => {
			if (own) target[key] = original;
			else delete target[key];
		});
		target[key] = replacement(original);
	};

	for (const method of CONSOLE_METHODS) {
		patch(console, method, (original) => (...args) => {
			chunks.push((method === 'dir' ? inspect(args[0], args[1]) : format(...args)) + '\n');
			if (passthrough) original.apply(console, args);
		});
	}
	// Loggers (winston) write to console._stdout / _stderr directly; under jest
	// these are jest's own streams, not process.stdout.
	const streams = new Set([process.stdout, process.stderr, console._stdout, console._stderr].filter(Boolean));
	for (const stream of streams) {
		patch(stream, 'write', (original) => (chunk, encoding, callback) => {
			const enc = typeof encoding === 'string' ? encoding : 'utf8';
			chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(enc));
			if (passthrough) return original.call(stream, chunk, encoding, callback);
			const done = typeof encoding === 'function' ? encoding : callback;
			if (typeof done === 'function') process.nextTick(done);
			return true;
		});
	}

	let stopped = false;
	return {
		stop() {
			if (!stopped) {
				stopped = true;
				for (const undo of restore.reverse()) undo();
			}
			return chunks.join('');
		},
	};
}

module.exports = { captureConsole };
