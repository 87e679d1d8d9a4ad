// n8n's side of a Code node task's data request: what DataRequestResponseBuilder sends, cut down as
// DataRequestResponseStripper does for the runner's request parameters (packages/cli, n8n 2.41).
import { createRunExecutionData } from 'n8n-workflow';
import type { IRunExecutionData, IWorkflowExecuteAdditionalData, Workflow } from 'n8n-workflow';
import type { TaskDataRequestParams } from '@n8n/task-runner';

/** A JSON round trip, wherever n8n would send a message. */
export const wire = (value: any): any => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** startRunnerTask's arguments, by name (see TASK_PARAMS in task-runner.ts). */
export interface RunnerTask {
	additionalData: IWorkflowExecuteAdditionalData & { executionTimeoutTimestamp?: number };
	taskType: string;
	settings: unknown;
	executeFunctions: any;
	inputData: any;
	node: any;
	workflow: Workflow;
	runExecutionData: IRunExecutionData;
	runIndex: number;
	itemIndex: number;
	activeNodeName: string;
	connectionInputData: any[];
	siblingParameters: any;
	mode: string;
	envProviderState: any;
	executeData?: any;
	defaultReturnRunIndex?: number;
	selfData?: any;
	contextNodeName?: string;
}

export function taskData(task: RunnerTask, params: TaskDataRequestParams): any {
	return wire({
		workflow: workflowOf(task.workflow),
		inputData: inputDataOf(task, params),
		connectionInputSource: task.executeData?.source ?? null,
		itemIndex: task.itemIndex,
		activeNodeName: task.activeNodeName,
		contextNodeName: task.contextNodeName,
		defaultReturnRunIndex: task.defaultReturnRunIndex,
		mode: task.mode,
		envProviderState: params.env ? task.envProviderState : { ...task.envProviderState, env: {} },
		node: task.node,
		runExecutionData: runExecutionDataOf(task, params),
		runIndex: task.runIndex,
		selfData: task.selfData,
		siblingParameters: task.siblingParameters,
		additionalData: additionalDataOf(task.additionalData),
	});
}

function workflowOf(workflow: Workflow) {
	return {
		id: workflow.id,
		name: workflow.name,
		active: workflow.active,
		connections: workflow.connectionsBySourceNode,
		nodes: Object.values(workflow.nodes),
		pinData: workflow.pinData,
		settings: workflow.settings,
		staticData: workflow.staticData,
	};
}

/** The input items, or the chunk of them the runner asked for. */
function inputDataOf(task: RunnerTask, params: TaskDataRequestParams) {
	if (!params.input.include) return {};
	const items = task.inputData.main?.[0];
	const { chunk } = params.input;
	return chunk && items ? { ...task.inputData, main: [items.slice(chunk.startIndex, chunk.startIndex + chunk.count)] } : task.inputData;
}

/** The run data of the nodes the runner asked for; the engine's own queues are never sent to a runner. */
function runExecutionDataOf(task: RunnerTask, params: TaskDataRequestParams) {
	const red = task.runExecutionData;
	const prevNode = task.executeData?.source?.main?.[0]?.previousNode;
	const nodes = params.dataOfNodes === 'all' ? null : new Set([...params.dataOfNodes, ...(params.prevNode ? [prevNode] : [])]);
	const pick = <T extends object>(byNode: T | undefined) => (nodes && byNode ? (Object.fromEntries(Object.entries(byNode).filter(([name]) => nodes.has(name))) as T) : byNode);
	return createRunExecutionData({
		startData: red.startData,
		resultData: { ...red.resultData, runData: pick(red.resultData.runData)!, pinData: pick(red.resultData.pinData) },
		executionData: red.executionData && {
			contextData: red.executionData.contextData,
			metadata: red.executionData.metadata,
			nodeExecutionStack: [],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	});
}

function additionalDataOf(ad: RunnerTask['additionalData']) {
	return {
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
	};
}
