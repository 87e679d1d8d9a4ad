// A webhook call as n8n's webhook server makes it (n8n 1.123 / 2.41 webhook-helpers `executeWebhook`): n8n-core's
// real WebhookContext over the request (query, headers, parsed body, rawBody), the node's webhook(), then n8n's
// answer rules (noWebhookResponse, webhookResponse, responseMode onReceived / lastNode with responseData) and, when
// the node returned items, the rest of the workflow through the engine, from the trigger with those items.
import { randomUUID } from 'node:crypto';
import { WebhookContext } from 'n8n-core';
import type { IRun, INode, INodeExecutionData, INodeType, IWebhookData, IWebhookResponseData, Workflow, WorkflowExecuteMode } from 'n8n-workflow';
import type { TestCredentialsHelper } from './credentials-helper';
import { buildAdditionalData, createHooks, startExecution } from './execution';
import type { AdditionalDataOptions, WorkflowData } from './execution';
import { createResult } from './result';
import { buildWorkflow, credentialsHelperFor, withTimeout, workflowDataOf } from './workflow';
import { fakeRequest, fakeResponse } from './webhook-http';
import type { FakeResponse } from './webhook-http';
import type { CredentialTypes, NodeTypes } from './registries';
import type { RunResult, WebhookAnswer, WebhookCallOptions, WorkflowJson } from './types';

export { fakeRequest, fakeResponse } from './webhook-http';

interface WebhookCallerOptions {
	nodeTypes: NodeTypes;
	credentialTypes: CredentialTypes;
	startRunnerTask: AdditionalDataOptions['startRunnerTask'];
}

/** n8n's answer before it is sent: a status with the text the node wrote, or a value to send as JSON. */
interface Answer {
	status: number;
	text?: string;
	value?: unknown;
}

/** One webhook call being handled: the workflow, the trigger node and its context, n8n's response options. */
interface Call {
	workflow: Workflow;
	workflowData: WorkflowData;
	node: INode;
	nodeType: INodeType;
	context: WebhookContext;
	credentialsHelper: TestCredentialsHelper;
	res: FakeResponse;
	responseMode: string;
	responseCode: number;
	responseData: unknown;
}

export function createWebhookCaller(options: WebhookCallerOptions) {
	/** Calls the webhook of `triggerName` (default: the first webhook node) in `workflowJson` with `request`. */
	async function callWebhook(workflowJson: WorkflowJson, { request, credentials = {}, triggerName, mode = 'webhook', timeoutMs = 30000 }: WebhookCallOptions): Promise<WebhookAnswer> {
		const call = prepareCall(options, structuredClone(workflowJson), { request, credentials, triggerName, mode });
		const { nodeType, context, res, responseMode, responseCode, responseData } = call;
		const webhookResult = await nodeType.webhook!.call(context);
		let answer: Answer | undefined; // once n8n has answered
		if (webhookResult.noWebhookResponse) answer = { status: res.statusCode, text: res.text };
		if (webhookResult.workflowData === undefined) {
			answer ??= { status: responseCode, value: webhookResult.webhookResponse ?? { message: 'Webhook call received' } };
			return finish(answer, { webhookResult, started: false, responseMode, res });
		}
		if (responseMode === 'onReceived' && !answer) {
			const body = responseData === 'noData' ? undefined : responseData || webhookResult.webhookResponse || { message: 'Workflow was started' };
			answer = { status: responseCode, value: body };
		}
		const { result, run } = await runFromTrigger(options, call, mode, webhookResult.workflowData, timeoutMs);
		if (!answer) answer = lastNodeAnswer(run, responseCode);
		return finish(answer, { webhookResult, started: true, result, responseMode, res });
	}

	return { callWebhook };
}

/** The workflow, its trigger's WebhookContext over the request, and n8n's response options for the trigger. */
function prepareCall({ nodeTypes, credentialTypes, startRunnerTask }: WebhookCallerOptions, data: WorkflowJson, { request, credentials, triggerName, mode }: Required<Omit<WebhookCallOptions, 'timeoutMs' | 'triggerName'>> & { triggerName?: string }): Call {
	const workflow = buildWorkflow(data, nodeTypes);
	const node = triggerName ? workflow.getNode(triggerName) : Object.values(workflow.nodes).find((n) => nodeTypes.getByNameAndVersion(n.type, n.typeVersion).webhook);
	if (!node) throw new Error('the workflow has no webhook node');
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const description = nodeType.description.webhooks![0];
	const credentialsHelper = credentialsHelperFor(credentialTypes, credentials);
	const workflowData = workflowDataOf(workflow, data, true);
	const hooks = createHooks(mode, randomUUID(), workflowData);
	const additionalData = buildAdditionalData({ executionId: undefined, workflowId: workflow.id, hooks, credentialsHelper, startRunnerTask });
	const res = fakeResponse();
	Object.assign(additionalData, { httpRequest: fakeRequest(request), httpResponse: res });

	// n8n's evaluateResponseOptions: the description's expressions over the node's parameters.
	const responseMode = workflow.expression.getSimpleParameterValue(node, description.responseMode, mode, {}, undefined, 'onReceived') as string;
	const responseCode = workflow.expression.getSimpleParameterValue(node, description.responseCode, mode, {}, undefined, 200) as number;
	const responseData = workflow.expression.getComplexParameterValue(node, description.responseData, mode, {}, undefined, 'firstEntryJson');
	const webhookData = { httpMethod: 'POST', node: node.name, path: description.path, webhookDescription: description, workflowId: workflow.id, isTest: mode === 'manual' } as IWebhookData;
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	return { workflow, workflowData, node, nodeType, context, credentialsHelper, res, responseMode, responseCode, responseData };
}

/** The rest of the workflow through the engine, from the trigger with the items it returned. */
async function runFromTrigger({ startRunnerTask }: WebhookCallerOptions, call: Call, mode: WorkflowExecuteMode, items: INodeExecutionData[][], timeoutMs: number) {
	const { workflow, workflowData, credentialsHelper, node } = call;
	const stack = [{ node, data: { main: items }, source: null }];
	const execution = startExecution({ workflow, workflowData, credentialsHelper, startRunnerTask, mode, stack });
	const timers: NodeJS.Timeout[] = [];
	const done = await withTimeout(execution.done, timeoutMs, execution.cancel, timers).finally(() => timers.forEach(clearTimeout));
	const result = createResult({ run: done.run, error: done.error, execute: done.execute, cancel: execution.cancel, cancelled: () => false });
	return { result, run: done.run };
}

/** responseMode lastNode with firstEntryJson: the first item of the last node that ran, as n8n sends it. */
function lastNodeAnswer(run: IRun | undefined, responseCode: number): Answer {
	const resultData = run?.data.resultData;
	if (!resultData || resultData.error) return { status: 500, value: { message: 'Error in workflow' } };
	const task = resultData.runData[resultData.lastNodeExecuted!]?.at(-1);
	const first = task?.data?.main?.[0]?.[0];
	if (!first) return { status: 500, value: { message: 'No item to return was found' } };
	return { status: responseCode, value: first.json };
}

function finish(answer: Answer, extra: { webhookResult: IWebhookResponseData; started: boolean; responseMode: string; res: FakeResponse; result?: RunResult }): WebhookAnswer {
	const text = answer.text ?? (answer.value === undefined ? '' : typeof answer.value === 'string' ? answer.value : JSON.stringify(answer.value));
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	return { status: answer.status, text, body, headers: extra.res.headers, ...extra };
}
