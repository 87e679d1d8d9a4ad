// Benchmark scenarios of the Group Members node: Add of 30,000 members over 30,000 items (ID Source
// "field"), Get Role of 5,000 members, and the group picker's first page in an app of 20,000 groups.

import { APP, nodeTiming, callStats, memory, fail, withBench, type Bench } from './lib';

const NODE = 'tencentChatGroupMembers';
const ADD_SIZE = 30_000;
const ROLE_SIZE = 5_000;
const PICKER_GROUPS = 20_000;

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const memberId = (index: number) => `gm${String(index).padStart(6, '0')}`;

async function runMember(bench: Bench, parameters: object, items: object[], command: string) {
	await bench.emu.clearRequests();
	const { items: output, error, result } = await bench.harness.runNode({ type: NODE, parameters: { resource: 'member', ...parameters }, items, credentials: bench.credentials, timeoutMs: 0 });
	if (error) fail(`the run failed: ${error.message}`);
	return { output, node: nodeTiming(result, 'Node'), calls: await callStats(bench.emu, command), memory: memory() };
}

/** Add 30,000 members, one per input item, read with ID Source "field": 100 calls of 300. */
function addMembers() {
	return withBench({}, async (bench) => {
		await bench.emu.addGroup({ id: '@TGS#benchwarm', type: 'Public', members: 1 });
		await bench.emu.addGroup({ id: '@TGS#benchadd', type: 'Public', members: 1 });
		const add = (groupId: string) => ({ operation: 'add', groupId: byId(groupId), idSource: 'field', idField: 'userId' });
		await runMember(bench, add('@TGS#benchwarm'), [{ json: { userId: 'warm' } }], 'add_group_member');
		const items = Array.from({ length: ADD_SIZE }, (_, index) => ({ json: { userId: memberId(index) } }));
		const run = await runMember(bench, add('@TGS#benchadd'), items, 'add_group_member');
		if (run.output.length !== ADD_SIZE || run.output.some((item, index) => item.json.memberAccount !== memberId(index) || item.json.result !== 'added')) {
			fail('not every member was added, in input order');
		}
		return { items: ADD_SIZE, node: run.node, calls: run.calls, memory: run.memory };
	});
}

/** Get Role of 5,000 members given as one list: 10 calls of 500. */
function getRole() {
	return withBench({}, async (bench) => {
		await bench.emu.addGroup({ id: '@TGS#benchrole', type: 'Public', members: ROLE_SIZE });
		const members = await bench.emu.getMembers('@TGS#benchrole');
		const run = await runMember(bench, { operation: 'getRole', groupId: byId('@TGS#benchrole'), memberAccounts: '={{ $json.ids }}' }, [{ json: { ids: members } }], 'get_role_in_group');
		if (run.output.length !== ROLE_SIZE) fail(`${run.output.length} roles`);
		return { items: ROLE_SIZE, node: run.node, calls: run.calls, memory: run.memory };
	});
}

/** The group picker's first page in an app of 20,000 groups, called as n8n calls a list search. */
function picker() {
	return withBench({ emulator: { apps: [{ ...APP, generatedGroups: { count: PICKER_GROUPS } }] } }, async (bench) => {
		const { TencentChatGroupMembers } = require('../dist/nodes/TencentChatGroupMembers/TencentChatGroupMembers.node');
		const search = new TencentChatGroupMembers().methods.listSearch.searchGroups;
		const context = bench.harness.loadOptionsContext({ type: NODE, credentials: bench.credentials });
		await bench.emu.clearRequests();
		const started = Date.now();
		const page = await search.call(context);
		const ms = Date.now() - started;
		if (!page.results.length) fail('the picker listed no groups');
		const log = await bench.emu.requests();
		return { ms, results: page.results.length, more: Boolean(page.paginationToken), calls: log.length, memory: memory() };
	});
}

const GROUP_SCENARIOS: Record<string, () => Promise<any>> = { 'group-add-field': addMembers, 'group-get-role': getRole, 'group-picker': picker };

export { GROUP_SCENARIOS, ADD_SIZE, ROLE_SIZE, PICKER_GROUPS };
