'use strict';
// Backends for transport tests: the emulator, the harness with the test-only transport and credential-test nodes.
const { TencentCloudChatApi } = require('../../dist/credentials/TencentCloudChatApi.credentials');
const { startBackend } = require('./backend');
const { TransportCall } = require('./fixtures/TransportCall.node');
const { CredentialTestRequest } = require('./fixtures/CredentialTestRequest.node');

const ADD = { service: 'official_account_open_http_svc', command: 'add_subscriber' };

async function startTransportBackend(emulatorOptions = {}, harnessOptions = {}) {
	const extraNodeTypes = [new TransportCall(), new CredentialTestRequest()];
	const backend = await startBackend(emulatorOptions, { ...harnessOptions, extraNodeTypes });
	/** Sends one ApiCall per entry of `calls` through the transport (one item each). */
	backend.send = (calls, options = {}) =>
		backend.run('harness.transportCall', { call: '={{ $json.call }}', helperError: options.helperError ?? '' }, calls.map((call) => ({ call })), options);
	/** An add_subscriber call for one ID, repeatable or not. */
	backend.addCall = (officialAccount, id, repeatable) => ({ ...ADD, repeatable, body: { Official_Account: officialAccount, SubscriberList: [{ Subscriber_Account: id }] } });
	/**
	 * The credential's Test button, as n8n's credentials tester runs it: the test request through the
	 * RoutingNode, then the rules in order (a responseCode rule on an HTTP error, else the first
	 * responseSuccessBody rule whose field equals its value).
	 */
	backend.testCredential = async (credentials = backend.credentials) => {
		const { get } = require('lodash');
		const { rules } = new TencentCloudChatApi().test;
		const { items, error } = await backend.harness.runNode({ type: 'harness.credentialTestRequest', credentials });
		if (error) {
			const response = error.cause?.response;
			if (!response) return { status: 'Error', message: error.cause?.code ?? error.message };
			const rule = rules.find((r) => r.type === 'responseCode' && r.properties.value === response.status);
			return { status: 'Error', message: rule ? rule.properties.message : response.statusText || `Received HTTP status code: ${response.status}` };
		}
		const rule = rules.find((r) => r.type === 'responseSuccessBody' && get(items[0].json, r.properties.key) === r.properties.value);
		return rule ? { status: 'Error', message: rule.properties.message } : { status: 'OK', message: 'Connection successful!' };
	};
	return backend;
}

/** An emulator intercept that answers `answers` in turn for `command` (then lets calls through). */
function scripted(command, answers) {
	const queue = [...answers];
	return ({ command: called }) => (called === command && queue.length ? queue.shift() : undefined);
}

const tencentFail = (code, info = '') => ({ body: { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info } });

module.exports = { startTransportBackend, scripted, tencentFail };
