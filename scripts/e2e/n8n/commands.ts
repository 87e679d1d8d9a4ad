// The n8n CLI commands the e2e suite uses: import, execute, execute-batch.
import fs from 'node:fs';
import path from 'node:path';
import { cli, mustSucceed, writeInput } from './cli';
import type { CliOptions, CliResult, Instance } from './cli';
import { parseExecuteOutput } from './output';

export interface ExecuteResult extends CliResult {
	/** The IRun (also printed for a failed run), or null. */
	json: any;
}

export interface BatchRun {
	json: any;
	text: string | null;
	result: any;
}

export interface BatchResult extends CliResult {
	summary: any;
	summaryText: string;
	runs: Record<string, BatchRun>;
}

const asList = <T>(json: T | T[]): T[] => (Array.isArray(json) ? json : [json]);

/**
 * Imports credentials: one object or an array of
 * { id, name, type, data: { ...plain-text fields } } — n8n encrypts `data`
 * with the instance key. Give an explicit `id` to reference it from workflows.
 */
export async function importCredentials(instance: Instance, json: object | object[]): Promise<CliResult> {
	const file = writeInput(instance, 'credentials', asList(json));
	try {
		return mustSucceed('n8n import:credentials', await cli(instance, ['import:credentials', `--input=${file}`]));
	} finally {
		fs.rmSync(file, { force: true }); // it holds the secrets in plain text
	}
}

/** Imports workflows: one object or an array (each with an `id` of at most 21 chars). */
export async function importWorkflow(instance: Instance, json: any): Promise<CliResult> {
	const list = asList(json);
	for (const wf of list) {
		if (wf.id && String(wf.id).length > 21) throw new Error(`workflow id "${wf.id}" is over 21 characters`);
	}
	const file = writeInput(instance, 'workflows', list);
	return mustSucceed('n8n import:workflow', await cli(instance, ['import:workflow', `--input=${file}`]));
}

/** `n8n execute --id=<id> --rawOutput`: code 0 on success, 1 on failure. */
export async function execute(instance: Instance, id: string, opts?: CliOptions): Promise<ExecuteResult> {
	const r = await cli(instance, ['execute', `--id=${id}`, '--rawOutput'], opts);
	return { ...r, json: parseExecuteOutput(r.stdout) };
}

function readJson(text: string | null): any {
	try {
		return text ? JSON.parse(text) : null;
	} catch {
		return null;
	}
}

const readIfThere = (file: string): string | null => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

/**
 * `n8n execute-batch --ids=<ids> --snapshot=<dir> --output=<file>`: runs the
 * workflows one after the other (concurrency 1) in a single n8n process.
 * n8n takes only ids that contain a digit. runs[id].json is the IRun of a successful
 * workflow (n8n writes a snapshot for those only) and result its entry in the summary
 * ({ executionStatus, error, ... }).
 */
export async function executeBatch(instance: Instance, ids: string[], { timeoutMs = 600000 } = {}): Promise<BatchResult> {
	for (const id of ids) {
		if (!/\d/.test(id)) throw new Error(`n8n execute-batch ignores workflow id "${id}": it needs a digit`);
	}
	const dir = fs.mkdtempSync(path.join(instance.scratch, 'batch-'));
	const snapshots = path.join(dir, 'snapshots');
	fs.mkdirSync(snapshots);
	const output = path.join(dir, 'summary.json');
	const args = ['execute-batch', `--ids=${ids.join(',')}`, `--snapshot=${snapshots}`, `--output=${output}`];
	const r = await cli(instance, args, { timeoutMs });
	const summaryText = readIfThere(output) ?? '';
	const summary = readJson(summaryText);
	const runs: Record<string, BatchRun> = {};
	for (const id of ids) {
		const text = readIfThere(path.join(snapshots, `${id}-snapshot.json`));
		const result = summary?.executions?.find((e: any) => e.workflowId === id) ?? null;
		runs[id] = { json: readJson(text), text, result };
	}
	return { ...r, summary, summaryText, runs };
}
