// `npm run demo`: runs the workflows in examples/ -- the very files users import --
// through n8n's own engine (n8n-core's WorkflowExecute, in-process, see
// test/harness/) against the bundled Tencent Chat API emulator seeded with the
// `demo` data set, and prints what each did. Needs the built package (dist/):
// `npm run demo` builds it first.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator, datasets } from '../emulator';
import { createHarness } from '../test/harness';
import { fmt, plural, seconds } from './demo/format';
import { defaultSample, errorLine, printCalls, printItems, printSample } from './demo/report';
import type { DemoRun } from './demo/report';
import { STORIES } from './demo/stories';
import { demoTrigger, isTriggered } from './demoTrigger';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES_DIR = path.join(ROOT, 'examples');
// The credential every example refers to; users pick their own after importing.
const DEMO_CREDENTIAL_ID = 'tencent-chat-demo';
// The story order; any other example runs afterwards, with the generic report.
const ORDER = ['crm-sync', 'subscriber-export', 'group-roster', 'message-archive', 'weekly-broadcast', 'crm-tier-sync', 'group-onboarding'];

const version = (pkg: string): string => JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [ROOT] }), 'utf8')).version;

interface Example {
	file: string;
	workflow: any;
}

function listExamples(): Example[] {
	const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
	const rank = (f: string) => {
		const i = ORDER.indexOf(path.basename(f, '.json'));
		return i === -1 ? ORDER.length : i;
	};
	files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
	return files.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

function printHeader(emu: any, demo: any, count: number): void {
	const account = demo.officialAccounts[0];
	const groups = demo.groups.map((g: any) => `${g.type} group ${g.id} (${fmt(g.members)} members)`);
	console.log('n8n-nodes-tencent-chat demo');
	console.log(`  Engine     n8n-core ${version('n8n-core')} with n8n-nodes-base ${version('n8n-nodes-base')}, in this process (test/harness)`);
	console.log(`  API        Tencent Chat emulator at ${emu.url}, data set "demo": app ${demo.sdkAppId},`);
	console.log(`             official account ${account.id} (${fmt(account.subscribers)} subscribers, ${fmt(account.messages.count)} messages),`);
	console.log(`             ${groups.join(', ')}`);
	console.log(`  Workflows  ${count} from examples/, credential "${DEMO_CREDENTIAL_ID}" mapped to the emulator`);
}

/** Runs one example started by hand through the engine and prints its report; resolves ok and its API calls. */
async function runExample(emu: any, harness: any, credentials: any, { file, workflow }: Example, heading: string) {
	const demo = datasets.demo;
	emu.clearRequests();
	const before = emu.getSubscribers(demo.officialAccountId);
	const t0 = performance.now();
	const result = await harness.run(workflow, { credentials, timeoutMs: 60000 });
	const ms = performance.now() - t0;
	const calls = emu.requests();
	const ok = result.status === 'success' && !result.error;
	const run: DemoRun = { file, workflow, result, calls, emu, demo, before, harness };
	console.log(`\n${heading} ${workflow.name}`);
	console.log(`  ${path.relative(ROOT, path.join(EXAMPLES_DIR, file))}: ${ok ? 'success' : 'FAILED'} in ${seconds(ms)}`);
	if (!ok) console.log(`  Error      ${errorLine(result)}`);
	const story = STORIES[path.basename(file, '.json')];
	if (ok && story) console.log(`  What       ${story.what(run)}`);
	printItems(run);
	printCalls(calls);
	if (ok && story?.outcome) console.log(`  Outcome    ${story.outcome(run)}`);
	printSample(run, story?.sample ?? defaultSample(run));
	return { ok, calls: calls.length };
}

async function main(): Promise<void> {
	const started = performance.now();
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run demo` (it builds first) or `npm run build`.');
	}
	const demo = datasets.demo;
	const emu = await startEmulator({ port: 0, seed: 'demo' });
	try {
		const harness = await createHarness({ coreNodes: true });
		const credentials = {
			[DEMO_CREDENTIAL_ID]: { sdkAppId: demo.sdkAppId, region: 'custom', baseUrl: emu.url, identifier: demo.identifier, secretKey: demo.secretKey },
		};
		const examples = listExamples();
		printHeader(emu, demo, examples.length);
		let failed = 0;
		let totalCalls = 0;
		for (const [index, example] of examples.entries()) {
			if (isTriggered(example.workflow)) {
				if (!(await demoTrigger({ emu, demo, ...example, index, total: examples.length }))) failed++;
				continue;
			}
			const { ok, calls } = await runExample(emu, harness, credentials, example, `[${index + 1}/${examples.length}]`);
			totalCalls += calls;
			if (!ok) failed++;
		}
		const summary = `${plural(examples.length, 'workflow')}, ${failed ? `${failed} FAILED` : 'all succeeded'}, ${plural(totalCalls, 'API call')}`;
		console.log(`\n${summary}, ${seconds(performance.now() - started)} (this script; the build not included).`);
		process.exitCode = failed ? 1 : 0;
	} finally {
		await emu.close();
		console.log('Emulator stopped.');
	}
}

main().catch((error) => {
	console.error(`\nDemo failed: ${error.stack ?? error}`);
	process.exitCode = 1;
});
