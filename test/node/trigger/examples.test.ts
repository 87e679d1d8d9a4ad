// The trigger examples, as users import them, started by the emulator's real callbacks: the emulator posts to a
// stand-in for n8n's webhook server, which runs the trigger's webhook and the rest of the workflow through the engine
// with n8n's own Code, If and Set nodes.
import { startEmulator } from '../../../emulator';
import { startTriggerServer } from '../../support/triggerServer';
import type { TriggerServer } from '../../support/triggerServer';
import type { Emulator } from '../../support/backend';
import { example, demo } from '../../support/examples';
import { call, ADD } from '../../emulator/helpers';

const ACCOUNT = demo.officialAccountId;
const TOKEN = 'demo-console-callback-token';
const credentials = { 'tencent-chat-demo': { sdkAppId: demo.sdkAppId, region: 'china', identifier: demo.identifier, secretKey: demo.secretKey, callbackToken: TOKEN } };

let emu: Emulator;
let server: TriggerServer;
beforeAll(async () => {
	emu = await startEmulator({ port: 0, seed: 'demo' });
	server = await startTriggerServer({ workflow: example('new-subscriber-to-crm'), credentials, harnessOptions: { coreNodes: true } });
});
afterAll(async () => {
	await emu?.close();
	await server?.close();
});
beforeEach(() => {
	emu.reset();
	emu.setOptions({ callbackUrl: server.url, callbackToken: TOKEN });
	server.calls.length = 0;
});

const add = (ids: string[]) => call(emu, ADD, { Official_Account: ACCOUNT, SubscriberList: ids.map((id) => ({ Subscriber_Account: id })) });

test('New subscriber to CRM: each user added in Tencent becomes one CRM contact', async () => {
	server.setWorkflow(example('new-subscriber-to-crm'));
	const before = Date.now();
	expect((await add(['alice', 'user000001', 'bob'])).json.SubscriberList.map((s) => s.Result)).toEqual([1, 2, 1]);
	await emu.callbacksIdle();
	const runs = server.executions();
	expect(runs).toHaveLength(1);
	expect(runs[0].text).toBe('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
	const contacts = runs[0].result!.items('CRM').map((item) => item.json);
	// toEqual ignores the undefined subscribedAt, checked below.
	expect(contacts.map((contact) => ({ ...contact, subscribedAt: undefined }))).toEqual([
		{ contactId: 'crm-alice', userId: 'alice', officialAccount: ACCOUNT, source: 'Tencent Chat' },
		{ contactId: 'crm-bob', userId: 'bob', officialAccount: ACCOUNT, source: 'Tencent Chat' },
	]);
	for (const c of contacts) expect(Date.parse(c.subscribedAt)).toBeGreaterThanOrEqual(before - 1);
	// The Before callback was not selected: answered OK, nothing ran.
	expect(server.calls.map((c) => c.started)).toEqual([false, true]);
});

describe('Refuse blocked users before they subscribe (If + Set build the reply)', () => {
	beforeEach(() => server.setWorkflow(example('subscriber-guard')));

	test('a blocked user: the reply is exactly the Refuse node\'s fields, and nobody is added', async () => {
		const result = await add(['blocked-mallory', 'carol']);
		expect(result.json.SubscriberList.map((s) => s.Result)).toEqual([0, 0]);
		await emu.callbacksIdle();
		expect(server.calls).toHaveLength(1);
		expect(server.calls[0].text).toBe('{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":"This user may not subscribe."}');
		expect(emu.getSubscribers(ACCOUNT)).not.toContain('carol');
		expect(emu.getSubscribers(ACCOUNT)).toHaveLength(3000);
	});

	test('nobody blocked: Allow answers ErrorCode 0 and the users are added', async () => {
		const result = await add(['carol']);
		expect(result.json.SubscriberList.map((s) => s.Result)).toEqual([1]);
		await emu.callbacksIdle();
		expect(server.calls[0].text).toBe('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
		expect(emu.getSubscribers(ACCOUNT)).toContain('carol');
	});
});
