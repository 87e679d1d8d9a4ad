// Table rows of the batched and Group Members scenarios (bench/scenarios.batched.ts, bench/scenarios.groups.ts).

import { s, mb, int, ratio, pass, type Row, type Results } from './format';

const FIELD_FLOOR_MS = (100_000 / 100 / 200) * 1000; // 1,000 calls at 200 calls/s

function batchedRows(results: Results): Row[] {
	const out: Row[] = [];
	const field = results['sync-field'];
	if (field) {
		const wall = field.node.executionTime;
		out.push({
			scenario: '5. Sync 100,000 subscribers (Add): 100,000 items, ID Source "Field of Each Input Item"',
			calls: `${int(field.calls.calls)} (expected 1,000)`,
			wall: s(wall),
			reference: `floor ${s(FIELD_FLOOR_MS)} (1,000 calls at 200/s)`,
			ratio: ratio(wall / FIELD_FLOOR_MS),
			target: `≤ 1.25× (${pass(wall / FIELD_FLOOR_MS <= 1.25 && field.calls.calls === 1000)})`,
			rss: mb(field.memory.maxRssMb),
			notes: `densest second at the server ${field.calls.maxPerSecond} calls; 60007 answers ${field.calls.rateLimited}`,
		});
	}
	for (const [name, label, expected] of <[string, string, number][]>[
		['recall', '6. Recall 1,000 message keys over 100 items', 100],
		['get-accounts', '7. Get 500 official accounts over 500 items', 10],
	]) {
		const r = results[name];
		if (!r) continue;
		out.push({
			scenario: label,
			calls: int(r.calls.calls),
			wall: s(r.node.executionTime),
			reference: `exactly ${expected} calls`,
			ratio: '',
			target: `${expected} calls (${pass(r.calls.calls === expected)})`,
			rss: mb(r.memory.maxRssMb),
			notes: `densest second at the server ${r.calls.maxPerSecond} calls`,
		});
	}
	return out.concat(groupRows(results));
}

const ADD_FLOOR_MS = (30_000 / 300 / 200) * 1000; // 100 calls at 200 calls/s

function groupRows(results: Results): Row[] {
	const out: Row[] = [];
	const add = results['group-add-field'];
	if (add) {
		const wall = add.node.executionTime;
		const floor = ADD_FLOOR_MS + 50; // and the last answer's 50 ms
		out.push({
			scenario: '8. Add 30,000 group members: 30,000 items, ID Source "Field of Each Input Item"',
			calls: `${int(add.calls.calls)} (expected 100)`,
			wall: s(wall),
			reference: `floor ${s(floor)} (100 calls at 200/s, plus the last answer)`,
			ratio: ratio(wall / floor),
			target: `≤ 1.25× (${pass(wall / floor <= 1.25 && add.calls.calls === 100)})`,
			rss: mb(add.memory.maxRssMb),
			notes: `densest second at the server ${add.calls.maxPerSecond} calls; 60007 answers ${add.calls.rateLimited}`,
		});
	}
	const role = results['group-get-role'];
	if (role) {
		out.push({ scenario: '9. Get Role of 5,000 members', calls: int(role.calls.calls), wall: s(role.node.executionTime), reference: 'exactly 10 calls', ratio: '', target: `10 calls (${pass(role.calls.calls === 10)})`, rss: mb(role.memory.maxRssMb), notes: '' });
	}
	const picker = results['group-picker'];
	if (picker) {
		out.push({
			scenario: "10. Group picker's first page, app of 20,000 groups",
			calls: int(picker.calls),
			wall: s(picker.ms),
			reference: 'under 2 s',
			ratio: '',
			target: `< 2 s (${pass(picker.ms < 2000)})`,
			rss: mb(picker.memory.maxRssMb),
			notes: `${picker.results} groups listed${picker.more ? ', more on the next page' : ''}`,
		});
	}
	return out;
}

export { batchedRows };
