'use strict';
// The benchmark scenarios. Each runs in its own child process (see run.js) and returns plain JSON.

const { EMULATOR, startBench, nodeTiming, callStats, cpuMeter, memory } = require('./lib');

const OFFICIAL_ACCOUNT_NODE = 'tencentChatOfficialAccount';
const GROUP_MEMBERS_NODE = 'tencentChatGroupMembers';
const SYNC_SIZE = 100_000;
const RETURN_ALL_SIZE = 780_031;
const GROUP_SIZE = 6_000;
const DIY_SAMPLE = 2_000;

const subscriberId = (index) => `bench${String(index).padStart(7, '0')}`;

function fail(message) {
	throw new Error(`benchmark check failed: ${message}`);
}

/**
 * One small run of the same node first, so the measured run finds the code compiled and loaded,
 * as it is in an n8n that has been running for a while.
 */
async function warmUp(harness, run) {
	const { error } = await harness.runNode({ ...run, timeoutMs: 0 });
	if (error) fail(`the warm-up run failed: ${error.message}`);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `measure(repetition)` `times` times, each after 1.2 s without calls (so every run starts with an
 * idle pacer, like a new execution), and returns the run with the median wall time, with every wall time.
 */
async function medianOf(times, measure) {
	const runs = [];
	for (let repetition = 0; repetition < times; repetition++) {
		await pause(1200);
		runs.push(await measure(repetition));
	}
	const sorted = [...runs].sort((a, b) => a.node.executionTime - b.node.executionTime);
	const median = sorted[Math.floor((sorted.length - 1) / 2)];
	return { ...median, repeats: runs.map((run) => run.node.executionTime) };
}

/** Add 100,000 subscribers, the IDs spread over `itemCount` input items; the median of `repeat` runs. */
async function sync({ itemCount, repeat = 1 }) {
	const perItem = SYNC_SIZE / itemCount;
	const { emu, harness, credentials } = await startBench();
	try {
		await emu.addOfficialAccount({ id: '@TOA#_bench_warmup', subscribers: [] });
		await warmUp(harness, {
			type: OFFICIAL_ACCOUNT_NODE,
			parameters: {
				resource: 'subscriber',
				operation: 'add',
				officialAccount: '@TOA#_bench_warmup',
				subscriberAccounts: '={{ $json.ids }}',
			},
			items: [{ json: { ids: Array.from({ length: 500 }, (_, k) => `warm${k}`) } }],
			credentials,
		});
		const items = [];
		for (let item = 0; item < itemCount; item++) {
			if (perItem === 1) items.push({ json: { id: subscriberId(item) } });
			else
				items.push({
					json: {
						ids: Array.from({ length: perItem }, (_, k) => subscriberId(item * perItem + k)),
					},
				});
		}
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

async function syncOnce(emu, harness, credentials, officialAccount, items, perItem) {
	const itemCount = items.length;
	const before = memory();
	const meter = cpuMeter(emu);
	const started = Date.now();
	const {
		items: output,
		error,
		result,
	} = await harness.runNode({
		type: OFFICIAL_ACCOUNT_NODE,
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
	const stored = await emu.getSubscribers(officialAccount);
	if (stored.length !== SYNC_SIZE) fail(`the emulator holds ${stored.length} subscribers`);
	const node = nodeTiming(result, 'Node');
	const calls = await callStats(emu, 'add_subscriber');
	return {
		itemCount,
		perItem,
		runMs,
		cpu,
		node,
		calls,
		beforeFirstCallMs: calls.firstArrival - node.startTime,
		callSpanMs: calls.lastArrival - calls.firstArrival + EMULATOR.latencyMs,
		memoryBefore: before,
		memory: memory(),
	};
}

/** Return All over 780,031 subscribers (3,901 pages, one after the other: Next is opaque). */
async function returnAll() {
	const { emu, harness, credentials } = await startBench();
	try {
		await emu.addOfficialAccount({ id: '@TOA#_bench_all', subscribers: RETURN_ALL_SIZE });
		await warmUp(harness, {
			type: OFFICIAL_ACCOUNT_NODE,
			parameters: {
				resource: 'subscriber',
				operation: 'getAll',
				officialAccount: '@TOA#_bench_all',
				returnAll: false,
				limit: 1000,
			},
			credentials,
		});
		await emu.clearRequests();
		const before = memory();
		const meter = cpuMeter(emu);
		const started = Date.now();
		const { items, error, result } = await harness.runNode({
			type: OFFICIAL_ACCOUNT_NODE,
			parameters: {
				resource: 'subscriber',
				operation: 'getAll',
				officialAccount: '@TOA#_bench_all',
				returnAll: true,
			},
			credentials,
			timeoutMs: 0,
		});
		const runMs = Date.now() - started;
		const cpu = meter.stop();
		const after = memory();
		if (error) fail(`the run failed: ${error.message}`);
		if (items.length !== RETURN_ALL_SIZE)
			fail(`${items.length} items, expected ${RETURN_ALL_SIZE}`);
		for (let index = 0; index < items.length; index++) {
			// Generated subscribers are user000001, user000002, ... in subscription order.
			if (
				items[index].json.Subscriber_Account !== `user${String(index + 1).padStart(6, '0')}` ||
				items[index].pairedItem.item !== 0
			) {
				fail(`item ${index} is ${JSON.stringify(items[index])}`);
			}
		}
		const node = nodeTiming(result, 'Node');
		const calls = await callStats(emu, 'get_subscriber_info');
		return { items: items.length, runMs, cpu, node, calls, memoryBefore: before, memory: after };
	} finally {
		await emu.close();
	}
}

/**
 * Return All over a 6,000-member Public group, default options (Offset paging, 100 a page); the
 * median of `repeat` runs.
 */
async function groupMembers({ repeat = 1 } = {}) {
	const { emu, harness, credentials } = await startBench();
	try {
		await emu.addGroup({ id: '@TGS#2BENCHPUBLIC', type: 'Public', members: GROUP_SIZE });
		await emu.addGroup({ id: '@TGS#2BENCHWARMUP', type: 'Public', members: 500 });
		const expected = await emu.getMembers('@TGS#2BENCHPUBLIC');
		await warmUp(harness, {
			type: GROUP_MEMBERS_NODE,
			parameters: {
				resource: 'member',
				operation: 'getAll',
				groupId: '@TGS#2BENCHWARMUP',
				returnAll: true,
			},
			credentials,
		});
		return await medianOf(repeat, async () => {
			await emu.clearRequests();
			return await groupMembersOnce(emu, harness, credentials, expected);
		});
	} finally {
		await emu.close();
	}
}

async function groupMembersOnce(emu, harness, credentials, expected) {
	const meter = cpuMeter(emu);
	const started = Date.now();
	const { items, error, result } = await harness.runNode({
		type: GROUP_MEMBERS_NODE,
		parameters: {
			resource: 'member',
			operation: 'getAll',
			groupId: '@TGS#2BENCHPUBLIC',
			returnAll: true,
		},
		credentials,
		timeoutMs: 0,
	});
	const runMs = Date.now() - started;
	const cpu = meter.stop();
	if (error) fail(`the run failed: ${error.message}`);
	const accounts = items.map((item) => item.json.Member_Account);
	if (JSON.stringify(accounts) !== JSON.stringify(expected))
		fail(`the members differ from the group's (${accounts.length} of ${expected.length})`);
	const node = nodeTiming(result, 'Node');
	const calls = await callStats(emu, 'get_group_member_info');
	return { items: items.length, runMs, cpu, node, calls, memory: memory() };
}

/** The loop a user would build: one call per subscriber, a new UserSig per call, one after the other. */
async function diy() {
	const { DiyAddSubscriber } = require('./diyNode');
	const { emu, harness, credentials } = await startBench({
		harness: { extraNodeTypes: [DiyAddSubscriber] },
	});
	try {
		await emu.addOfficialAccount({ id: '@TOA#_bench_diy', subscribers: [] });
		const ids = Array.from({ length: DIY_SAMPLE }, (_, index) => subscriberId(index));
		const workflow = {
			nodes: [
				{
					id: 'in',
					name: 'Input',
					type: 'harness.input',
					typeVersion: 1,
					position: [0, 0],
					parameters: { items: JSON.stringify(ids.map((id) => ({ id }))) },
				},
				{
					id: 'diy',
					name: 'DIY',
					type: 'harness.diyAddSubscriber',
					typeVersion: 1,
					position: [200, 0],
					parameters: {
						baseUrl: credentials.baseUrl,
						sdkAppId: credentials.sdkAppId,
						secretKey: credentials.secretKey,
						officialAccount: '@TOA#_bench_diy',
						subscriber: '={{ $json.id }}',
					},
				},
			],
			connections: { Input: { main: [[{ node: 'DIY', type: 'main', index: 0 }]] } },
		};
		const warmWorkflow = structuredClone(workflow);
		warmWorkflow.nodes[0].parameters.items = JSON.stringify(
			Array.from({ length: 10 }, (_, k) => ({ id: `warm${k}` })),
		);
		const warm = await harness.run(warmWorkflow, { timeoutMs: 0 });
		if (warm.error) fail(`the warm-up run failed: ${warm.error.message}`);
		await emu.clearRequests();
		const meter = cpuMeter(emu);
		const started = Date.now();
		const result = await harness.run(workflow, { timeoutMs: 0 });
		const runMs = Date.now() - started;
		const cpu = meter.stop();
		if (result.error) fail(`the run failed: ${result.error.message}`);
		const output = result.items('DIY');
		if (
			output.length !== DIY_SAMPLE ||
			!output.every(
				(item) => item.json.ActionStatus === 'OK' && item.json.SubscriberList[0].Result === 1,
			)
		) {
			fail('not every DIY call added its subscriber');
		}
		const node = nodeTiming(result, 'DIY');
		const calls = await callStats(emu, 'add_subscriber');
		return { sample: DIY_SAMPLE, target: SYNC_SIZE, runMs, cpu, node, calls, memory: memory() };
	} finally {
		await emu.close();
	}
}

const SCENARIOS = {
	'sync-items': () => sync({ itemCount: SYNC_SIZE }),
	'sync-list': () => sync({ itemCount: 1, repeat: 3 }),
	'return-all': returnAll,
	'group-members': () => groupMembers({ repeat: 5 }),
	diy,
	...require('./scenarios.batched').BATCHED_SCENARIOS,
	...require('./scenarios.groups').GROUP_SCENARIOS,
};

module.exports = { SCENARIOS, SYNC_SIZE, RETURN_ALL_SIZE, GROUP_SIZE, DIY_SAMPLE };
