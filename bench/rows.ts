// Table rows of the first four scenarios (bench/scenarios.sync.ts, scenarios.read.ts, scenarios.diy.ts),
// then those of the batched and Group Members scenarios (rows.batched.ts).

import { s, mb, int, ratio, pass, type Row, type Results } from './format';
import { batchedRows } from './rows.batched';

const LATENCY_MS = 50;
const FLOOR_SYNC_MS = (100_000 / 100 / 200) * 1000; // 1,000 calls at 200 calls/s

/** CPU used during the measured run by the n8n process and by the emulator, and the machine's load average. */
function cpuNote(r): string {
	if (!r.cpu) return '';
	const emulator = r.cpu.emulatorCpuMs === null ? 'n/a' : s(r.cpu.emulatorCpuMs);
	const [from, to] = r.cpu.loadAverage.map((value: number) => value.toFixed(1));
	return `CPU: n8n process ${s(r.cpu.nodeProcessCpuMs)}, emulator ${emulator}; load average ${from} → ${to}`;
}

/** "5.41 s" for one run; "5.41 s (median of 3: 5.30–6.02 s)" for several. */
function wallText(r): string {
	const wall = s(r.node.executionTime);
	if (!r.repeats || r.repeats.length < 2) return wall;
	const low = Math.min(...r.repeats);
	const high = Math.max(...r.repeats);
	return `${wall} (median of ${r.repeats.length}: ${(low / 1000).toFixed(2)}–${s(high)})`;
}

/** 1a and 1b: the same 100,000 adds, as one ID per item and as one item holding the list. */
function syncRows(results: Results): Row[] {
	const out: Row[] = [];
	for (const [name, label] of [
		[
			'sync-items',
			'1a. Sync 100,000 subscribers (Add): 100,000 items, one ID each via `={{ $json.id }}`',
		],
		[
			'sync-list',
			'1b. Sync 100,000 subscribers (Add): 1 item with 100,000 IDs via `={{ $json.ids }}`',
		],
	]) {
		const r = results[name];
		if (!r) continue;
		const wall = r.node.executionTime;
		out.push({
			scenario: label,
			calls: int(r.calls.calls),
			wall: wallText(r),
			reference: `floor ${s(FLOOR_SYNC_MS)} (1,000 calls at 200/s)`,
			ratio: ratio(wall / FLOOR_SYNC_MS),
			target: `≤ 1.15× (${pass(wall / FLOOR_SYNC_MS <= 1.15)})`,
			rss: mb(r.maxRssMb),
			notes:
				`before the first call ${s(r.beforeFirstCallMs)}, calls ${s(r.callSpanMs)} (${ratio(r.callSpanMs / FLOOR_SYNC_MS)} of floor), ` +
				`after the last answer ${s(wall - r.beforeFirstCallMs - r.callSpanMs)}; ` +
				`densest second at the server ${r.calls.maxPerSecond} calls; 60007 answers ${r.calls.rateLimited}; UserSigs ${r.calls.distinctTicketIds}; ${cpuNote(r)}`,
		});
	}
	return out;
}

/** 2: Return All over 780,031 subscribers, against calls × latency, with its memory per 1,000 items. */
function returnAllRows(results: Results): Row[] {
	const all = results['return-all'];
	if (!all) return [];
	const wall = all.node.executionTime;
	const reference = all.calls.calls * LATENCY_MS;
	const grownMb = all.maxRssMb - all.memoryBefore.rssMb;
	return [
		{
			scenario: `2. Return All over ${int(all.items)} subscribers`,
			calls: `${int(all.calls.calls)} (expected 3,901)`,
			wall: s(wall),
			reference: `calls × latency ${s(reference)}`,
			ratio: ratio(wall / reference),
			target: `≤ 1.10× (${pass(wall / reference <= 1.1 && all.calls.calls === 3901)})`,
			rss: mb(all.maxRssMb),
			notes:
				`RSS before the run ${mb(all.memoryBefore.rssMb)}, growth ${mb(grownMb)} = ${((grownMb * 1024) / (all.items / 1000)).toFixed(0)} KB per 1,000 items ` +
				`(${((all.maxRssMb * 1024) / (all.items / 1000)).toFixed(0)} KB per 1,000 items counting the whole process); ` +
				`heap after ${mb(all.memory.heapUsedMb)}; ${((wall - reference) / all.calls.calls).toFixed(1)} ms per call over the latency` +
				`${all.cpu?.emulatorCpuMs ? `, of which ${(all.cpu.emulatorCpuMs / all.calls.calls).toFixed(1)} ms emulator CPU` : ''}; UserSigs ${all.calls.distinctTicketIds}; ${cpuNote(all)}`,
		},
	];
}

/** 3: Return All over a 6,000-member group, against the same calls one after the other. */
function groupMembersRows(results: Results): Row[] {
	const group = results['group-members'];
	if (!group) return [];
	const wall = group.node.executionTime;
	const sequential = group.calls.calls * LATENCY_MS;
	return [
		{
			scenario: `3. Return All over a ${int(group.items)}-member Public group (default Page Size 100)`,
			calls: int(group.calls.calls),
			wall: wallText(group),
			reference: `sequential ${s(sequential)} (calls × latency)`,
			ratio: `${(sequential / wall).toFixed(1)}× faster`,
			target: `≥ 5× faster (${pass(sequential / wall >= 5)})`,
			rss: mb(group.maxRssMb),
			notes: `densest second at the server ${group.calls.maxPerSecond} calls; UserSigs ${group.calls.distinctTicketIds}; ${cpuNote(group)}`,
		},
	];
}

/** 4: the do-it-yourself loop, extrapolated from its sample to 100,000, against our sync. */
function diyRows(results: Results): Row[] {
	const diy = results.diy;
	if (!diy) return [];
	const ours = results['sync-list'] ?? results['sync-items'];
	const factor = diy.target / diy.sample;
	const wall = diy.node.executionTime * factor;
	const fewer = ours ? diy.target / ours.calls.calls : undefined;
	return [
		{
			scenario: `4. DIY baseline: loop + HTTP Request, 1 subscriber per call, new UserSig per call (measured ${int(diy.sample)}, extrapolated to ${int(diy.target)})`,
			calls: `${int(diy.calls.calls * factor)} (extrapolated; measured ${int(diy.calls.calls)})`,
			wall: `${s(wall)} (extrapolated; measured ${s(diy.node.executionTime)})`,
			reference: ours ? `ours: ${int(ours.calls.calls)} calls, ${s(ours.node.executionTime)}` : '',
			ratio: fewer
				? `${fewer.toFixed(0)}× fewer calls, ${(wall / ours.node.executionTime).toFixed(0)}× less time`
				: '',
			target: `≥ 90× fewer calls (${fewer ? pass(fewer >= 90) : 'n/a'})`,
			rss: mb(diy.maxRssMb),
			notes: `${(diy.node.executionTime / diy.sample).toFixed(1)} ms per call; distinct UserSigs seen ${diy.calls.distinctTicketIds} (a UserSig holds whole seconds, so same-second ones are equal); ${cpuNote(diy)}`,
		},
	];
}

/** Every row, in the table's order, for the scenarios that ran. */
function rows(results: Results): Row[] {
	return [...syncRows(results), ...returnAllRows(results), ...groupMembersRows(results), ...diyRows(results), ...batchedRows(results)];
}

export { rows };
