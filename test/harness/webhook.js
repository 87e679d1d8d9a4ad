'use strict';
// A webhook call as n8n's webhook server makes it (n8n 1.123 / 2.41 webhook-helpers `executeWebhook`): n8n-core's
// real WebhookContext over the request (query, headers, parsed body, rawBody), the node's webhook(), then n8n's
// answer rules (noWebhookResponse, webhookResponse, responseMode onReceived / lastNode with responseData) and, when
// the node returned items, the rest of the workflow through the engine, from the trigger with those items.
const { randomUUID } = require('node:crypto');
const { WebhookContext, ExecutionLifecycleHooks } = require('n8n-core');
const { TestCredentialsHelper } = require('./credentials-helper');
const { buildAdditionalData, startExecution } = require('./execution');
const { createResult } = require('./result');

/** What n8n's webhook server answered: status, headers, body text and its JSON. */
function fakeResponse() {
	const res = {
		statusCode: 200,
		headers: {},
		text: undefined,
		headersSent: false,
		writableEnded: false,
		setHeader(name, value) {
			res.headers[name.toLowerCase()] = value;
		},
		writeHead(status, headers = {}) {
			res.statusCode = status;
			for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
			res.headersSent = true;
			return res;
		},
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(value) {
			res.setHeader('content-type', 'application/json');
			return res.end(JSON.stringify(value));
		},
		end(text = '') {
			res.text = String(text);
			res.headersSent = true;
			res.writableEnded = true;
			return res;
		},
	};
	return res;
}

/** The request as n8n's body parser leaves it: query, lower-case headers, parsed body, rawBody (a Buffer). */
function fakeRequest({ query = {}, headers = {}, body, rawBody }) {
	const raw = rawBody ?? (body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	if (raw && lower['content-length'] === undefined) lower['content-length'] = String(raw.length);
	return {
		method: 'POST',
		query,
		params: {},
		headers: { 'content-type': 'application/json', ...lower },
		contentType: (lower['content-type'] ?? 'application/json').split(';')[0],
		body: body === undefined ? {} : body,
		rawBody: raw,
	};
}

function createWebhookCaller({ nodeTypes, credentialTypes, startRunnerTask }) {
	const { buildWorkflow, withTimeout } = require('./runner');

	/**
	 * Calls the webhook of `triggerName` in `workflowJson` with `request` ({ query, headers, body, rawBody }).
	 * Resolves to { status, body, text, headers, started (whether an execution ran), webhookResult, result? }.
	 */
	async function callWebhook(workflowJson, { request, credentials = {}, triggerName, mode = 'webhook', timeoutMs = 30000 }) {
		const data = structuredClone(workflowJson);
		const workflow = buildWorkflow(data, nodeTypes);
		const node = triggerName ? workflow.getNode(triggerName) : Object.values(workflow.nodes).find((n) => nodeTypes.getByNameAndVersion(n.type, n.typeVersion).webhook);
		if (!node) throw new Error('the workflow has no webhook node');
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks[0];
		const store = new Map(Object.entries(credentials).map(([id, value]) => [id, structuredClone(value)]));
		const credentialsHelper = new TestCredentialsHelper(credentialTypes, store);
		const workflowData = { id: workflow.id, name: workflow.name, nodes: data.nodes, connections: workflow.connectionsBySourceNode, active: true, settings: workflow.settings };
		const hooks = new ExecutionLifecycleHooks(mode, randomUUID(), workflowData);
		const additionalData = buildAdditionalData({ executionId: undefined, workflowId: workflow.id, hooks, credentialsHelper, startRunnerTask });
		const req = fakeRequest(request);
		const res = fakeResponse();
		Object.assign(additionalData, { httpRequest: req, httpResponse: res });

		// n8n's evaluateResponseOptions: the description's expressions over the node's parameters.
		const responseMode = workflow.expression.getSimpleParameterValue(node, description.responseMode, mode, {}, undefined, 'onReceived');
		const responseCode = workflow.expression.getSimpleParameterValue(node, description.responseCode, mode, {}, undefined, 200);
		const responseData = workflow.expression.getComplexParameterValue(node, description.responseData, mode, {}, undefined, 'firstEntryJson');
		const webhookData = { httpMethod: 'POST', node: node.name, path: description.path, webhookDescription: description, workflowId: workflow.id, isTest: mode === 'manual' };

		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		const webhookResult = await nodeType.webhook.call(context);
		let answer; // { status, body } once n8n has answered
		if (webhookResult.noWebhookResponse) answer = { status: res.statusCode, text: res.text };
		if (webhookResult.workflowData === undefined) {
			answer ??= { status: responseCode, value: webhookResult.webhookResponse ?? { message: 'Webhook call received' } };
			return finish(answer, { webhookResult, started: false, responseMode, res });
		}
		if (responseMode === 'onReceived' && !answer) {
			const body = responseData === 'noData' ? undefined : responseData || webhookResult.webhookResponse || { message: 'Workflow was started' };
			answer = { status: responseCode, value: body };
		}
		const stack = [{ node, data: { main: webhookResult.workflowData }, source: null }];
		const execution = startExecution({ workflow, workflowData, credentialsHelper, startRunnerTask, mode, stack });
		const timers = [];
		const done = await withTimeout(execution.done, timeoutMs, execution.cancel, timers).finally(() => timers.forEach(clearTimeout));
		const result = createResult({ run: done.run, error: done.error, execute: done.execute, cancel: execution.cancel, cancelled: () => false });
		if (!answer) answer = lastNodeAnswer(done.run, responseCode);
		return finish(answer, { webhookResult, started: true, result, responseMode, res });
	}

	return { callWebhook };
}

/** responseMode lastNode with firstEntryJson: the first item of the last node that ran, as n8n sends it. */
function lastNodeAnswer(run, responseCode) {
	const resultData = run?.data.resultData;
	if (!resultData || resultData.error) return { status: 500, value: { message: 'Error in workflow' } };
	const task = resultData.runData[resultData.lastNodeExecuted]?.at(-1);
	const first = task?.data?.main?.[0]?.[0];
	if (!first) return { status: 500, value: { message: 'No item to return was found' } };
	return { status: responseCode, value: first.json };
}

function finish(answer, extra) {
	const text = answer.text ?? (answer.value === undefined ? '' : typeof answer.value === 'string' ? answer.value : JSON.stringify(answer.value));
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	return { status: answer.status, text, body, headers: extra.res.headers, ...extra };
}

module.exports = { createWebhookCaller, fakeRequest, fakeResponse };
