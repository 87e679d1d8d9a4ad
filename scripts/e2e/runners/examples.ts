// examples/*.json, imported as they are (only an id is given when they have none), run with `n8n execute --id`
// against the demo data set; the expectations are in ../cases/examples.ts.
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLE_CASES } from '../cases/examples';
import type { ExampleCase } from '../cases/examples';
import { verifyCase } from '../cases/verify';
import { DEMO_CRED } from '../config';
import { REPO } from '../install';
import { log, outputTexts } from '../report';
import { CRED_TYPE, PKG, callsIn } from '../workflows';
import type { CallFilter, RunResult, Workflow } from '../workflows';
import type { VersionEnv } from './types';

export interface Example {
	file: string;
	base: string;
	workflow: Workflow;
	idNote: string;
}

const CLI_START_TYPES = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.executeWorkflowTrigger', '@n8n/n8n-nodes-langchain.manualChatTrigger'];
const GENERIC: ExampleCase = { what: 'runs without error (no specific checks for this example yet)' };

/** Why `n8n execute` cannot start this workflow, or null. */
function cliStartProblem(wf: Workflow): string | null {
	if (wf.nodes.some((n) => CLI_START_TYPES.includes(n.type))) return null;
	const triggers = wf.nodes.filter((n) => /trigger/i.test(n.type)).map((n) => `"${n.name}" (${n.type})`);
	return (
		`it has no node \`n8n execute\` can start at: its trigger is ${triggers.join(', ') || 'missing'}, and ` +
		'`n8n execute` (and execute-batch) start only at a Manual Trigger or an Execute Workflow Trigger ' +
		'(n8n\'s findCliWorkflowStart: "Missing node to start execution"). In the editor, "Execute workflow" would fire ' +
		'the trigger by hand; to run it from the CLI the example needs a Manual Trigger wired to the same first node.'
	);
}

/** An id n8n accepts (≤ 16 characters, unique) for an example without one. */
function exampleId(base: string, used: Set<string>): string {
	let id = `ex${base.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, _sep, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 14);
	for (let n = 2; used.has(id); n++) id = `${id.slice(0, 13)}${n}`;
	return id;
}

/** examples/*.json (or E2E_EXAMPLES_DIR) as workflows to import. */
export function loadExamples(): Example[] {
	const dir = process.env.E2E_EXAMPLES_DIR ? path.resolve(process.env.E2E_EXAMPLES_DIR) : path.join(REPO, 'examples');
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	const used = new Set<string>();
	return files.map((file) => {
		const base = file.replace(/\.json$/, '');
		const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		let idNote = 'its own id';
		if (typeof workflow.id !== 'string' || !/^[A-Za-z0-9_-]{1,16}$/.test(workflow.id) || used.has(workflow.id)) {
			const id = exampleId(base, used);
			idNote = workflow.id === undefined ? `id ${id} given on import` : `id ${JSON.stringify(workflow.id)} replaced by ${id}`;
			workflow.id = id;
		}
		used.add(workflow.id);
		return { file, base, workflow, idNote };
	});
}

/** Tencent nodes of an example must use the demo credential, which this run imports. */
function credentialProblems(wf: Workflow): string[] {
	return wf.nodes
		.filter((n) => n.type.startsWith(`${PKG}.`))
		.filter((n) => n.credentials?.[CRED_TYPE]?.id !== DEMO_CRED.id)
		.map((n) => `node "${n.name}" uses credential ${JSON.stringify(n.credentials ?? null)}, not { id: "${DEMO_CRED.id}" }`);
}

/** Throws the reason `n8n execute` exited before running, when that is the known start problem. */
function explainNoRun(res: RunResult, wf: Workflow): void {
	if (res.code === 0 || res.json) return;
	const startProblem = /Missing node to start execution/.test(`${res.stdout}${res.stderr}`) && cliStartProblem(wf);
	if (!startProblem) return;
	const e: any = new Error(`\`n8n execute --id=${wf.id}\` exits ${res.code} before running: ${startProblem}`);
	e.explained = true; // no output tail needed
	throw e;
}

async function runExample({ n8n, emu, report }: VersionEnv, ex: Example): Promise<void> {
	const t = Date.now();
	const spec = EXAMPLE_CASES[ex.base] ?? GENERIC;
	const name = `examples/${ex.file}: ${spec.what}`;
	const credProblems = credentialProblems(ex.workflow);
	if (credProblems.length) return report.record(name, false, Date.now() - t, `not run: ${credProblems.join('; ')}`);
	let before;
	let res;
	try {
		await emu.reset();
		before = spec.before ? await spec.before(emu, ex.workflow) : undefined;
		await emu.clearRequests();
		res = await n8n.execute(ex.workflow.id);
	} catch (e: any) {
		return report.record(name, false, Date.now() - t, e.message);
	}
	if (report.verbose) log(res.stdout.slice(0, 4000));
	const requestLog = await emu.requests();
	const ctx = { emu, calls: (filter?: CallFilter) => callsIn(requestLog, filter), before, workflow: ex.workflow };
	const run = res;
	await report.runCase(name, t, run, async () => {
		explainNoRun(run, ex.workflow);
		return verifyCase({ name, workflow: ex.workflow, ...spec }, run, ctx);
	}, outputTexts(`examples/${ex.file}`, run));
}

/**
 * The examples, as they are. Those started by the Tencent Chat Trigger have no Manual Trigger for
 * `n8n execute`: the trigger cases run them under `n8n start`.
 */
export async function runExamples(env: VersionEnv, examples: Example[]): Promise<void> {
	for (const ex of examples) {
		if (ex.workflow.nodes.some((n) => n.type === `${PKG}.tencentChatTrigger`)) {
			log(`[${env.key}] examples/${ex.file}: started by the Tencent Chat Trigger, covered by the trigger cases`);
			continue;
		}
		await runExample(env, ex);
	}
}
