// The Code node, in-process. In n8n 2.x the Code node always hands its
// JavaScript to a task runner (`additionalData.startRunnerTask`): n8n sends the
// task over a broker to @n8n/task-runner's JsTaskRunner, which runs it in a
// node:vm context. Here the same JsTaskRunner runs in this process, and this
// file plays n8n's side of the wire (packages/cli TaskRequester,
// DataRequestResponseBuilder and DataRequestResponseStripper): task data, node
// types and RPC calls are answered directly, with a JSON round trip wherever
// n8n would send a message, so the code sees what it would see in n8n.
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { NodeHelpers } from 'n8n-workflow';
import { DataRequestResponseReconstruct, AVAILABLE_RPC_METHODS } from '@n8n/task-runner';
import type { JsTaskRunner } from '@n8n/task-runner/dist/js-task-runner/js-task-runner';
import { taskData, wire } from './task-data';
import type { RunnerTask } from './task-data';

const TASK_TIMEOUT_S = 60; // n8n's N8N_RUNNERS_TASK_TIMEOUT (n8n defaults to 300)

// @n8n/task-runner's exports map only exposes its index, which lacks JsTaskRunner: its files load by path.
const loadByPath = createRequire(__filename);
function runnerModule(file: string): any {
	return loadByPath(path.join(path.dirname(require.resolve('@n8n/task-runner')), file));
}

// startRunnerTask's parameters, in the order n8n-core passes them (BaseExecuteContext.startJob).
const TASK_PARAMS = (
	'additionalData taskType settings executeFunctions inputData node workflow runExecutionData runIndex itemIndex ' +
	'activeNodeName connectionInputData siblingParameters mode envProviderState executeData defaultReturnRunIndex selfData contextNodeName'
).split(' ');

/** What startRunnerTask resolves to, as n8n's TaskRequester answers. */
export type TaskOutcome = { ok: true; result: unknown } | { ok: false; error: unknown };

type Tasks = Map<string, RunnerTask>;

/**
 * A JsTaskRunner without its constructor: that connects to a broker and freezes this process's globals (a runner
 * owns its process). The instance gets its fields instead, with n8n's defaults (secure mode, no require() in the code).
 */
function createRunnerInstance(): JsTaskRunner {
	const { JsTaskRunner } = runnerModule('js-task-runner/js-task-runner.js');
	const { BuiltInsParser } = runnerModule('js-task-runner/built-ins-parser/built-ins-parser.js');
	const { createRequireResolver } = runnerModule('js-task-runner/require-resolver.js');
	const { TaskRunnerNodeTypes } = runnerModule('node-types.js');
	return Object.assign(Object.create(JsTaskRunner.prototype), {
		mode: 'secure',
		taskTimeout: TASK_TIMEOUT_S,
		builtInsParser: new BuiltInsParser(),
		taskDataReconstruct: new DataRequestResponseReconstruct(),
		nodeTypes: new TaskRunnerNodeTypes([]),
		requireResolver: createRequireResolver({ allowedBuiltInModules: new Set(), allowedExternalModules: new Set(), secureModules: true }),
	});
}

/** The runner's three requests to n8n, answered from the tasks by id. */
function answerRequests(runner: JsTaskRunner, tasks: Tasks): void {
	runner.requestData = async (taskId, params) => taskData(tasks.get(taskId)!, params) as never;
	runner.requestNodeTypes = async (taskId, needed) => {
		const { nodeTypes } = tasks.get(taskId)!.workflow;
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
			} catch {
				// best effort
			}
			return undefined;
		}
		const [group, method] = name.split('.'); // e.g. helpers.httpRequest
		return wire(await functions[group][method](...wire(params)));
	};
}

/** startRunnerTask's arguments by name, with n8n-core's defaults for the optional ones. */
function taskOf(args: unknown[]): RunnerTask {
	const task = Object.fromEntries(TASK_PARAMS.map((name, i) => [name, args[i]])) as unknown as RunnerTask;
	task.defaultReturnRunIndex ??= -1;
	task.selfData ??= {};
	task.contextNodeName ??= task.activeNodeName;
	return task;
}

/** One JsTaskRunner for the process; tasks are kept by id, as n8n's TaskRequester does. */
function createJsRunner(): (...args: unknown[]) => Promise<TaskOutcome> {
	const runner = createRunnerInstance();
	const tasks: Tasks = new Map();
	answerRequests(runner, tasks);

	/** additionalData.startRunnerTask: resolves to { ok: true, result } or { ok: false, error }, as n8n does. */
	return async function startRunnerTask(...args) {
		const task = taskOf(args);
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

let startRunnerTask: ReturnType<typeof createJsRunner> | undefined;
/** additionalData.startRunnerTask for the harness (the runner is created on first use). */
export function inProcessRunnerTask(...args: unknown[]): Promise<TaskOutcome> {
	startRunnerTask ??= createJsRunner();
	return startRunnerTask(...args);
}
