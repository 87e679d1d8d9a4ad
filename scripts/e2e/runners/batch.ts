// The batch cases: run together in one `n8n execute-batch`; each case uses its own account or group, so
// `ctx.calls({ id })` holds only its own API calls.
import { verifyCase } from '../cases/verify';
import type { E2eCase } from '../cases/types';
import { log, secs } from '../report';
import { callsIn } from '../workflows';
import type { CallFilter, RunResult } from '../workflows';
import type { VersionEnv } from './types';

/** A batch run as one case sees it: exit 0 when the summary says success. */
function runOf(batch: any, id: string): RunResult {
	const run = batch.runs[id];
	const res: RunResult = { code: run.result?.executionStatus === 'success' ? 0 : 1, json: run.json, result: run.result, stdout: '', stderr: '' };
	if (!run.result) res.stderr = `no result for ${id} in the batch summary; batch exit ${batch.code}:\n${batch.stderr.slice(-1500)}\n${batch.stdout.slice(-1500)}`;
	return res;
}

export async function runBatch({ key, n8n, emu, report }: VersionEnv, cases: E2eCase[]): Promise<void> {
	const tb = Date.now();
	await emu.reset();
	const batch = await n8n.executeBatch(cases.map((c) => c.workflow.id));
	log(`[${key}] n8n execute-batch of ${cases.length} workflows: exit ${batch.code} in ${secs(Date.now() - tb)}`);
	if (report.verbose) log(batch.stdout.slice(-3000));
	const requestLog = await emu.requests();
	const calls = (filter?: CallFilter) => callsIn(requestLog, filter);
	for (const c of cases) {
		const res = runOf(batch, c.workflow.id);
		await report.runCase(`${c.name} [batch]`, Date.now(), res, () => verifyCase(c, res, { emu, calls }), [
			{ label: 'batch stdout', text: batch.stdout },
			{ label: 'batch stderr', text: batch.stderr },
			{ label: 'batch summary', text: batch.summaryText },
			{ label: `${c.workflow.id} snapshot`, text: batch.runs[c.workflow.id].text ?? '' },
		]);
	}
}
