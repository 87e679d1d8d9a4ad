// Shared setup of the Tencent Chat Trigger tests: a workflow Trigger -> Set, Tencent-style signed queries,
// and a call of the trigger's webhook through the harness (n8n-core's WebhookContext, then the engine).
import { createHash } from 'node:crypto';
import { createHarness } from '../harness';
import type { WebhookAnswer, WorkflowJson } from '../harness';
import { APP } from './backend';
import type { ChatCredentials } from './backend';


export const TRIGGER = 'n8n-nodes-tencent-chat.tencentChatTrigger';
export const TOKEN = 'console-callback-token-9a7c';
export const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
const CRED_ID = 'cred-1';

/** Credential data of the test app, with or without a Callback Token. */
export function triggerCredentials({ callbackToken = TOKEN, ...overrides }: Partial<ChatCredentials> = {}): ChatCredentials {
	return { sdkAppId: APP.sdkAppId, region: 'china', identifier: 'administrator', secretKey: APP.secretKey, callbackToken, ...overrides };
}

export const sign = (token: string, requestTime: number | string): string => createHash('sha256').update(`${token}${requestTime}`).digest('hex');
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The query Tencent sends: SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform, and Sign/RequestTime with a token. */
export interface CallbackQueryOptions {
	/** The Callback Token to sign with; empty for no Sign/RequestTime. */
	token?: string | null;
	requestTime?: number | string;
	sdkAppId?: number | string;
	/** More query fields; null removes one. */
	[field: string]: unknown;
}

export function callbackQuery(command: string, { token = TOKEN, requestTime = nowSeconds(), sdkAppId = APP.sdkAppId, ...overrides }: CallbackQueryOptions = {}): Record<string, string> {
	const query: Record<string, any> = { SdkAppid: String(sdkAppId), CallbackCommand: command, contenttype: 'json', ClientIP: '203.0.113.7', OptPlatform: 'RESTAPI' };
	if (token) Object.assign(query, { Sign: sign(token, requestTime), RequestTime: String(requestTime) });
	for (const [k, v] of Object.entries(overrides)) {
		if (v === null) delete query[k];
		else query[k] = v;
	}
	return query;
}

/** Trigger (events, options) -> Set ("CRM", merging `values`), as users wire it. */
export interface TriggerWorkflowOptions {
	events?: string[];
	options?: Record<string, any>;
	/** What the Set node merges: an object, or an expression string. */
	values?: Record<string, any> | string;
	/** Whether the Set node follows the trigger. */
	downstream?: boolean;
	version?: number;
}

export function triggerWorkflow({ events = ['*'], options = {}, values = { seen: true }, downstream = true, version = 1 }: TriggerWorkflowOptions = {}): WorkflowJson & { id: string } {
	const nodes: any[] = [
		{
			id: 'trigger',
			name: 'Tencent Chat Trigger',
			type: TRIGGER,
			typeVersion: version,
			position: [0, 0],
			webhookId: '5b0a5a1e-0000-4000-8000-000000000013',
			parameters: { events, options },
			credentials: { tencentCloudChatApi: { id: CRED_ID, name: 'Tencent Cloud Chat' } },
		},
	];
	const connections: Record<string, any> = {};
	if (downstream) {
		nodes.push({ id: 'set', name: 'CRM', type: 'harness.set', typeVersion: 1, position: [220, 0], parameters: { values: typeof values === 'string' ? values : JSON.stringify(values) } });
		connections['Tencent Chat Trigger'] = { main: [[{ node: 'CRM', type: 'main', index: 0 }]] };
	}
	return { id: 'trigger-test', name: 'Trigger test', nodes, connections };
}

/**
 * Posts one callback to the trigger's webhook. `body` is the JSON payload (or use rawBody/headers for odd requests).
 * Resolves to the harness's answer: { status, body, text, started, result }.
 */
export interface CallbackPost {
	query?: Record<string, any>;
	body?: any;
	rawBody?: Buffer;
	headers?: Record<string, any>;
	credentials?: ChatCredentials;
	credentialId?: string;
}

export async function post(workflow: WorkflowJson, { query, body, rawBody, headers, credentials = triggerCredentials(), credentialId }: CallbackPost): Promise<WebhookAnswer> {
	const harness = await createHarness();
	// The trigger reuses a stored credential for 2 s; distinct test credentials are distinct stored ones.
	const id = credentialId ?? `${CRED_ID}-${createHash('sha256').update(JSON.stringify(credentials)).digest('hex').slice(0, 12)}`;
	const nodes = workflow.nodes.map((node) => (node.type === TRIGGER ? { ...node, credentials: { tencentCloudChatApi: { id, name: 'Tencent Cloud Chat' } } } : node));
	return await harness.callWebhook({ ...workflow, nodes }, { request: { query, body, rawBody, headers }, credentials: { [id]: credentials } });
}

/** The JSON the trigger emitted (its own output items). */
export const emitted = (answer: WebhookAnswer): any[] => answer.result!.items('Tencent Chat Trigger').map((item) => item.json);

export { APP };
