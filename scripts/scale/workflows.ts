// The queue-mode scenario's workflows: each starts at a production webhook that answers when the workflow
// has finished, with a summary the test checks (how many results, of which kind, in input order).
import { randomUUID } from 'node:crypto';

const PKG = 'n8n-nodes-tencent-chat';
const CREDENTIAL = { id: 'scaleTencentCred1', name: 'Tencent Chat (scale emulator)' };

/** A workflow node as n8n imports it. */
interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: object;
	[more: string]: unknown;
}

function node(name: string, type: string, parameters: object, extra: object = {}): WorkflowNode {
	return { id: randomUUID(), name, type, typeVersion: 1, position: [0, 0], parameters, ...extra };
}

function webhook(path: string) {
	return node('Webhook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} }, { typeVersion: 2, webhookId: randomUUID() });
}

const code = (name: string, jsCode: string) => node(name, 'n8n-nodes-base.code', { jsCode }, { typeVersion: 2 });

const tencent = (name: string, parameters: object) =>
	node(name, `${PKG}.tencentChatOfficialAccount`, parameters, { credentials: { tencentCloudChatApi: CREDENTIAL } });

/** nodes[0] -> nodes[1] -> ... */
function workflow(id: string, nodes: WorkflowNode[]) {
	const connections: Record<string, object> = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	nodes.forEach((n, index) => (n.position = [220 * index, 0]));
	return { id, name: id, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Tallies the Add results and checks they come one per ID, in input order. */
const addSummary = (prefix: string) =>
	code(
		'Summary',
		`const items = $input.all();
const tally = {};
for (const item of items) tally[item.json.result] = (tally[item.json.result] || 0) + 1;
const inOrder = items.every((item, index) => item.json.subscriberAccount === '${prefix}' + index);
return [{ json: { count: items.length, tally, inOrder } }];`,
	);

/** Add of `count` IDs given as one item holding the list. */
function addList(id: string, path: string, officialAccount: string, prefix: string, count: number) {
	return workflow(id, [
		webhook(path),
		code('IDs', `return [{ json: { ids: Array.from({ length: ${count} }, (_, index) => '${prefix}' + index) } }];`),
		tencent('Add', { resource: 'subscriber', operation: 'add', officialAccount, subscriberAccounts: '={{ $json.ids }}' }),
		addSummary(prefix),
	]);
}

/** Add of `count` IDs given as one item per contact, read with ID Source "field". */
function addField(id: string, path: string, officialAccount: string, prefix: string, count: number) {
	return workflow(id, [
		webhook(path),
		code('Contacts', `return Array.from({ length: ${count} }, (_, index) => ({ json: { userId: '${prefix}' + index } }));`),
		tencent('Add', { resource: 'subscriber', operation: 'add', officialAccount, idSource: 'field', idField: 'userId' }),
		addSummary(prefix),
	]);
}

/** Return All over an account's subscribers, summarised. */
function readAll(id: string, path: string, officialAccount: string) {
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

export { CREDENTIAL, addList, addField, readAll };
