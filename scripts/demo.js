#!/usr/bin/env node
'use strict';
// `npm run demo`: runs the workflows in examples/ -- the very files users import --
// through n8n's own engine (n8n-core's WorkflowExecute, in-process, see
// test/harness/) against the bundled Tencent Chat API emulator seeded with the
// `demo` data set, and prints what each did. Needs the built package (dist/):
// `npm run demo` builds it first.
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES_DIR = path.join(ROOT, 'examples');
// The credential every example refers to; users pick their own after importing.
const DEMO_CREDENTIAL_ID = 'tencent-chat-demo';
// The story order; any other example runs afterwards, with the generic report.
const ORDER = ['crm-sync', 'subscriber-export', 'group-roster', 'message-archive', 'weekly-broadcast', 'crm-tier-sync', 'group-onboarding'];
const { demoTrigger, isTriggered } = require('./demoTrigger');
const SAMPLE_ROWS = 3;

const fmt = (n) => Number(n).toLocaleString('en-US');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const plural = (n, word) => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
const version = (pkg) => require(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })).version;

async function main() {
	const started = performance.now();
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run demo` (it builds first) or `npm run build`.');
	}
	const { startEmulator, datasets } = require('../emulator');
	const { createHarness } = require('../test/harness');
	const demo = datasets.demo;

	const emu = await startEmulator({ port: 0, seed: 'demo' });
	try {
		const harness = await createHarness({ coreNodes: true });
		const credentials = {
			[DEMO_CREDENTIAL_ID]: {
				sdkAppId: demo.sdkAppId,
				region: 'custom',
				baseUrl: emu.url,
				identifier: demo.identifier,
				secretKey: demo.secretKey,
			},
		};
		const examples = listExamples();
		printHeader(emu, demo, examples.length);

		let failed = 0;
		let totalCalls = 0;
		for (const [index, { file, workflow }] of examples.entries()) {
			if (isTriggered(workflow)) {
				if (!(await demoTrigger({ emu, demo, file, workflow, index, total: examples.length }))) failed++;
				continue;
			}
			emu.clearRequests();
			const before = emu.getSubscribers(demo.officialAccountId);
			const t0 = performance.now();
			const result = await harness.run(workflow, { credentials, timeoutMs: 60000 });
			const ms = performance.now() - t0;
			const calls = emu.requests();
			totalCalls += calls.length;
			const ok = result.status === 'success' && !result.error;
			if (!ok) failed++;
			const ctx = { file, workflow, result, calls, emu, demo, before, harness };
			console.log(`\n[${index + 1}/${examples.length}] ${workflow.name}`);
			console.log(`  ${path.relative(ROOT, path.join(EXAMPLES_DIR, file))}: ${ok ? 'success' : 'FAILED'} in ${seconds(ms)}`);
			if (!ok) {
				console.log(`  Error      ${errorLine(result)}`);
			}
			const story = STORIES[path.basename(file, '.json')];
			if (ok && story) console.log(`  What       ${story.what(ctx)}`);
			printItems(ctx);
			printCalls(calls);
			if (ok && story?.outcome) console.log(`  Outcome    ${story.outcome(ctx)}`);
			printSample(ctx, story?.sample ?? defaultSample(ctx));
		}

		console.log(
			`\n${plural(examples.length, 'workflow')}, ${failed ? `${failed} FAILED` : 'all succeeded'}, ` +
				`${plural(totalCalls, 'API call')}, ${seconds(performance.now() - started)} (this script; the build not included).`,
		);
		process.exitCode = failed ? 1 : 0;
	} finally {
		await emu.close();
		console.log('Emulator stopped.');
	}
}

function listExamples() {
	const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
	const rank = (f) => {
		const i = ORDER.indexOf(path.basename(f, '.json'));
		return i === -1 ? ORDER.length : i;
	};
	files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
	return files.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

function printHeader(emu, demo, count) {
	const account = demo.officialAccounts[0];
	const groups = demo.groups.map((g) => `${g.type} group ${g.id} (${fmt(g.members)} members)`);
	console.log('n8n-nodes-tencent-chat demo');
	console.log(
		`  Engine     n8n-core ${version('n8n-core')} with n8n-nodes-base ${version('n8n-nodes-base')}, in this process (test/harness)`,
	);
	console.log(`  API        Tencent Chat emulator at ${emu.url}, data set "demo": app ${demo.sdkAppId},`);
	console.log(
		`             official account ${account.id} (${fmt(account.subscribers)} subscribers, ${fmt(account.messages.count)} messages),`,
	);
	console.log(`             ${groups.join(', ')}`);
	console.log(`  Workflows  ${count} from examples/, credential "${DEMO_CREDENTIAL_ID}" mapped to the emulator`);
}

// ---- the generic parts of a report ------------------------------------------

/** Nodes that ran, in execution order, without the trigger. */
function ranNodes({ result, workflow, harness }) {
	const runData = result.run?.data.resultData.runData ?? {};
	const byName = new Map(workflow.nodes.map((n) => [n.name, n]));
	return Object.keys(runData)
		.map((name) => ({ node: byName.get(name), task: runData[name].at(-1) }))
		.filter(({ node }) => node && !isTrigger(harness, node));
}

function nodeDescription(harness, node) {
	try {
		return harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	} catch {
		return undefined;
	}
}

const isTrigger = (harness, node) => nodeDescription(harness, node)?.group?.includes('trigger') ?? false;

function printItems(ctx) {
	const nodes = ranNodes(ctx);
	if (!nodes.length) return;
	const width = Math.max(...nodes.map(({ node }) => node.name.length));
	console.log('  Items out');
	for (const { node, task } of nodes) {
		const outputs = task.data?.main ?? [];
		const names = nodeDescription(ctx.harness, node)?.outputNames;
		let text;
		if (task.error) text = `error: ${task.error.message}`;
		else if (outputs.length > 1) text = outputs.map((o, i) => `${names?.[i] ?? `output ${i}`} ${fmt(o?.length ?? 0)}`).join(' · ');
		else text = fmt(outputs[0]?.length ?? 0);
		console.log(`    ${node.name.padEnd(width)}  ${text}`);
	}
}

function printCalls(calls) {
	const byCommand = new Map();
	for (const call of calls) {
		const entry = byCommand.get(call.command) ?? { count: 0, sizes: [], errors: 0 };
		entry.count++;
		if (call.errorCode) entry.errors++;
		const ids = call.body?.SubscriberList ?? call.body?.SubscriberToDel_Account;
		if (Array.isArray(ids)) entry.sizes.push(ids.length);
		byCommand.set(call.command, entry);
	}
	const parts = [...byCommand].map(([command, { count, sizes, errors }]) => {
		const extra = [];
		if (sizes.length) extra.push(`${sizes.map(fmt).join(' + ')} IDs`);
		if (errors) extra.push(`${errors} answered with an error`);
		return `${command} ${fmt(count)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
	});
	console.log(`  API calls  ${fmt(calls.length)}${parts.length ? `: ${parts.join(' · ')}` : ''}`);
}

function defaultSample(ctx) {
	const last = ranNodes(ctx)
		.filter(({ task }) => task.data?.main?.[0]?.length)
		.at(-1);
	return last ? [{ node: last.node.name, rows: SAMPLE_ROWS }] : [];
}

/** A compact table of the first rows of the given nodes' first output. */
function printSample(ctx, parts) {
	const rows = [];
	for (const { node, rows: count = SAMPLE_ROWS, columns } of parts) {
		if (!ctx.result.ran(node)) continue;
		for (const item of ctx.result.items(node).slice(0, count)) rows.push({ node, json: item.json, columns });
	}
	if (!rows.length) return;
	const columns = rows[0].columns ?? [...new Set(rows.flatMap((r) => Object.keys(r.json)))];
	const showNode = new Set(rows.map((r) => r.node)).size > 1;
	const header = [...(showNode ? ['node'] : []), ...columns];
	const cells = rows.map((r) => [...(showNode ? [r.node] : []), ...columns.map((c) => cell(r.json[c]))]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
	const line = (values) => `    ${values.map((v, i) => v.padEnd(widths[i])).join('  ')}`.trimEnd();
	console.log(`  Sample     first rows of ${[...new Set(rows.map((r) => r.node))].join(' and ')}`);
	console.log(line(header));
	for (const row of cells) console.log(line(row));
}

function cell(value, max = 40) {
	let text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	text = text.replace(/\s+/g, ' ');
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function errorLine(result) {
	const error = result.error;
	const node = error?.node?.name ?? result.run?.data.resultData.lastNodeExecuted;
	return `${node ? `${node}: ` : ''}${error?.message ?? `status ${result.status}`}`;
}

// ---- what each example is about ------------------------------------------------

const items = (ctx, node) => (ctx.result.ran(node) ? ctx.result.items(node) : []);

const STORIES = {
	'crm-sync': {
		what: ({ demo }) => `keep ${demo.officialAccountId}'s subscribers equal to the CRM contacts (matched on userId = Subscriber_Account)`,
		outcome: (ctx) => {
			const contacts = items(ctx, 'CRM Contacts').map((i) => i.json.userId);
			const after = new Set(ctx.emu.getSubscribers(ctx.demo.officialAccountId));
			const same = after.size === contacts.length && contacts.every((id) => after.has(id));
			const added = items(ctx, 'Add Subscribers').length;
			const removed = items(ctx, 'Remove Subscribers').length;
			return (
				`${fmt(ctx.before.length)} -> ${fmt(after.size)} subscribers (+${fmt(added)} added, -${fmt(removed)} removed, ` +
				`${fmt(contacts.length - added)} already subscribed left alone): ` +
				(same ? `exactly the ${fmt(contacts.length)} CRM contacts` : 'NOT equal to the CRM contacts')
			);
		},
		sample: [
			{ node: 'Add Subscribers', rows: 2 },
			{ node: 'Remove Subscribers', rows: 2 },
		],
	},
	'subscriber-export': {
		what: ({ demo }) => `read every subscriber of ${demo.officialAccountId} (200 per call over Next) into export rows`,
		outcome: (ctx) => `${fmt(items(ctx, 'Subscriber Rows').length)} rows, one per subscriber (after the CRM sync above)`,
	},
	'group-roster': {
		what: ({ demo }) => `list every member of the Community group ${demo.communityGroupId} (100 per call over Next)`,
		outcome: (ctx) => {
			const roles = {};
			for (const { json } of items(ctx, 'Get Members')) roles[json.Role] = (roles[json.Role] ?? 0) + 1;
			const counts = ['Owner', 'Admin', 'Member'].filter((role) => roles[role]).map((role) => `${fmt(roles[role])} ${role}`);
			return `${fmt(items(ctx, 'Roster Rows').length)} roster rows (${counts.join(', ')}), custom fields Level and Team flattened`;
		},
	},
	'message-archive': {
		what: ({ demo }) => `read ${demo.officialAccountId}'s whole message history, newest first (20 per call via LastMsgKey), into rows`,
		outcome: (ctx) => {
			const rows = items(ctx, 'Archive Rows');
			const { count } = ctx.demo.officialAccounts[0].messages;
			return (
				`${fmt(rows.length)} messages with text, seq ${rows[0]?.json.seq} down to ${rows.at(-1)?.json.seq}; ` +
				`${fmt(count - items(ctx, 'Get Message History').length)} of ${fmt(count)} left out (deleted or recalled)`
			);
		},
	},
	'weekly-broadcast': {
		what: ({ demo }) => `send this week's message to every subscriber of ${demo.officialAccountId} (Message -> Send)`,
		outcome: (ctx) => {
			const [sent] = items(ctx, 'Send Broadcast');
			return sent ? `sent as MsgKey ${sent.json.msgKey}: the newest message in the account's history` : 'nothing sent';
		},
	},
	'crm-tier-sync': {
		what: ({ demo }) => `write each contact's CRM tier into its Custom Data on ${demo.officialAccountId} (Subscriber -> Update)`,
		outcome: (ctx) => {
			const written = items(ctx, 'Write Tier');
			const failed = written.filter((i) => i.json.error).length;
			return `${fmt(written.length - failed)} subscribers updated, ${fmt(failed)} contact who does not follow the account kept as an error item`;
		},
	},
	'group-onboarding': {
		what: ({ demo }) => `add the new CRM customers to the Community group ${demo.communityGroupId} (300 per call), then set each one's name card`,
		outcome: (ctx) => {
			const results = {};
			for (const { json } of items(ctx, 'Add to Community Group')) results[json.result] = (results[json.result] ?? 0) + 1;
			const counts = Object.entries(results).map(([result, count]) => `${fmt(count)} ${result}`);
			return `${counts.join(', ')}; ${fmt(items(ctx, 'Update Name Card').length)} name cards set`;
		},
		sample: [
			{ node: 'Add to Community Group', rows: 2 },
			{ node: 'Update Name Card', rows: 2 },
		],
	},
};

main().catch((error) => {
	console.error(`\nDemo failed: ${error.stack ?? error}`);
	process.exitCode = 1;
});
