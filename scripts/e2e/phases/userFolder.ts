// What n8n wrote into its user folder (log files, database, settings) must hold no secret key or UserSig.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { VersionEnv } from '../runners/types';

/** Walks a folder: every file (path) under it, skipping `skip` folder names. */
function filesUnder(dir: string, skip: string[] = []): string[] {
	const out: string[] = [];
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (!skip.includes(entry.name)) out.push(...filesUnder(p, skip));
		} else if (entry.isFile()) out.push(p);
	}
	return out;
}

export function scanUserFolder({ n8n, report }: VersionEnv): void {
	const t3 = Date.now();
	try {
		const n8nFolder = path.join(n8n.userFolder, '.n8n');
		const files = filesUnder(n8nFolder, ['nodes', 'node_modules']);
		const logs = files.filter((f) => /\.log(\.\d+)?$/.test(f) || f.includes(`${path.sep}logs${path.sep}`));
		assert.ok(logs.length > 0, 'n8n wrote no log file (N8N_LOG_OUTPUT=console,file)');
		report.assertNoLeak(files.map((f) => ({ label: path.relative(n8n.userFolder, f), text: fs.readFileSync(f, 'latin1') })));
		const size = files.reduce((s, f) => s + fs.statSync(f).size, 0);
		const rel = (f: string) => path.relative(n8nFolder, f);
		const others = files.filter((f) => !logs.includes(f)).map(rel).join(', ');
		report.record(`no secret key or UserSig in the n8n user folder: log files ${logs.map(rel).join(', ')}; ${others} (${(size / 1e6).toFixed(1)} MB)`, true, Date.now() - t3);
	} catch (e: any) {
		report.record('no secret key or UserSig in the n8n user folder', false, Date.now() - t3, e.message);
	}
}
