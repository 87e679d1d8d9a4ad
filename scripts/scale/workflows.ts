'use strict';
// The queue-mode scenario's workflows: each starts at a production webhook that answers when the workflow
// has finished, with a summary the test checks (how many results, of which kind, in input order).
const { randomUUID } = require('node:crypto');

const PKG = 'n8n-nodes-tencent-chat';
const CREDENTIAL = { id: 'scaleTencentCred1', name: 'Tencent Chat (scale emulator)' };

function node(name, type, parameters, extra = {}) {
	return { id: randomUUID(), name, type, typeVersion: 1, position: [0, 0], parameters, ...extra };
}

function webhook(path) {
	return node('Webhook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} }, { typeVersion: 2, webhookId: randomUUID() });
}

const code = (name, jsCode) => node(name, 'n8n-nodes-base.code', { jsCode }, { typeVersion: 2 });

const tencent = (name, parameters) =>
	node(name, `${PKG}.tencentChatOfficialAccount`, parameters, { credentials: { tencentCloudChatApi: CREDENTIAL } });

/** nodes[0] -> nodes[1] -> ... */
function workflow(id, nodes) {
	const connections = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	nodes.forEach((n, index) => (n.position = [220 * index, 0]));
	return { id, name: id, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Tallies the Add results and checks they come one per ID, in input order. */
const addSummary = (prefix) =>
	code(
		'Summary',
		`const items = $input.all();
const tally = {};
for (const item of items) tally[item.json.result] = (tally[item.json.result] || 0) + 1;
const inOrder = items.every((item, index) => item.json.subscriberAccount === '${prefix}' + index);
return [{ json: { count: items.length, tally, inOrder } }];`,
	);

/** Add of `count` IDs given as one item holding the list. */
function addList(id, path, officialAccount, prefix, count) {
	return workflow(id, [
		webhook(path),
		code('IDs', `return [{ json: { ids: Array.from({ length: ${count} }, (_, index) => '${prefix}' + index) } }];`),
		tencent('Add', { resource: 'subscriber', operation: 'add', officialAccount, subscriberAccounts: '={{ $json.ids }}' }),
		addSummary(prefix),
	]);
}

/** Add of `count` IDs given as one item per contact, read with ID Source "field". */
function addField(id, path, officialAccount, prefix, count) {
	return workflow(id, [
		webhook(path),
		code('Contacts', `return Array.from({ length: ${count} }, (_, index) => ({ json: { userId: '${prefix}' + index } }));`),
		tencent('Add', { resource: 'subscriber', operation: 'add', officialAccount, idSource: 'field', idField: 'userId' }),
		addSummary(prefix),
	]);
}

/** Return All over an account's subscribers, summarised. */
function readAll(id, path, officialAccount) {
	return workflow(id, [
		webhook(path),
		tencent('Subscribers', { resource: 'subscriber', operation: 'getAll', officialAccount, returnAll: true }),
		code(
			'Summary',
			`const ids = $input.all().map((item) => item.json.Subscriber_Account);
return [{ json: { count: ids.length, distinct: new Set(ids).size } }];`,
		),
	]);
}

module.exports = { CREDENTIAL, addList, addField, readAll };
