'use strict';
// Table rows of the batched scenarios (bench/scenarios.batched.js).

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value) => `${Math.round(value)} MB`;
const int = (value) => value.toLocaleString('en-US');
const pass = (ok) => (ok ? 'met' : 'MISSED');

const FIELD_FLOOR_MS = (100_000 / 100 / 200) * 1000; // 1,000 calls at 200 calls/s

function batchedRows(results) {
	const out = [];
	const field = results['sync-field'];
	if (field) {
		const wall = field.node.executionTime;
		out.push({
			scenario: '5. Sync 100,000 subscribers (Add): 100,000 items, ID Source "Field of Each Input Item"',
			calls: `${int(field.calls.calls)} (expected 1,000)`,
			wall: s(wall),
			reference: `floor ${s(FIELD_FLOOR_MS)} (1,000 calls at 200/s)`,
			ratio: `${(wall / FIELD_FLOOR_MS).toFixed(2)}×`,
			target: `≤ 1.25× (${pass(wall / FIELD_FLOOR_MS <= 1.25 && field.calls.calls === 1000)})`,
			rss: mb(field.memory.maxRssMb),
			notes: `densest second at the server ${field.calls.maxPerSecond} calls; 60007 answers ${field.calls.rateLimited}`,
		});
	}
	for (const [name, label, expected] of [
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
	return out;
}

module.exports = { batchedRows };
