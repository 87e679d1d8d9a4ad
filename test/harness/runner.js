'use strict';
// The harness object: run(workflowJson) and runNode(...).
const { TestCredentialsHelper } = require('./credentials-helper');
const { startExecution } = require('./execution');
const { createResult } = require('./result');

const { CREDENTIAL_TYPE, CREDENTIAL_ID, CREDENTIAL_NAME, DEFAULT_TIMEOUT_MS, PACKAGE_NAME } = require('./constants');

/** n8n-workflow's Workflow over a copy of the JSON (Workflow fills parameter defaults into the node objects). */
function buildWorkflow(data, nodeTypes) {
	const { Workflow } = require('n8n-workflow');
	return new Workflow({
		id: data.id ?? 'harness-workflow',
		name: data.name ?? 'Harness workflow',
		nodes: data.nodes,
		connections: data.connections ?? {},
		active: false,
		nodeTypes,
		staticData: data.staticData,
		settings: { executionOrder: 'v1', ...data.settings },
		pinData: data.pinData,
	});
}

function createRunner({ loader, nodeTypes, credentialTypes, container, packageName, startRunnerTask }) {
	/**
	 * Runs workflow JSON ({ nodes, connections, settings? }). Returns a promise
	 * of the result that also has cancel(), for cancelling while it runs.
	 */
	function run(workflowJson, { credentials = {}, timeoutMs = DEFAULT_TIMEOUT_MS, cancelAfterMs } = {}) {
		let workflow;
		// Workflow fills parameter defaults into the node objects: work on a copy.
		const data = structuredClone(workflowJson);
		try {
			workflow = buildWorkflow(data, nodeTypes);
		} catch (error) {
			// e.g. an unknown node type: a broken test, not a failed run
			return Object.assign(Promise.reject(error), { cancel() {} });
		}
		const store = new Map(Object.entries(credentials).map(([id, value]) => [id, structuredClone(value)]));
		const credentialsHelper = new TestCredentialsHelper(credentialTypes, store);
		const workflowData = {
			id: workflow.id,
			name: workflow.name,
			nodes: data.nodes,
			connections: workflow.connectionsBySourceNode,
			active: false,
			settings: workflow.settings,
		};
		const execution = startExecution({ workflow, workflowData, credentialsHelper, startRunnerTask });

		let cancelled = false;
		const cancel = () => {
			cancelled = true;
			execution.cancel();
		};
		const timers = [];
		if (cancelAfterMs !== undefined) timers.push(setTimeout(cancel, cancelAfterMs));
		const finished = execution.done.then(({ run: irun, error, execute }) => {
			const result = createResult({ run: irun, error, execute, cancel, cancelled: () => cancelled });
			// Non-enumerable: keeps jest's printout of a result readable.
			return Object.defineProperty(result, 'credentialsHelper', { value: credentialsHelper });
		});
		const guarded = timeoutMs > 0 ? withTimeout(finished, timeoutMs, cancel, timers) : finished;
		const promise = guarded.finally(() => timers.forEach(clearTimeout));
		return Object.assign(promise, { cancel });
	}

	/** Input (emits items) -> Node (our package's `type`). */
	async function runNode({
		type,
		parameters = {},
		items = [{ json: {} }],
		credentials,
		continueOnFail = false,
		nodeName = 'Node',
		credentialType = CREDENTIAL_TYPE,
		typeVersion = 1,
		...runOptions
	}) {
		const node = {
			id: 'node-under-test',
			name: nodeName,
			type: type.includes('.') ? type : `${packageName ?? PACKAGE_NAME}.${type}`,
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
		const workflow = {
			nodes: [input, node],
			connections: { Input: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		};
		const result = await run(workflow, { ...runOptions, credentials: credentials ? { [CREDENTIAL_ID]: credentials } : {} });
		return { items: result.ran(nodeName) ? result.items(nodeName) : [], error: result.error, result };
	}

	const { loadOptionsContext } = require('./contexts').createContexts({ nodeTypes, credentialTypes, packageName });
	const { callWebhook } = require('./webhook').createWebhookCaller({ nodeTypes, credentialTypes, startRunnerTask });
	return { run, runNode, callWebhook, loadOptionsContext, loader, nodeTypes, credentialTypes, container, packageName };
}

// Rejects (and cancels the run) if it has not finished within ms: a clearer
// failure than jest's own test timeout.
function withTimeout(promise, ms, cancel, timers) {
	return new Promise((resolve, reject) => {
		timers.push(
			setTimeout(() => {
				cancel();
				reject(new Error(`Workflow run did not finish within ${ms} ms (cancelled)`));
			}, ms),
		);
		promise.then(resolve, reject);
	});
}

module.exports = { createRunner, buildWorkflow, withTimeout };
