// Shared pieces of the benchmark: the emulator in its own process, the engine harness, timings, and how a
// scenario runs (its bench, a warm-up, the median of several runs, a failed check).

import fs from 'node:fs';
import os from 'node:os';
import { spawnEmulator } from '../emulator';
import { createHarness } from '../test/harness';

/** What a scenario runs against: the spawned emulator, the engine harness and credentials for the emulator. */
export interface Bench {
	emu: any;
	harness: any;
	credentials: ReturnType<typeof credentialsFor>;
}

export interface BenchOptions {
	emulator?: object;
	harness?: object;
}

export interface NodeTiming {
	startTime: number;
	executionTime: number;
}

export interface CallStats {
	calls: number;
	firstArrival: number | null;
	lastArrival: number | null;
	maxPerSecond: number;
	rateLimited: number;
	errors: unknown;
	distinctTicketIds: number;
}

export interface CpuUse {
	nodeProcessCpuMs: number;
	emulatorCpuMs: number | null;
	loadAverage: number[];
}

export interface Memory {
	rssMb: number;
	heapUsedMb: number;
	maxRssMb: number;
}

const APP = {
	sdkAppId: 1400099999,
	secretKey: 'bench-secret-4c1d9e7a2b5f8c3e6a9d0b1e4f7a2c5d',
	admins: ['administrator'],
};
/** The conditions every scenario runs under (the issue's): 50 ms per call, Tencent's 200 calls/s per API. */
const EMULATOR = { latencyMs: 50, rateLimit: true, ratePerSecond: 200 };

function credentialsFor(emu: { url: string }) {
	return {
		sdkAppId: APP.sdkAppId,
		region: 'custom',
		baseUrl: emu.url,
		identifier: 'administrator',
		secretKey: APP.secretKey,
	};
}

/** The emulator (spawned: its own process, so its CPU and memory are not ours) and the harness. */
async function startBench({ emulator = {}, harness = {} }: BenchOptions = {}): Promise<Bench> {
	const emu = await spawnEmulator({ apps: [APP], ...EMULATOR, logBodies: false, ...emulator });
	const engine = await createHarness(harness);
	return { emu, harness: engine, credentials: credentialsFor(emu) };
}

/** The largest number of timestamps (ms) inside any window [t, t + windowMs). */
function maxInWindow(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let start = 0, end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/** n8n's own record of a node's run: when it started and how long it took (ms). */
function nodeTiming(result, nodeName: string): NodeTiming | undefined {
	const task = result.run?.data.resultData.runData[nodeName]?.at(-1);
	return task ? { startTime: task.startTime, executionTime: task.executionTime } : undefined;
}

/** What the emulator logged for one command: arrival times, the span, the densest second. */
async function callStats(emu, command: string): Promise<CallStats> {
	const log = (await emu.requests()).filter((request) => request.command === command);
	const times: number[] = log.map((request) => request.time);
	const stats = await emu.stats();
	return {
		calls: log.length,
		firstArrival: times.length ? Math.min(...times) : null,
		lastArrival: times.length ? Math.max(...times) : null,
		maxPerSecond: maxInWindow(times),
		rateLimited: log.filter((request) => request.errorCode === 60007).length,
		errors: stats.errors,
		distinctTicketIds: stats.distinctTicketIds,
	};
}

/** CPU time (ms) a process has used so far, from /proc (Linux; clock ticks of 10 ms); null elsewhere. */
function processCpuMs(pid: number): number | null {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return null;
	}
}

/** CPU used by this process and by the emulator's, and the machine's load, from `start()` to `stop()`. */
function cpuMeter(emu: { pid: number }): { stop(): CpuUse } {
	const ownStart = process.cpuUsage();
	const emulatorStart = processCpuMs(emu.pid);
	const loadStart = os.loadavg()[0];
	return {
		stop() {
			const own = process.cpuUsage(ownStart);
			const emulatorNow = processCpuMs(emu.pid);
			return {
				nodeProcessCpuMs: (own.user + own.system) / 1000,
				emulatorCpuMs:
					emulatorStart === null || emulatorNow === null ? null : emulatorNow - emulatorStart,
				loadAverage: [loadStart, os.loadavg()[0]],
			};
		},
	};
}

function memory(): Memory {
	const usage = process.memoryUsage();
	return {
		rssMb: usage.rss / 2 ** 20,
		heapUsedMb: usage.heapUsed / 2 ** 20,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
	};
}

function fail(message: string): never {
	throw new Error(`benchmark check failed: ${message}`);
}

/** Starts a bench, gives it to `work`, and closes its emulator however `work` ends. */
async function withBench<T>(options: BenchOptions, work: (bench: Bench) => Promise<T>): Promise<T> {
	const bench = await startBench(options);
	try {
		return await work(bench);
	} finally {
		await bench.emu.close();
	}
}

/**
 * One small run of the same node first, so the measured run finds the code compiled and loaded,
 * as it is in an n8n that has been running for a while.
 */
async function warmUp(harness, run: object): Promise<void> {
	const { error } = await harness.runNode({ ...run, timeoutMs: 0 });
	if (error) fail(`the warm-up run failed: ${error.message}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `measure(repetition)` `times` times, each after 1.2 s without calls (so every run starts with an
 * idle pacer, like a new execution), and returns the run with the median wall time, with every wall time.
 */
async function medianOf<T extends { node: NodeTiming }>(times: number, measure: (repetition: number) => Promise<T>): Promise<T & { repeats: number[] }> {
	const runs: T[] = [];
	for (let repetition = 0; repetition < times; repetition++) {
		await pause(1200);
		runs.push(await measure(repetition));
	}
	const sorted = [...runs].sort((a, b) => a.node.executionTime - b.node.executionTime);
	const median = sorted[Math.floor((sorted.length - 1) / 2)];
	return { ...median, repeats: runs.map((run) => run.node.executionTime) };
}

export {
	APP,
	EMULATOR,
	credentialsFor,
	startBench,
	maxInWindow,
	nodeTiming,
	callStats,
	cpuMeter,
	memory,
	fail,
	withBench,
	warmUp,
	medianOf,
};
