'use strict';
// Shared pieces of the benchmark: the emulator in its own process, the engine harness, timings.

const fs = require('node:fs');
const os = require('node:os');
const { spawnEmulator } = require('../emulator');
const { createHarness } = require('../test/harness');

const APP = {
	sdkAppId: 1400099999,
	secretKey: 'bench-secret-4c1d9e7a2b5f8c3e6a9d0b1e4f7a2c5d',
	admins: ['administrator'],
};
/** The conditions every scenario runs under (the issue's): 50 ms per call, Tencent's 200 calls/s per API. */
const EMULATOR = { latencyMs: 50, rateLimit: true, ratePerSecond: 200 };

function credentialsFor(emu) {
	return {
		sdkAppId: APP.sdkAppId,
		region: 'custom',
		baseUrl: emu.url,
		identifier: 'administrator',
		secretKey: APP.secretKey,
	};
}

/** The emulator (spawned: its own process, so its CPU and memory are not ours) and the harness. */
async function startBench({ emulator = {}, harness = {} } = {}) {
	const emu = await spawnEmulator({ apps: [APP], ...EMULATOR, logBodies: false, ...emulator });
	const engine = await createHarness(harness);
	return { emu, harness: engine, credentials: credentialsFor(emu) };
}

/** The largest number of timestamps (ms) inside any window [t, t + windowMs). */
function maxInWindow(times, windowMs = 1000) {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let start = 0, end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/** n8n's own record of a node's run: when it started and how long it took (ms). */
function nodeTiming(result, nodeName) {
	const task = result.run?.data.resultData.runData[nodeName]?.at(-1);
	return task ? { startTime: task.startTime, executionTime: task.executionTime } : undefined;
}

/** What the emulator logged for one command: arrival times, the span, the densest second. */
async function callStats(emu, command) {
	const log = (await emu.requests()).filter((request) => request.command === command);
	const times = log.map((request) => request.time);
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
function processCpuMs(pid) {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return null;
	}
}

/** CPU used by this process and by the emulator's, and the machine's load, from `start()` to `stop()`. */
function cpuMeter(emu) {
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

function memory() {
	const usage = process.memoryUsage();
	return {
		rssMb: usage.rss / 2 ** 20,
		heapUsedMb: usage.heapUsed / 2 ** 20,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
	};
}

module.exports = {
	APP,
	EMULATOR,
	credentialsFor,
	startBench,
	maxInWindow,
	nodeTiming,
	callStats,
	cpuMeter,
	memory,
};
