// The single cases: one `n8n execute --id` each, after `emu.reset()` and the case's own emulator setting.
import { verifyCase } from '../cases/verify';
import type { E2eCase } from '../cases/types';
import { log, outputTexts } from '../report';
import { callsIn } from '../workflows';
import type { CallFilter } from '../workflows';
import type { VersionEnv } from './types';

export async function runSingles({ n8n, emu, report }: VersionEnv, cases: E2eCase[]): Promise<void> {
	for (const c of cases) {
		const t = Date.now();
		let res;
		try {
			await emu.reset();
			if (c.before) await c.before(emu, c.workflow);
			res = await n8n.execute(c.workflow.id);
		} catch (e: any) {
			report.record(c.name, false, Date.now() - t, e.message);
			continue;
		}
		if (report.verbose) log(res.stdout.slice(0, 4000));
		const requestLog = await emu.requests();
		const calls = (filter?: CallFilter) => callsIn(requestLog, filter);
		const run = res;
		await report.runCase(c.name, t, run, () => verifyCase(c, run, { emu, calls }), outputTexts(c.workflow.id, run));
	}
	await emu.reset();
}
