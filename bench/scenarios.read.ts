// Benchmark scenarios of Return All: 780,031 subscribers of an official account, and a 6,000-member group.

import { startBench, nodeTiming, callStats, cpuMeter, memory, fail, warmUp, medianOf } from './lib';

const OFFICIAL_ACCOUNT_NODE = 'tencentChatOfficialAccount';
const GROUP_MEMBERS_NODE = 'tencentChatGroupMembers';
const RETURN_ALL_SIZE = 780_031;
const GROUP_SIZE = 6_000;

/** Return All's parameters on the bench's official account. */
const readSubscribers = (more: object) => ({ resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_bench_all', ...more });

/** Every subscriber once, in subscription order (generated as user000001, user000002, ...), all from item 0. */
function checkSubscribers(items): void {
	if (items.length !== RETURN_ALL_SIZE) fail(`${items.length} items, expected ${RETURN_ALL_SIZE}`);
	for (let index = 0; index < items.length; index++) {
		if (
			items[index].json.Subscriber_Account !== `user${String(index + 1).padStart(6, '0')}` ||
			items[index].pairedItem.item !== 0
		) {
			fail(`item ${index} is ${JSON.stringify(items[index])}`);
		}
	}
}

/** Return All over 780,031 subscribers (3,901 pages, one after the other: Next is opaque). */
async function returnAll() {
	const { emu, harness, credentials } = await startBench();
	try {
		await emu.addOfficialAccount({ id: '@TOA#_bench_all', subscribers: RETURN_ALL_SIZE });
		await warmUp(harness, { type: OFFICIAL_ACCOUNT_NODE, parameters: readSubscribers({ returnAll: false, limit: 1000 }), credentials });
		await emu.clearRequests();
		const before = memory();
		const meter = cpuMeter(emu);
		const started = Date.now();
		const { items, error, result } = await harness.runNode({
			type: OFFICIAL_ACCOUNT_NODE,
			parameters: readSubscribers({ returnAll: true }),
			credentials,
			timeoutMs: 0,
		});
		const runMs = Date.now() - started;
		const cpu = meter.stop();
		const after = memory();
		if (error) fail(`the run failed: ${error.message}`);
		checkSubscribers(items);
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

async function groupMembersOnce(emu, harness, credentials, expected: string[]) {
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
	const node = nodeTiming(result, 'Node')!;
	const calls = await callStats(emu, 'get_group_member_info');
	return { items: items.length, runMs, cpu, node, calls, memory: memory() };
}

export { returnAll, groupMembers, RETURN_ALL_SIZE, GROUP_SIZE };
