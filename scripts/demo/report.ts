// The generic parts of `npm run demo`'s report of one example: items per node, API calls, a sample of rows.
import { cell, fmt } from './format';

export const SAMPLE_ROWS = 3;

/** What the report of one example run reads. */
export interface DemoRun {
	file: string;
	workflow: any;
	result: any;
	calls: any[];
	emu: any;
	demo: any;
	before: string[];
	harness: any;
}

export interface SamplePart {
	node: string;
	rows?: number;
	columns?: string[];
}

function nodeDescription(harness: any, node: any): any {
	try {
		return harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	} catch {
		return undefined;
	}
}

const isTrigger = (harness: any, node: any): boolean => nodeDescription(harness, node)?.group?.includes('trigger') ?? false;

/** Nodes that ran, in execution order, without the trigger. */
function ranNodes({ result, workflow, harness }: DemoRun): { node: any; task: any }[] {
	const runData = result.run?.data.resultData.runData ?? {};
	const byName = new Map(workflow.nodes.map((n: any) => [n.name, n]));
	return Object.keys(runData)
		.map((name) => ({ node: byName.get(name), task: runData[name].at(-1) }))
		.filter(({ node }) => node && !isTrigger(harness, node));
}

function itemCounts(run: DemoRun, node: any, task: any): string {
	const outputs = task.data?.main ?? [];
	const names = nodeDescription(run.harness, node)?.outputNames;
	if (task.error) return `error: ${task.error.message}`;
	if (outputs.length > 1) return outputs.map((o: any[], i: number) => `${names?.[i] ?? `output ${i}`} ${fmt(o?.length ?? 0)}`).join(' · ');
	return fmt(outputs[0]?.length ?? 0);
}

export function printItems(run: DemoRun): void {
	const nodes = ranNodes(run);
	if (!nodes.length) return;
	const width = Math.max(...nodes.map(({ node }) => node.name.length));
	console.log('  Items out');
	for (const { node, task } of nodes) console.log(`    ${node.name.padEnd(width)}  ${itemCounts(run, node, task)}`);
}

export function printCalls(calls: any[]): void {
	const byCommand = new Map<string, { count: number; sizes: number[]; errors: number }>();
	for (const call of calls) {
		const entry = byCommand.get(call.command) ?? { count: 0, sizes: [], errors: 0 };
		entry.count++;
		if (call.errorCode) entry.errors++;
		const ids = call.body?.SubscriberList ?? call.body?.SubscriberToDel_Account;
		if (Array.isArray(ids)) entry.sizes.push(ids.length);
		byCommand.set(call.command, entry);
	}
	const parts = [...byCommand].map(([command, { count, sizes, errors }]) => {
		const extra: string[] = [];
		if (sizes.length) extra.push(`${sizes.map(fmt).join(' + ')} IDs`);
		if (errors) extra.push(`${errors} answered with an error`);
		return `${command} ${fmt(count)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
	});
	console.log(`  API calls  ${fmt(calls.length)}${parts.length ? `: ${parts.join(' · ')}` : ''}`);
}

/** The last node with items, when an example has no sample of its own. */
export function defaultSample(run: DemoRun): SamplePart[] {
	const last = ranNodes(run)
		.filter(({ task }) => task.data?.main?.[0]?.length)
		.at(-1);
	return last ? [{ node: last.node.name, rows: SAMPLE_ROWS }] : [];
}

/** A compact table of the first rows of the given nodes' first output. */
export function printSample(run: DemoRun, parts: SamplePart[]): void {
	const rows: { node: string; json: any; columns?: string[] }[] = [];
	for (const { node, rows: count = SAMPLE_ROWS, columns } of parts) {
		if (!run.result.ran(node)) continue;
		for (const item of run.result.items(node).slice(0, count)) rows.push({ node, json: item.json, columns });
	}
	if (!rows.length) return;
	const columns = rows[0].columns ?? [...new Set(rows.flatMap((r) => Object.keys(r.json)))];
	const showNode = new Set(rows.map((r) => r.node)).size > 1;
	const header = [...(showNode ? ['node'] : []), ...columns];
	const cells = rows.map((r) => [...(showNode ? [r.node] : []), ...columns.map((c) => cell(r.json[c]))]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
	const line = (values: string[]) => `    ${values.map((v, i) => v.padEnd(widths[i])).join('  ')}`.trimEnd();
	console.log(`  Sample     first rows of ${[...new Set(rows.map((r) => r.node))].join(' and ')}`);
	console.log(line(header));
	for (const row of cells) console.log(line(row));
}

export function errorLine(result: any): string {
	const error = result.error;
	const node = error?.node?.name ?? result.run?.data.resultData.lastNodeExecuted;
	return `${node ? `${node}: ` : ''}${error?.message ?? `status ${result.status}`}`;
}
