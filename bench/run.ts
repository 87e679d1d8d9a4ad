'use strict';
// `npm run bench`: every scenario in its own child process (so peak RSS is per scenario), each against
// its own emulator process (latency 50 ms, rate limit 200 calls/s per API), through n8n's engine.
// Prints the table and writes it, with the machine and the date, to bench/RESULTS.md
// (raw numbers: bench/out/results.json). `node bench/run.js sync-list return-all` runs a subset.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork } = require('node:child_process');

const SCENARIO_FLAG = '--scenario';

// ---- child ------------------------------------------------------------------

async function runChild(name) {
	const { SCENARIOS } = require('./scenarios');
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown scenario ${name}`);
	const result = await scenario();
	result.maxRssMb = process.resourceUsage().maxRSS / 1024;
	process.send({ ok: true, result }, () => process.exit(0));
}

// ---- parent -----------------------------------------------------------------

function runScenario(name) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = fork(__filename, [SCENARIO_FLAG, name], {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let message;
		child.on('message', (value) => (message = value));
		child.on('exit', (code, signal) => {
			const seconds = (Date.now() - started) / 1000;
			if (message?.ok) resolve({ ok: true, result: message.result, seconds });
			else
				resolve({ ok: false, error: message?.error ?? `exited with ${signal ?? code}`, seconds });
		});
	});
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value) => `${Math.round(value)} MB`;
const int = (value) => value.toLocaleString('en-US');
const ratio = (value) => `${value.toFixed(2)}×`;
const pass = (ok) => (ok ? 'met' : 'MISSED');

/** CPU used during the measured run by the n8n process and by the emulator, and the machine's load average. */
function cpuNote(r) {
	if (!r.cpu) return '';
	const emulator = r.cpu.emulatorCpuMs === null ? 'n/a' : s(r.cpu.emulatorCpuMs);
	const [from, to] = r.cpu.loadAverage.map((value) => value.toFixed(1));
	return `CPU: n8n process ${s(r.cpu.nodeProcessCpuMs)}, emulator ${emulator}; load average ${from} → ${to}`;
}

/** "5.41 s" for one run; "5.41 s (median of 3: 5.30–6.02 s)" for several. */
function wallText(r) {
	const wall = s(r.node.executionTime);
	if (!r.repeats || r.repeats.length < 2) return wall;
	const low = Math.min(...r.repeats);
	const high = Math.max(...r.repeats);
	return `${wall} (median of ${r.repeats.length}: ${(low / 1000).toFixed(2)}–${s(high)})`;
}

const FLOOR_SYNC_MS = (100_000 / 100 / 200) * 1000; // 1,000 calls at 200 calls/s

function rows(results) {
	const out = [];
	const latency = 50;
	for (const [name, label] of [
		[
			'sync-items',
			'1a. Sync 100,000 subscribers (Add): 100,000 items, one ID each via `={{ $json.id }}`',
		],
		[
			'sync-list',
			'1b. Sync 100,000 subscribers (Add): 1 item with 100,000 IDs via `={{ $json.ids }}`',
		],
	]) {
		const r = results[name];
		if (!r) continue;
		const wall = r.node.executionTime;
		out.push({
			scenario: label,
			calls: int(r.calls.calls),
			wall: wallText(r),
			reference: `floor ${s(FLOOR_SYNC_MS)} (1,000 calls at 200/s)`,
			ratio: ratio(wall / FLOOR_SYNC_MS),
			target: `≤ 1.15× (${pass(wall / FLOOR_SYNC_MS <= 1.15)})`,
			rss: mb(r.maxRssMb),
			notes:
				`before the first call ${s(r.beforeFirstCallMs)}, calls ${s(r.callSpanMs)} (${ratio(r.callSpanMs / FLOOR_SYNC_MS)} of floor), ` +
				`after the last answer ${s(wall - r.beforeFirstCallMs - r.callSpanMs)}; ` +
				`densest second at the server ${r.calls.maxPerSecond} calls; 60007 answers ${r.calls.rateLimited}; UserSigs ${r.calls.distinctTicketIds}; ${cpuNote(r)}`,
		});
	}
	const all = results['return-all'];
	if (all) {
		const wall = all.node.executionTime;
		const reference = all.calls.calls * latency;
		const grownMb = all.maxRssMb - all.memoryBefore.rssMb;
		out.push({
			scenario: `2. Return All over ${int(all.items)} subscribers`,
			calls: `${int(all.calls.calls)} (expected 3,901)`,
			wall: s(wall),
			reference: `calls × latency ${s(reference)}`,
			ratio: ratio(wall / reference),
			target: `≤ 1.10× (${pass(wall / reference <= 1.1 && all.calls.calls === 3901)})`,
			rss: mb(all.maxRssMb),
			notes:
				`RSS before the run ${mb(all.memoryBefore.rssMb)}, growth ${mb(grownMb)} = ${((grownMb * 1024) / (all.items / 1000)).toFixed(0)} KB per 1,000 items ` +
				`(${((all.maxRssMb * 1024) / (all.items / 1000)).toFixed(0)} KB per 1,000 items counting the whole process); ` +
				`heap after ${mb(all.memory.heapUsedMb)}; ${((wall - reference) / all.calls.calls).toFixed(1)} ms per call over the latency` +
				`${all.cpu?.emulatorCpuMs ? `, of which ${(all.cpu.emulatorCpuMs / all.calls.calls).toFixed(1)} ms emulator CPU` : ''}; UserSigs ${all.calls.distinctTicketIds}; ${cpuNote(all)}`,
		});
	}
	const group = results['group-members'];
	if (group) {
		const wall = group.node.executionTime;
		const sequential = group.calls.calls * latency;
		out.push({
			scenario: `3. Return All over a ${int(group.items)}-member Public group (default Page Size 100)`,
			calls: int(group.calls.calls),
			wall: wallText(group),
			reference: `sequential ${s(sequential)} (calls × latency)`,
			ratio: `${(sequential / wall).toFixed(1)}× faster`,
			target: `≥ 5× faster (${pass(sequential / wall >= 5)})`,
			rss: mb(group.maxRssMb),
			notes: `densest second at the server ${group.calls.maxPerSecond} calls; UserSigs ${group.calls.distinctTicketIds}; ${cpuNote(group)}`,
		});
	}
	const diy = results.diy;
	const ours = results['sync-list'] ?? results['sync-items'];
	if (diy) {
		const factor = diy.target / diy.sample;
		const wall = diy.node.executionTime * factor;
		const fewer = ours ? diy.target / ours.calls.calls : undefined;
		out.push({
			scenario: `4. DIY baseline: loop + HTTP Request, 1 subscriber per call, new UserSig per call (measured ${int(diy.sample)}, extrapolated to ${int(diy.target)})`,
			calls: `${int(diy.calls.calls * factor)} (extrapolated; measured ${int(diy.calls.calls)})`,
			wall: `${s(wall)} (extrapolated; measured ${s(diy.node.executionTime)})`,
			reference: ours ? `ours: ${int(ours.calls.calls)} calls, ${s(ours.node.executionTime)}` : '',
			ratio: fewer
				? `${fewer.toFixed(0)}× fewer calls, ${(wall / ours.node.executionTime).toFixed(0)}× less time`
				: '',
			target: `≥ 90× fewer calls (${fewer ? pass(fewer >= 90) : 'n/a'})`,
			rss: mb(diy.maxRssMb),
			notes: `${(diy.node.executionTime / diy.sample).toFixed(1)} ms per call; distinct UserSigs seen ${diy.calls.distinctTicketIds} (a UserSig holds whole seconds, so same-second ones are equal); ${cpuNote(diy)}`,
		});
	}
	return out.concat(require('./rows.batched').batchedRows(results));
}

function markdownTable(tableRows) {
	const columns = [
		['scenario', 'Scenario'],
		['calls', 'Calls'],
		['wall', 'Wall time'],
		['reference', 'Reference'],
		['ratio', 'Ratio'],
		['target', 'Target'],
		['rss', 'Peak RSS'],
		['notes', 'Notes'],
	];
	const lines = [
		`| ${columns.map(([, title]) => title).join(' | ')} |`,
		`| ${columns.map(() => '---').join(' | ')} |`,
	];
	for (const row of tableRows)
		lines.push(
			`| ${columns.map(([key]) => String(row[key] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`,
		);
	return lines.join('\n');
}

function machine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
	};
}

async function runParent(names) {
	const { SCENARIOS } = require('./scenarios');
	const selected = names.length ? names : Object.keys(SCENARIOS);
	const results = {};
	const failures = [];
	for (const name of selected) {
		process.stderr.write(`bench: ${name} ...\n`);
		const outcome = await runScenario(name);
		process.stderr.write(
			`bench: ${name} ${outcome.ok ? 'done' : `FAILED: ${outcome.error}`} in ${outcome.seconds.toFixed(1)} s\n`,
		);
		if (outcome.ok) results[name] = outcome.result;
		else failures.push(`${name}: ${outcome.error}`);
	}

	const host = machine();
	const date = new Date().toISOString();
	const table = markdownTable(rows(results));
	const header =
		`Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB memory, Node ${host.node}, ${host.platform}\n` +
		`Date: ${date}\n` +
		'Emulator: own process (spawnEmulator), latency 50 ms per call, rate limit on (200 calls/s per API); n8n engine in-process (test harness).\n' +
		"Wall time: the node's execution time as n8n records it (runData executionTime). Each scenario ran in its own child process; Peak RSS is that process's maxRSS. 1b and 3 are the median of 3 and 5 runs, each after 1.2 s without calls; the others are one run.";
	process.stdout.write(`\n${header}\n\n${table}\n`);
	if (failures.length) process.stdout.write(`\nFailed: ${failures.join('; ')}\n`);

	fs.mkdirSync(path.join(__dirname, 'out'), { recursive: true });
	fs.writeFileSync(
		path.join(__dirname, 'out', 'results.json'),
		JSON.stringify({ machine: host, date, results, failures }, null, 2),
	);
	if (!names.length || process.env.BENCH_WRITE_RESULTS === '1') {
		const notes = fs.existsSync(NOTES_FILE)
			? `\n${fs.readFileSync(NOTES_FILE, 'utf8').trim()}\n`
			: '';
		fs.writeFileSync(
			RESULTS_FILE,
			`# Benchmark results\n\n\`npm run bench\` (bench/run.js).\n\n${header.replace(/\n/g, '  \n')}\n\n${table}\n${failures.length ? `\nFailed: ${failures.join('; ')}\n` : ''}${notes}`,
		);
		process.stderr.write(`bench: wrote ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
	}
	if (failures.length) process.exitCode = 1;
}

const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');
/** Hand-written notes appended to RESULTS.md after the table (how to read it, what limits what). */
const NOTES_FILE = path.join(__dirname, 'NOTES.md');

const flag = process.argv.indexOf(SCENARIO_FLAG);
if (flag >= 0) {
	runChild(process.argv[flag + 1]).catch((error) => {
		process.send({ ok: false, error: error.stack ?? String(error) }, () => process.exit(1));
	});
} else {
	runParent(process.argv.slice(2)).catch((error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	});
}
