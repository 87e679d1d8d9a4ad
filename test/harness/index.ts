// In-process n8n engine harness: loads a community package the way n8n does
// (PackageDirectoryLoader over package.json's `n8n` field) and runs workflow
// JSON through n8n-core's WorkflowExecute. See README.md.
import './setup-env';
import path from 'node:path';
import { prepareEnv } from './env';
import { REPO_ROOT } from './constants';
import { CORE_NODES } from './core-nodes';
import { loadHarness, nodeTypeName } from './load';
import type { Harness, HarnessOptions } from './types';

export { captureConsole } from './capture-console';
export { createDeferred } from './deferred';
export { CORE_NODES } from './core-nodes';
export * from './constants';
export type * from './types';

// One harness per package dir and fixture set. "Per process" means per jest
// module registry, i.e. per test file: jest loads n8n-core afresh for each.
const harnesses = new Map<string, Promise<Harness>>();
let loggerLevel: string | undefined; // n8n's Logger is a singleton: its level is fixed by the first harness

/**
 * The harness for this test file (cached by its options). `coreNodes` also loads n8n's own nodes, typed
 * `n8n-nodes-base.<name>`; the Code node then runs in an in-process task runner.
 */
export async function createHarness({ packageDir = REPO_ROOT, extraNodeTypes = [], logLevel, coreNodes = false }: HarnessOptions = {}): Promise<Harness> {
	if (logLevel !== undefined && loggerLevel !== undefined && logLevel !== loggerLevel) {
		throw new Error(`n8n's logger already runs at "${loggerLevel}" in this test file; logLevel cannot change`);
	}
	const dir = packageDir === null ? null : path.resolve(packageDir);
	const core = coreNodes === true ? CORE_NODES : coreNodes || [];
	const key = `${dir}|${extraNodeTypes.map(nodeTypeName).join(',')}|${[...core].sort().join(',')}`;
	if (!harnesses.has(key)) {
		if (loggerLevel === undefined) loggerLevel = prepareEnv({ logLevel }).logLevel; // before n8n's Logger exists
		const loading = loadHarness(dir, extraNodeTypes, core);
		harnesses.set(key, loading);
		loading.catch(() => harnesses.delete(key));
	}
	return await harnesses.get(key)!;
}
