// Benchmark scenarios of Add: 100,000 subscribers, as one ID per input item or as one item holding the list.

import { EMULATOR, startBench, nodeTiming, callStats, cpuMeter, memory, fail, warmUp, medianOf } from './lib';

const NODE = 'tencentChatOfficialAccount';
const SYNC_SIZE = 100_000;

const subscriberId = (index: number) => `bench${String(index).padStart(7, '0')}`;

/** `itemCount` input items holding the 100,000 IDs: `{ id }` each when one per item, else `{ ids }`. */
function syncItems(itemCount: number, perItem: number) {
	const items: { json: { id?: string; ids?: string[] } }[] = [];
	for (let item = 0; item < itemCount; item++) {
		if (perItem === 1) items.push({ json: { id: subscriberId(item) } });
		else
			items.push({
				json: {
					ids: Array.from({ length: perItem }, (_, k) => subscriberId(item * perItem + k)),
				},
			});
	}
	return items;
}

/** Add 100,000 subscribers, the IDs spread over `itemCount` input items; the median of `repeat` runs. */
async function sync({ itemCount, repeat = 1 }: { itemCount: number; repeat?: number }) {
	const perItem = SYNC_SIZE / itemCount;
	const { emu, harness, credentials } = await startBench();
	try {
		await emu.addOfficialAccount({ id: '@TOA#_bench_warmup', subscribers: [] });
		await warmUp(harness, {
			type: NODE,
			parameters: {
				resource: 'subscriber',
				operation: 'add',
				officialAccount: '@TOA#_bench_warmup',
				subscriberAccounts: '={{ $json.ids }}',
			},
			items: [{ json: { ids: Array.from({ length: 500 }, (_, k) => `warm${k}`) } }],
			credentials,
		});
		const items = syncItems(itemCount, perItem);
		return await medianOf(repeat, async (repetition) => {
			// A new official account each time, so every run adds all 100,000.
			const officialAccount = `@TOA#_bench_sync${repetition}`;
			await emu.addOfficialAccount({ id: officialAccount, subscribers: [] });
			await emu.clearRequests();
			return await syncOnce(emu, harness, credentials, officialAccount, items, perItem);
		});
	} finally {
		await emu.close();
	}
}

/** Every output item is "added" for its ID, in input order, paired with the item it came from. */
function checkSyncOutput(output, perItem: number): void {
	if (output.length !== SYNC_SIZE) fail(`${output.length} output items, expected ${SYNC_SIZE}`);
	for (let index = 0; index < output.length; index++) {
		const { json, pairedItem } = output[index];
		if (
			json.subscriberAccount !== subscriberId(index) ||
			json.result !== 'added' ||
			pairedItem.item !== Math.floor(index / perItem)
		) {
			fail(`output item ${index} is ${JSON.stringify(output[index])}`);
		}
	}
}

async function syncOnce(emu, harness, credentials, officialAccount: string, items: object[], perItem: number) {
	const itemCount = items.length;
	const before = memory();
	const meter = cpuMeter(emu);
	const started = Date.now();
	const {
		items: output,
		error,
		result,
	} = await harness.runNode({
		type: NODE,
		parameters: {
			resource: 'subscriber',
			operation: 'add',
			officialAccount,
			subscriberAccounts: perItem === 1 ? '={{ $json.id }}' : '={{ $json.ids }}',
		},
		items,
		credentials,
		timeoutMs: 0,
	});
	const runMs = Date.now() - started;
	const cpu = meter.stop();
	if (error) fail(`the run failed: ${error.message}`);
	checkSyncOutput(output, perItem);
	const stored = await emu.getSubscribers(officialAccount);
	if (stored.length !== SYNC_SIZE) fail(`the emulator holds ${stored.length} subscribers`);
	const node = nodeTiming(result, 'Node')!;
	const calls = await callStats(emu, 'add_subscriber');
	return {
		itemCount,
		perItem,
		runMs,
		cpu,
		node,
		calls,
		beforeFirstCallMs: calls.firstArrival! - node.startTime,
		callSpanMs: calls.lastArrival! - calls.firstArrival! + EMULATOR.latencyMs,
		memoryBefore: before,
		memory: memory(),
	};
}

export { sync, subscriberId, SYNC_SIZE };
