'use strict';
// One workflow execution through n8n-core's WorkflowExecute.
const { randomUUID } = require('node:crypto');
const { WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { createRunExecutionData, STICKY_NODE_TYPE } = require('n8n-workflow');
const { createDeferred } = require('./deferred');

// The engine stores node errors as plain copies ({ ...error, message, stack }),
// losing the class and its getters. This subclass remembers which real error
// each copy came from, so tests can assert on the NodeApiError itself.
class HarnessWorkflowExecute extends WorkflowExecute {
	constructor(...args) {
		super(...args);
		this.realErrors = new WeakMap(); // engine copy -> thrown error
		this.finalError = undefined;
	}

	reportNodeExecutionError(error, node, workflow) {
		const copy = super.reportNodeExecutionError(error, node, workflow);
		// Axios errors are wrapped into a new NodeApiError inside the engine; the copy then has another message.
		if (error instanceof Error && copy.message === error.message) this.realErrors.set(copy, error);
		return copy;
	}

	async processSuccessExecution(startedAt, workflow, executionError, closeFunction) {
		if (executionError !== undefined) this.finalError = this.real(executionError);
		return await super.processSuccessExecution(startedAt, workflow, executionError, closeFunction);
	}

	real(error) {
		return (error && this.realErrors.get(error)) ?? error;
	}
}

const BASE_URL = 'http://localhost:5678/';

function buildAdditionalData({ executionId, workflowId, hooks, credentialsHelper, startRunnerTask }) {
	const unsupported = (what) => async () => {
		throw new Error(`${what} is not supported by the test harness`);
	};
	return {
		executionId,
		workflowId,
		userId: 'harness-user',
		hooks,
		credentialsHelper,
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}form`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		currentNodeParameters: undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		executeWorkflow: unsupported('Executing a sub-workflow'),
		// The Code node's runner (./task-runner.js) when the harness loads it.
		startRunnerTask: startRunnerTask ?? unsupported('A task runner'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
	};
}

// Start nodes: every enabled node with no incoming main connection, each fed
// the single empty item n8n gives a manually started workflow. Sticky notes
// are canvas annotations: n8n never runs them. Where a Manual Trigger sits
// beside other triggers (a Schedule Trigger, say), only it starts, as with
// n8n's "Execute workflow" button and `n8n execute`.
const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

function startStack(workflow) {
	const starts = Object.values(workflow.nodes)
		.filter((node) => !node.disabled && node.type !== STICKY_NODE_TYPE)
		.filter((node) => !workflow.connectionsByDestinationNode[node.name]?.main?.some((c) => c?.length));
	const manual = starts.filter((node) => node.type === MANUAL_TRIGGER_TYPE);
	return (manual.length ? manual : starts).map((node) => ({ node, data: { main: [[{ json: {} }]] }, source: null }));
}

/**
 * Starts the workflow (from `stack`, n8n's node execution stack, when given: e.g. a webhook trigger with the
 * items it returned). Returns { done, cancel } where done resolves to
 * { run, error, execute } once the engine has fully stopped.
 */
function startExecution({ workflow, workflowData, credentialsHelper, startRunnerTask, mode = 'manual', stack }) {
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const after = createDeferred();
	let lastRun;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		lastRun = run;
		after.resolve(run);
	});
	const additionalData = buildAdditionalData({ executionId, workflowId: workflow.id, hooks, credentialsHelper, startRunnerTask });
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: stack ?? startStack(workflow) } });
	const execute = new HarnessWorkflowExecute(additionalData, mode, runExecutionData);

	let execution;
	try {
		execution = execute.processRunExecutionData(workflow);
	} catch (error) {
		// Raised before the run starts, e.g. WorkflowHasIssuesError for a missing required parameter.
		return { cancel() {}, done: Promise.resolve({ run: undefined, error, execute }) };
	}
	const done = (async () => {
		// The engine's promise settles only after the last node has stopped; on
		// cancel the hook fires early, with the same (live) run data.
		const finalRun = await execution;
		await after.promise;
		const run = finalRun ?? lastRun;
		const error = execute.finalError ?? run?.data.resultData.error;
		return { run, error, execute };
	})();
	return { cancel: () => execution.cancel(), done };
}

module.exports = { startExecution, buildAdditionalData, HarnessWorkflowExecute };
