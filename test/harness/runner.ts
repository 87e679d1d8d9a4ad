// The harness object: run(workflowJson) and runNode(...).
import { startExecution } from './execution';
import { createResult } from './result';
import { createContexts } from './contexts';
import { createWebhookCaller } from './webhook';
import { buildWorkflow, credentialsHelperFor, withTimeout, workflowDataOf } from './workflow';
import { CREDENTIAL_TYPE, CREDENTIAL_ID, CREDENTIAL_NAME, DEFAULT_TIMEOUT_MS, PACKAGE_NAME } from './constants';
import type { PackageDirectoryLoader } from 'n8n-core';
import type { NodeTypes, CredentialTypes } from './registries';
import type { AdditionalDataOptions } from './execution';
import type { Harness, NodeRun, PendingRun, RunNodeOptions, RunOptions, RunResult, WorkflowJson } from './types';

export { buildWorkflow, withTimeout } from './workflow';

export interface RunnerOptions {
	loader: PackageDirectoryLoader | undefined;
	nodeTypes: NodeTypes;
	credentialTypes: CredentialTypes;
	container: any;
	packageName: string | undefined;
	startRunnerTask: AdditionalDataOptions['startRunnerTask'];
}

type RunFunction = Harness['run'];

export function createRunner(options: RunnerOptions): Harness {
	const { loader, nodeTypes, credentialTypes, container, packageName, startRunnerTask } = options;
	const run = createRun(options);
	const { loadOptionsContext } = createContexts({ nodeTypes, credentialTypes, packageName });
	const { callWebhook } = createWebhookCaller({ nodeTypes, credentialTypes, startRunnerTask });
	return { run, runNode: createRunNode(run, packageName), callWebhook, loadOptionsContext, loader, nodeTypes, credentialTypes, container, packageName };
}

/**
 * run(): runs workflow JSON ({ nodes, connections, settings? }). Returns a promise
 * of the result that also has cancel(), for cancelling while it runs.
 */
function createRun({ nodeTypes, credentialTypes, startRunnerTask }: RunnerOptions): RunFunction {
	return function run(workflowJson: WorkflowJson, { credentials = {}, timeoutMs = DEFAULT_TIMEOUT_MS, cancelAfterMs }: RunOptions = {}): PendingRun {
		// Workflow fills parameter defaults into the node objects: work on a copy.
		const data = structuredClone(workflowJson);
		let workflow;
		try {
			workflow = buildWorkflow(data, nodeTypes);
		} catch (error) {
			// e.g. an unknown node type: a broken test, not a failed run
			return Object.assign(Promise.reject(error), { cancel() {} });
		}
		const credentialsHelper = credentialsHelperFor(credentialTypes, credentials);
		const execution = startExecution({ workflow, workflowData: workflowDataOf(workflow, data, false), credentialsHelper, startRunnerTask });

		let cancelled = false;
		const cancel = () => {
			cancelled = true;
			execution.cancel();
		};
		const timers: NodeJS.Timeout[] = [];
		if (cancelAfterMs !== undefined) timers.push(setTimeout(cancel, cancelAfterMs));
		const finished = execution.done.then(({ run: irun, error, execute }): RunResult => {
			const result = createResult({ run: irun, error, execute, cancel, cancelled: () => cancelled });
			// Non-enumerable: keeps jest's printout of a result readable.
			return Object.defineProperty(result, 'credentialsHelper', { value: credentialsHelper });
		});
		const guarded = timeoutMs > 0 ? withTimeout(finished, timeoutMs, cancel, timers) : finished;
		const promise = guarded.finally(() => timers.forEach(clearTimeout));
		return Object.assign(promise, { cancel });
	};
}

/** runNode(): Input (emits items) -> Node (our package's `type`). */
function createRunNode(run: RunFunction, packageName: string | undefined): Harness['runNode'] {
	return async function runNode({ credentials, nodeName = 'Node', ...options }: RunNodeOptions): Promise<NodeRun> {
		const { workflow, runOptions } = singleNodeWorkflow({ ...options, nodeName }, packageName ?? PACKAGE_NAME);
		const result = await run(workflow, { ...runOptions, credentials: credentials ? { [CREDENTIAL_ID]: credentials } : {} });
		return { items: result.ran(nodeName) ? result.items(nodeName) : [], error: result.error, result };
	};
}

/** The workflow Input -> Node for runNode(), and the options left for run(). */
function singleNodeWorkflow(
	{ type, parameters = {}, items = [{ json: {} }], continueOnFail = false, nodeName, credentialType = CREDENTIAL_TYPE, typeVersion = 1, ...runOptions }: Omit<RunNodeOptions, 'credentials'> & { nodeName: string },
	packageName: string,
): { workflow: WorkflowJson; runOptions: RunOptions } {
	const node = {
		id: 'node-under-test',
		name: nodeName,
		type: type.includes('.') ? type : `${packageName}.${type}`,
		typeVersion,
		position: [200, 0],
		parameters,
		credentials: { [credentialType]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		...(continueOnFail && { onError: 'continueRegularOutput' }),
	};
	const input = {
		id: 'harness-input',
		name: 'Input',
		type: 'harness.input',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items.map((item) => item.json)) },
	};
	const workflow = { nodes: [input, node], connections: { Input: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } } };
	return { workflow, runOptions };
}
