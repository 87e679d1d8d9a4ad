// Backends for transport tests: the emulator, the harness with the test-only transport and credential-test nodes.
import { TencentCloudChatApi } from '../../dist/credentials/TencentCloudChatApi.credentials';
import { get } from 'lodash';
import { startBackend } from './backend';
import type { Backend, ChatCredentials, RunExtras } from './backend';
import type { Harness, HarnessOptions, NodeRun } from '../harness';
import { TransportCall } from './fixtures/TransportCall.node';
import { CredentialTestRequest } from './fixtures/CredentialTestRequest.node';

const ADD = { service: 'official_account_open_http_svc', command: 'add_subscriber' };

/** An ApiCall of the transport: service, command, body, whether it may be repeated. */
export interface ApiCall {
	service: string;
	command: string;
	repeatable?: boolean;
	body: Record<string, any>;
}

/** What the credential's Test button shows. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface TransportBackend extends Backend {
	/** Sends one ApiCall per entry of `calls` through the transport (one item each). */
	send(calls: ApiCall[], options?: RunExtras & { helperError?: string }): Promise<NodeRun>;
	/** An add_subscriber call for one ID, repeatable or not. */
	addCall(officialAccount: string, id: string, repeatable?: boolean): ApiCall;
	/** The credential's Test button, as n8n's credentials tester runs it. */
	testCredential(credentials?: ChatCredentials): Promise<CredentialTestResult>;
}

export async function startTransportBackend(emulatorOptions: Record<string, any> = {}, harnessOptions: HarnessOptions = {}): Promise<TransportBackend> {
	const extraNodeTypes = [new TransportCall(), new CredentialTestRequest()];
	const backend = await startBackend(emulatorOptions, { ...harnessOptions, extraNodeTypes });
	return {
		...backend,
		send: (calls, options = {}) =>
			backend.run('harness.transportCall', { call: '={{ $json.call }}', helperError: options.helperError ?? '' }, calls.map((call) => ({ call })), options),
		addCall: (officialAccount, id, repeatable) => ({ ...ADD, repeatable, body: { Official_Account: officialAccount, SubscriberList: [{ Subscriber_Account: id }] } }),
		testCredential: (credentials = backend.credentials) => testCredential(backend.harness, credentials),
	};
}

/**
 * The credential's Test button, as n8n's credentials tester runs it: the test request through the
 * RoutingNode, then the rules in order (a responseCode rule on an HTTP error, else the first
 * responseSuccessBody rule whose field equals its value).
 */
async function testCredential(harness: Harness, credentials: ChatCredentials): Promise<CredentialTestResult> {
	const rules: any[] = new TencentCloudChatApi().test.rules ?? [];
	const { items, error } = await harness.runNode({ type: 'harness.credentialTestRequest', credentials });
	if (error) {
		const response = error.cause?.response;
		if (!response) return { status: 'Error', message: error.cause?.code ?? error.message };
		const rule = rules.find((r) => r.type === 'responseCode' && r.properties.value === response.status);
		return { status: 'Error', message: rule ? rule.properties.message : response.statusText || `Received HTTP status code: ${response.status}` };
	}
	const rule = rules.find((r) => r.type === 'responseSuccessBody' && get(items[0].json, r.properties.key) === r.properties.value);
	return rule ? { status: 'Error', message: rule.properties.message } : { status: 'OK', message: 'Connection successful!' };
}

/** An emulator intercept that answers `answers` in turn for `command` (then lets calls through). */
export function scripted(command: string, answers: unknown[]): (request: { command: string }) => any {
	const queue = [...answers];
	return ({ command: called }) => (called === command && queue.length ? queue.shift() : undefined);
}

export const tencentFail = (code: number, info = '') => ({ body: { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info } });
