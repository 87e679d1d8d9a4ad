// The trigger cases' workflows: one records every execution (Subscriber Added), one answers a Before event.
import { PKG } from '../../workflows';
import type { Workflow } from '../../workflows';

export const TOKEN = 'e2e-console-callback-token-51c7';
export const CRED = { id: 'e2eTriggerCred01', name: 'Tencent Chat trigger (emulator)' };
export const OA = '@TOA#_e2etrig';
export const AFTER = 'OfficialAccount.CallbackAfterAddSubscriber';
export const BEFORE = 'OfficialAccount.CallbackBeforeAddSubscriber';
export const HOOK_AFTER = 'e2e00000-7a9b-4d2e-9a51-6b1d2c3e4f01';
export const HOOK_BEFORE = 'e2e00000-7a9b-4d2e-9a51-6b1d2c3e4f02';
export const TRIGGER_WORKFLOW_IDS = ['e2eTrigAfter1', 'e2eTrigGuard1'];

const trigger = (webhookId: string, events: string[], options: Record<string, unknown>, typeVersion: number) => ({
	id: `t-${webhookId.slice(-2)}`,
	name: 'Tencent Chat Trigger',
	type: `${PKG}.tencentChatTrigger`,
	typeVersion,
	position: [0, 0],
	webhookId,
	parameters: { events, options },
	credentials: { tencentCloudChatApi: { id: CRED.id, name: CRED.name } },
});

const workflow = (id: string, name: string, nodes: any[], connections: Record<string, any>): Workflow => ({
	id,
	name,
	active: false,
	nodes,
	connections,
	settings: { executionOrder: 'v1' },
	pinData: {},
});

const to = (node: string) => [{ node, type: 'main', index: 0 }];

/** One of n8n's own nodes, at [x, y] on the canvas. */
const coreNode = (id: string, name: string, type: string, typeVersion: number, position: number[], parameters: Record<string, unknown>) => ({
	id,
	name,
	type: `n8n-nodes-base.${type}`,
	typeVersion,
	position,
	parameters,
});

/** Trigger (Subscriber Added, Split Accounts) -> HTTP Request that posts the items and the execution id, once. */
export function recordingWorkflow(recorderUrl: string): Workflow {
	const recordNode = {
		...coreNode('record', 'Record', 'httpRequest', 4.2, [240, 0], {
			method: 'POST',
			url: recorderUrl,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ executionId: $execution.id, items: $input.all().map((i) => i.json) }) }}',
			options: {},
		}),
		executeOnce: true,
	};
	const nodes = [trigger(HOOK_AFTER, [AFTER], { splitAccounts: true }, 2), recordNode];
	return workflow(TRIGGER_WORKFLOW_IDS[0], 'e2e trigger: subscriber added', nodes, { 'Tencent Chat Trigger': { main: [to('Record')] } });
}

/** A Set node that answers the Before event: ErrorCode 0 lets the subscriber in, 1 refuses. */
const reply = (name: string, code: number, y: number) =>
	coreNode(name.toLowerCase(), name, 'set', 3.4, [480, y], {
		assignments: {
			assignments: [
				{ id: 's', name: 'ActionStatus', value: 'OK', type: 'string' },
				{ id: 'c', name: 'ErrorCode', value: code, type: 'number' },
				{ id: 'i', name: 'ErrorInfo', value: code ? 'blocked' : '', type: 'string' },
			],
		},
		options: {},
	});

const blockedCondition = {
	id: 'blocked',
	leftValue: "={{ $json.SubscribeAccountList.some((s) => s.Subscriber_Account.startsWith('blocked')) }}",
	rightValue: '',
	operator: { type: 'boolean', operation: 'true', singleValue: true },
};
const blocked = coreNode('if', 'Blocked?', 'if', 2.2, [240, 0], {
	conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions: [blockedCondition], combinator: 'and' },
	options: {},
});

/** The subscriber-guard example's shape: Before Subscriber Added -> If blocked -> Set the refusal / the allow. */
export function guardWorkflow(): Workflow {
	const nodes = [trigger(HOOK_BEFORE, [BEFORE], { beforeEventReply: 'workflow' }, 1), blocked, reply('Refuse', 1, -100), reply('Allow', 0, 100)];
	return workflow(TRIGGER_WORKFLOW_IDS[1], 'e2e trigger: refuse blocked users', nodes, {
		'Tencent Chat Trigger': { main: [to('Blocked?')] },
		'Blocked?': { main: [to('Refuse'), to('Allow')] },
	});
}
