// What the e2e run prints: PASS/FAIL per case, with the leak scan of what n8n printed for it.
import assert from 'node:assert/strict';
import { SECRETS } from './config';
import { createLeakScanner } from './leaks';
import type { Text } from './leaks';
import type { RunResult } from './workflows';

export interface Result {
	key: string;
	name: string;
	ok: boolean;
}

export const log = (msg: string): void => {
	process.stdout.write(`${msg}\n`);
};
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The stdout, stderr and run data of one n8n call, for the leak scan. */
export const outputTexts = (what: string, res: RunResult | undefined): Text[] => [
	{ label: `${what} stdout`, text: res?.stdout },
	{ label: `${what} stderr`, text: res?.stderr },
	{ label: `${what} run data`, text: res?.json ? JSON.stringify(res.json) : '' },
];

/** Why a check failed, with the run's error, or the tail of n8n's output when there is no run data. */
function failure(e: any, res: RunResult | undefined): string {
	let message = e.message;
	const err = res?.json?.data?.resultData?.error;
	if (err && !message.includes(err.message)) message += `\n(run error: ${err.message})`;
	if (res && !res.json && !e.explained && (res.stdout || res.stderr)) message += `\n(stdout tail: ${res.stdout.slice(-600)}\nstderr tail: ${res.stderr.slice(-600)})`;
	return message.slice(0, 3000);
}

/** The report of one n8n version: results go to `results`, lines to stdout. */
export function createReport(key: string, results: Result[], verbose: boolean) {
	const scanner = createLeakScanner({ secrets: SECRETS });
	const record = (name: string, ok: boolean, ms: number, detail?: string | void) => {
		results.push({ key, name, ok });
		const extra = detail ? `\n       ${String(detail).split('\n').join('\n       ')}` : '';
		log(`${ok ? 'PASS' : 'FAIL'} [${key}] ${name} (${secs(ms)})${extra}`);
	};
	/** Fails when any of the texts holds a secret key or a UserSig. */
	const assertNoLeak = (texts: Text[]) => {
		const problems = scanner.scan(texts);
		assert.ok(problems.length === 0, `secret leak in n8n's output:\n${problems.join('\n')}`);
	};
	/** Runs a check, then the leak scan (also when the check failed); records PASS/FAIL. */
	const runCase = async (name: string, t0: number, res: RunResult | undefined, fn: () => Promise<string | void>, texts: Text[]) => {
		const problems: string[] = [];
		let note: string | void = undefined;
		try {
			note = await fn();
		} catch (e: any) {
			problems.push(failure(e, res));
		}
		const leaks = scanner.scan(texts);
		if (leaks.length) problems.push(`secret leak in n8n's output:\n${leaks.join('\n')}`);
		record(name, problems.length === 0, Date.now() - t0, problems.length ? problems.join('\n') : verbose || note ? note : undefined);
	};
	return { key, verbose, scanner, record, assertNoLeak, runCase };
}

export type Report = ReturnType<typeof createReport>;
