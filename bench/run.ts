// `npm run bench`: every scenario in its own child process (so peak RSS is per scenario), each against
// its own emulator process (latency 50 ms, rate limit 200 calls/s per API), through n8n's engine.
// Prints the table and writes it, with the machine and the date, to bench/RESULTS.md
// (raw numbers: bench/out/results.json). `npx tsx bench/run.ts sync-list return-all` runs a subset.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { rows } from './rows';
import type { Results, Row } from './format';

const SCENARIO_FLAG = '--scenario';

// ---- child ------------------------------------------------------------------

/** The scenarios load the harness and the emulator: only when a scenario runs, not in the parent. */
const scenarios = async () => (await import('./scenarios')).SCENARIOS;

async function runChild(name: string) {
	const SCENARIOS = await scenarios();
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown scenario ${name}`);
	const result = await scenario();
	result.maxRssMb = process.resourceUsage().maxRSS / 1024;
	process.send!({ ok: true, result }, () => process.exit(0));
}

// ---- parent -----------------------------------------------------------------

type Outcome = { ok: true; result: any; seconds: number } | { ok: false; error: string; seconds: number };

/** Runs one scenario in a child process of its own (this file with --scenario; fork keeps tsx's loader). */
function runScenario(name: string): Promise<Outcome> {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = fork(__filename, [SCENARIO_FLAG, name], {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let message: { ok: boolean; result?: any; error?: string } | undefined;
		child.on('message', (value: any) => (message = value));
		child.on('exit', (code, signal) => {
			const seconds = (Date.now() - started) / 1000;
			if (message?.ok) resolve({ ok: true, result: message.result, seconds });
			else
				resolve({ ok: false, error: message?.error ?? `exited with ${signal ?? code}`, seconds });
		});
	});
}

function markdownTable(tableRows: Row[]): string {
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
			`| ${columns.map(([key]) => String(row[key as keyof Row] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`,
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

async function runParent(names: string[]) {
	const selected = names.length ? names : Object.keys(await scenarios());
	const results: Results = {};
	const failures: string[] = [];
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
			`# Benchmark results\n\n\`npm run bench\` (bench/run.ts).\n\n${header.replace(/\n/g, '  \n')}\n\n${table}\n${failures.length ? `\nFailed: ${failures.join('; ')}\n` : ''}${notes}`,
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
		process.send!({ ok: false, error: error.stack ?? String(error) }, () => process.exit(1));
	});
} else {
	runParent(process.argv.slice(2)).catch((error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	});
}
