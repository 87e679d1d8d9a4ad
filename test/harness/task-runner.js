'use strict';
// The Code node, in-process. In n8n 2.x the Code node always hands its
// JavaScript to a task runner (`additionalData.startRunnerTask`): n8n sends the
// task over a broker to @n8n/task-runner's JsTaskRunner, which runs it in a
// node:vm context. Here the same JsTaskRunner runs in this process, and this
// file plays n8n's side of the wire (packages/cli TaskRequester,
// DataRequestResponseBuilder and DataRequestResponseStripper): task data, node
// types and RPC calls are answered directly, with a JSON round trip wherever
// n8n would send a message, so the code sees what it would see in n8n.
const path = require('node:path');
const { randomUUID } = require('node:crypto');

const TASK_TIMEOUT_S = 60; // n8n's N8N_RUNNERS_TASK_TIMEOUT (n8n defaults to 300)

// @n8n/task-runner's exports map only exposes its index, which lacks JsTaskRunner.
function runnerModule(file) {
	return require(path.join(path.dirname(require.resolve('@n8n/task-runner')), file));
}

// startRunnerTask's parameters, in the order n8n-core passes them (BaseExecuteContext.startJob).
const TASK_PARAMS = (
	'additionalData taskType settings executeFunctions inputData node workflow runExecutionData runIndex itemIndex ' +
	'activeNodeName connectionInputData siblingParameters mode envProviderState executeData defaultReturnRunIndex selfData contextNodeName'
).split(' ');

const wire = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** What n8n's DataRequestResponseBuilder sends, cut down as its Stripper does for `params`. */
function taskData(task, params) {
	const { createRunExecutionData } = require('n8n-workflow');
	const { additionalData: ad, workflow, runExecutionData: red } = task;
	const prevNode = task.executeData?.source?.main?.[0]?.previousNode;
	const nodes = params.dataOfNodes === 'all' ? null : new Set([...params.dataOfNodes, ...(params.prevNode ? [prevNode] : [])]);
	const pick = (byNode) => (nodes && byNode ? Object.fromEntries(Object.entries(byNode).filter(([name]) => nodes.has(name))) : byNode);
	const items = task.inputData.main?.[0];
	const { chunk } = params.input;
	return wire({
		workflow: {
			id: workflow.id,
			name: workflow.name,
			active: workflow.active,
			connections: workflow.connectionsBySourceNode,
			nodes: Object.values(workflow.nodes),
			pinData: workflow.pinData,
			settings: workflow.settings,
			staticData: workflow.staticData,
		},
		inputData: !params.input.include
			? {}
			: chunk && items
				? { ...task.inputData, main: [items.slice(chunk.startIndex, chunk.startIndex + chunk.count)] }
				: task.inputData,
		connectionInputSource: task.executeData?.source ?? null,
		itemIndex: task.itemIndex,
		activeNodeName: task.activeNodeName,
		contextNodeName: task.contextNodeName,
		defaultReturnRunIndex: task.defaultReturnRunIndex,
		mode: task.mode,
		envProviderState: params.env ? task.envProviderState : { ...task.envProviderState, env: {} },
		node: task.node,
		runExecutionData: createRunExecutionData({
			startData: red.startData,
			resultData: { ...red.resultData, runData: pick(red.resultData.runData), pinData: pick(red.resultData.pinData) },
			// The engine's own queues are never sent to a runner.
			executionData: red.executionData && {
				contextData: red.executionData.contextData,
				metadata: red.executionData.metadata,
				nodeExecutionStack: [],
				waitingExecution: {},
				waitingExecutionSource: null,
			},
		}),
		runIndex: task.runIndex,
		selfData: task.selfData,
		siblingParameters: task.siblingParameters,
		additionalData: {
			formWaitingBaseUrl: ad.formWaitingBaseUrl,
			instanceBaseUrl: ad.instanceBaseUrl,
			restApiUrl: ad.restApiUrl,
			variables: ad.variables,
			webhookBaseUrl: ad.webhookBaseUrl,
			webhookTestBaseUrl: ad.webhookTestBaseUrl,
			webhookWaitingBaseUrl: ad.webhookWaitingBaseUrl,
			currentNodeParameters: ad.currentNodeParameters,
			executionId: ad.executionId,
			executionTimeoutTimestamp: ad.executionTimeoutTimestamp,
			userId: ad.userId,
		},
	});
}

/** One JsTaskRunner for the process; tasks are kept by id, as n8n's TaskRequester does. */
function createJsRunner() {
	const { JsTaskRunner } = runnerModule('js-task-runner/js-task-runner.js');
	const { BuiltInsParser } = runnerModule('js-task-runner/built-ins-parser/built-ins-parser.js');
	const { createRequireResolver } = runnerModule('js-task-runner/require-resolver.js');
	const { TaskRunnerNodeTypes } = runnerModule('node-types.js');
	const { DataRequestResponseReconstruct, AVAILABLE_RPC_METHODS } = require('@n8n/task-runner');
	const { NodeHelpers } = require('n8n-workflow');
	const tasks = new Map();

	// JsTaskRunner's constructor connects to a broker and freezes this process's
	// globals (a runner owns its process): give the instance its fields instead,
	// with n8n's defaults (secure mode, no require() allowed in the code).
	const runner = Object.assign(Object.create(JsTaskRunner.prototype), {
		mode: 'secure',
		taskTimeout: TASK_TIMEOUT_S,
		builtInsParser: new BuiltInsParser(),
		taskDataReconstruct: new DataRequestResponseReconstruct(),
		nodeTypes: new TaskRunnerNodeTypes([]),
		requireResolver: createRequireResolver({ allowedBuiltInModules: new Set(), allowedExternalModules: new Set(), secureModules: true }),
	});
	// The runner's three requests to n8n.
	runner.requestData = async (taskId, params) => taskData(tasks.get(taskId), params);
	runner.requestNodeTypes = async (taskId, needed) => {
		const { nodeTypes } = tasks.get(taskId).workflow;
		return wire(needed.map(({ name, version }) => NodeHelpers.getVersionedNodeType(nodeTypes.getByName(name), version).description));
	};
	runner.makeRpcCall = async (taskId, name, params) => {
		const functions = tasks.get(taskId)?.executeFunctions;
		if (!functions) return undefined; // the task has ended; n8n ignores such calls too
		if (!AVAILABLE_RPC_METHODS.includes(name)) throw new Error('Method not allowed');
		if (name === 'logNodeOutput') {
			// console.log in the code. The runner does not wait for this call, so a failure
			// here would be an unhandled rejection: the output is best effort, as in n8n.
			try {
				functions.logNodeOutput(...wire(params));
			} catch {}
			return undefined;
		}
		const [group, method] = name.split('.'); // e.g. helpers.httpRequest
		return wire(await functions[group][method](...wire(params)));
	};

	/** additionalData.startRunnerTask: resolves to { ok: true, result } or { ok: false, error }, as n8n does. */
	return async function startRunnerTask(...args) {
		const task = Object.fromEntries(TASK_PARAMS.map((name, i) => [name, args[i]]));
		task.defaultReturnRunIndex ??= -1;
		task.selfData ??= {};
		task.contextNodeName ??= task.activeNodeName;
		const { taskType, settings, workflow, runExecutionData } = task;
		if (taskType !== 'javascript') return { ok: false, error: new Error(`No ${taskType} task runner in the test harness`) };
		const taskId = randomUUID();
		tasks.set(taskId, task);
		try {
			const done = wire(await runner.executeTask({ taskId, settings: wire(settings) }, new AbortController().signal));
			// As n8n's TaskRequester: $execution.customData and changed static data come back.
			if (done.customData) Object.assign((runExecutionData.resultData.metadata ??= {}), done.customData);
			if (done.staticData) workflow.overrideStaticData(done.staticData);
			return { ok: true, result: done.result };
		} catch (error) {
			// A plain object, as it arrives from a real runner (the runner's own errors are
			// already serializable; keep the message of any other).
			const plain = error instanceof Error && !Object.keys(error).length ? { message: error.message, stack: error.stack } : error;
			return { ok: false, error: wire(plain) };
		} finally {
			tasks.delete(taskId);
		}
	};
}

let startRunnerTask;
/** additionalData.startRunnerTask for the harness (the runner is created on first use). */
function inProcessRunnerTask(...args) {
	startRunnerTask ??= createJsRunner();
	return startRunnerTask(...args);
}

module.exports = { inProcessRunnerTask };
