// Captures everything written through console.* and the process streams, so a
// test can assert that no secret reached any output during a run.
import { format, inspect } from 'node:util';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'];

export interface ConsoleCapture {
	/** Restores the output (once) and returns everything captured. */
	stop(): string;
}

/** `passthrough` also writes to the real output. */
export function captureConsole({ passthrough = false }: { passthrough?: boolean } = {}): ConsoleCapture {
	const chunks: string[] = [];
	const restore: Array<() => void> = [];

	const patch = (target: any, key: string, replacement: (original: any) => any) => {
		const original = target[key];
		const own = Object.prototype.hasOwnProperty.call(target, key);
		restore.push(() => {
			if (own) target[key] = original;
			else delete target[key];
		});
		target[key] = replacement(original);
	};

	for (const method of CONSOLE_METHODS) {
		patch(console, method, (original) => (...args: any[]) => {
			chunks.push((method === 'dir' ? inspect(args[0], args[1]) : format(...args)) + '\n');
			if (passthrough) original.apply(console, args);
		});
	}
	// Loggers (winston) write to console._stdout / _stderr directly; under jest
	// these are jest's own streams, not process.stdout.
	const jestConsole = console as unknown as { _stdout?: NodeJS.WriteStream; _stderr?: NodeJS.WriteStream };
	const streams = new Set([process.stdout, process.stderr, jestConsole._stdout, jestConsole._stderr].filter(Boolean));
	for (const stream of streams) {
		patch(stream, 'write', (original) => (chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error) => void), callback?: (error?: Error) => void) => {
			const enc = (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding;
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
