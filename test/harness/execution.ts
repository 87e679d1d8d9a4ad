// One workflow execution through n8n-core's WorkflowExecute.
import { randomUUID } from 'node:crypto';
import { WorkflowExecute, ExecutionLifecycleHooks } from 'n8n-core';
import { createRunExecutionData, STICKY_NODE_TYPE } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	IExecuteData,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createDeferred } from './deferred';
import type { TestCredentialsHelper } from './credentials-helper';

// The engine stores node errors as plain copies ({ ...error, message, stack }),
// losing the class and its getters. This subclass remembers which real error
// each copy came from, so tests can assert on the NodeApiError itself.
export class HarnessWorkflowExecute extends WorkflowExecute {
	/** engine copy -> thrown error */
	readonly realErrors = new WeakMap<object, Error>();
	finalError: any = undefined;

	constructor(additionalData: IWorkflowExecuteAdditionalData, mode: WorkflowExecuteMode, runExecutionData?: IRunExecutionData) {
		super(additionalData, mode, runExecutionData);
		// reportNodeExecutionError is private in n8n-core's types, so it is wrapped on the instance, not overridden.
		const self = this as unknown as { reportNodeExecutionError: (error: unknown, ...rest: unknown[]) => any };
		const report = self.reportNodeExecutionError.bind(this);
		self.reportNodeExecutionError = (error, ...rest) => {
			const copy = report(error, ...rest);
			// Axios errors are wrapped into a new NodeApiError inside the engine; the copy then has another message.
			if (error instanceof Error && copy.message === error.message) this.realErrors.set(copy, error);
			return copy;
		};
	}

	async processSuccessExecution(startedAt: Date, workflow: Workflow, executionError?: ExecutionBaseError, closeFunction?: Promise<void>): Promise<IRun> {
		if (executionError !== undefined) this.finalError = this.real(executionError);
		return await super.processSuccessExecution(startedAt, workflow, executionError, closeFunction);
	}

	/** The thrown error behind an engine copy, or the copy itself. */
	real(error: any): any {
		return (error && this.realErrors.get(error)) ?? error;
	}
}

const BASE_URL = 'http://localhost:5678/';

/** The workflow data n8n's lifecycle hooks get; the harness fills only what the engine reads. */
export type WorkflowData = Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>;

/** n8n-core's lifecycle hooks for one execution. */
export function createHooks(mode: WorkflowExecuteMode, executionId: string, workflowData: WorkflowData): ExecutionLifecycleHooks {
	return new ExecutionLifecycleHooks(mode, executionId, workflowData as IWorkflowBase);
}

export interface AdditionalDataOptions {
	executionId: string | undefined;
	workflowId: string;
	hooks: ExecutionLifecycleHooks;
	credentialsHelper: TestCredentialsHelper;
	startRunnerTask?: (...args: any[]) => Promise<any>;
}

/** n8n's additionalData for a run: base URLs of a local n8n, and refusals for what the harness does not offer. */
export function buildAdditionalData({ executionId, workflowId, hooks, credentialsHelper, startRunnerTask }: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
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
		// The Code node's runner (./task-runner.ts) when the harness loads it.
		startRunnerTask: startRunnerTask ?? unsupported('A task runner'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
	} as unknown as IWorkflowExecuteAdditionalData; // n8n's type lists services (webhooks, the DB) no test run reaches
}

// Start nodes: every enabled node with no incoming main connection, each fed
// the single empty item n8n gives a manually started workflow. Sticky notes
// are canvas annotations: n8n never runs them. Where a Manual Trigger sits
// beside other triggers (a Schedule Trigger, say), only it starts, as with
// n8n's "Execute workflow" button and `n8n execute`.
const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

function startStack(workflow: Workflow): IExecuteData[] {
	const starts = Object.values(workflow.nodes)
		.filter((node) => !node.disabled && node.type !== STICKY_NODE_TYPE)
		.filter((node) => !workflow.connectionsByDestinationNode[node.name]?.main?.some((c) => c?.length));
	const manual = starts.filter((node) => node.type === MANUAL_TRIGGER_TYPE);
	return (manual.length ? manual : starts).map((node) => ({ node, data: { main: [[{ json: {} }]] }, source: null }));
}

export interface ExecutionOptions {
	workflow: Workflow;
	workflowData: WorkflowData;
	credentialsHelper: TestCredentialsHelper;
	startRunnerTask?: AdditionalDataOptions['startRunnerTask'];
	mode?: WorkflowExecuteMode;
	/** n8n's node execution stack to start from (default: the start nodes). */
	stack?: IExecuteData[];
}

/** How an execution ended, once the engine has fully stopped. */
export interface ExecutionEnd {
	run: IRun | undefined;
	error: any;
	execute: HarnessWorkflowExecute;
}

export interface Execution {
	done: Promise<ExecutionEnd>;
	cancel(): void;
}

/**
 * Starts the workflow (from `stack`, n8n's node execution stack, when given: e.g. a webhook trigger with the
 * items it returned).
 */
export function startExecution({ workflow, workflowData, credentialsHelper, startRunnerTask, mode = 'manual', stack }: ExecutionOptions): Execution {
	const executionId = randomUUID();
	const hooks = createHooks(mode, executionId, workflowData);
	const after = createDeferred<IRun>();
	let lastRun: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		lastRun = run;
		after.resolve(run);
	});
	const additionalData = buildAdditionalData({ executionId, workflowId: workflow.id, hooks, credentialsHelper, startRunnerTask });
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: stack ?? startStack(workflow) } });
	const execute = new HarnessWorkflowExecute(additionalData, mode, runExecutionData);

	let execution: ReturnType<HarnessWorkflowExecute['processRunExecutionData']>;
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
		const run: IRun | undefined = finalRun ?? lastRun;
		const error = execute.finalError ?? run?.data.resultData.error;
		return { run, error, execute };
	})();
	return { cancel: () => execution.cancel(), done };
}
