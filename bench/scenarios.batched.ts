// Benchmark scenarios of the batched operations: Add with ID Source "field" over one item per contact,
// Recall of 1,000 keys over 100 items, Get of 500 official accounts over 500 items.

import { nodeTiming, callStats, cpuMeter, memory, fail, withBench, type Bench } from './lib';

const NODE = 'tencentChatOfficialAccount';
const FIELD_SYNC_SIZE = 100_000;
const RECALL_KEYS = 1_000;
const RECALL_ITEMS = 100;
const ACCOUNTS = 500;

interface Measured {
	parameters: object;
	items: object[];
	command: string;
	check: (output: any[]) => void;
}

/** Runs the node once on `items` and measures it; `check(items)` verifies the output. */
async function measure(bench: Bench, { parameters, items, command, check }: Measured) {
	const { emu, harness, credentials } = bench;
	await emu.clearRequests();
	const before = memory();
	const meter = cpuMeter(emu);
	const { items: output, error, result } = await harness.runNode({ type: NODE, parameters, items, credentials, timeoutMs: 0 });
	const cpu = meter.stop();
	if (error) fail(`the run failed: ${error.message}`);
	check(output);
	return { items: items.length, node: nodeTiming(result, 'Node'), calls: await callStats(emu, command), cpu, memoryBefore: before, memory: memory() };
}

const userId = (index: number) => `field${String(index).padStart(7, '0')}`;

/** 100,000 input items with one ID each in `userId`, read straight from the items (ID Source "field"). */
function syncField() {
	return withBench({}, async (bench) => {
		const add = (officialAccount: string) => ({ resource: 'subscriber', operation: 'add', officialAccount, idSource: 'field', idField: 'userId' });
		await bench.emu.addOfficialAccount({ id: '@TOA#_bench_fwarm', subscribers: [] });
		await measure(bench, { parameters: add('@TOA#_bench_fwarm'), items: [{ json: { userId: 'warm' } }], command: 'add_subscriber', check: () => {} });
		await bench.emu.addOfficialAccount({ id: '@TOA#_bench_field', subscribers: [] });
		const items = Array.from({ length: FIELD_SYNC_SIZE }, (_, index) => ({ json: { userId: userId(index) } }));
		return await measure(bench, {
			parameters: add('@TOA#_bench_field'),
			items,
			command: 'add_subscriber',
			check(output) {
				if (output.length !== FIELD_SYNC_SIZE) fail(`${output.length} output items`);
				output.forEach(({ json, pairedItem }, index) => {
					if (json.subscriberAccount !== userId(index) || json.result !== 'added' || pairedItem.item !== index) fail(`output item ${index} is ${JSON.stringify(json)}`);
				});
			},
		});
	});
}

/** The newest `count` message keys of an account, read with Message → Get Many. */
async function messageKeys(bench: Bench, officialAccount: string, count: number): Promise<string[]> {
	const { items, error } = await bench.harness.runNode({
		type: NODE,
		parameters: { resource: 'message', operation: 'getAll', officialAccount, returnAll: false, limit: count },
		credentials: bench.credentials,
		timeoutMs: 0,
	});
	if (error || items.length !== count) fail(`could not read ${count} message keys: ${error?.message ?? items.length}`);
	return items.map((item) => item.json.MsgKey);
}

/** Recall of 1,000 keys of one account, 10 keys on each of 100 items: exactly 100 calls. */
function recall() {
	return withBench({}, async (bench) => {
		await bench.emu.addOfficialAccount({ id: '@TOA#_bench_recall', messages: RECALL_KEYS + 10 });
		const keys = await messageKeys(bench, '@TOA#_bench_recall', RECALL_KEYS);
		const perItem = RECALL_KEYS / RECALL_ITEMS;
		const items = Array.from({ length: RECALL_ITEMS }, (_, item) => ({ json: { keys: keys.slice(item * perItem, (item + 1) * perItem) } }));
		return await measure(bench, {
			parameters: { resource: 'message', operation: 'recall', officialAccount: '@TOA#_bench_recall', messageKeys: '={{ $json.keys }}' },
			items,
			command: 'official_account_msg_recall',
			check(output) {
				if (output.length !== RECALL_KEYS || !output.every((item) => item.json.result === 'recalled')) fail('not every key was recalled');
			},
		});
	});
}

/** Get of 500 official accounts, one on each of 500 items: exactly 10 calls. */
function getAccounts() {
	return withBench({}, async (bench) => {
		const ids = Array.from({ length: ACCOUNTS }, (_, index) => `@TOA#_bench_get${index}`);
		for (const id of ids) await bench.emu.addOfficialAccount({ id, subscribers: 0 });
		return await measure(bench, {
			parameters: { resource: 'officialAccount', operation: 'get', officialAccount: '={{ $json.id }}' },
			items: ids.map((id) => ({ json: { id } })),
			command: 'get_official_account_info',
			check(output) {
				if (output.length !== ACCOUNTS || output.some((item, index) => item.pairedItem.item !== index)) fail('Get did not give one item per account');
			},
		});
	});
}

const BATCHED_SCENARIOS: Record<string, () => Promise<any>> = { 'sync-field': syncField, recall, 'get-accounts': getAccounts };

export { BATCHED_SCENARIOS, FIELD_SYNC_SIZE, RECALL_KEYS, ACCOUNTS };
