// n8n 2.x starts an expression isolate for every credential read in a webhook, so the trigger reuses the stored
// credential for 2 s: an edited Callback Token applies to callbacks after that, never later.
import { triggerCredentials, callbackQuery, triggerWorkflow, post, emitted } from '../../support/trigger';
import type { WorkflowJson } from '../../harness';
import type { ChatCredentials } from '../../support/backend';

const ADDED = 'OfficialAccount.CallbackAfterAddSubscriber';
const body = { Official_Account: '@TOA#_r', SubscribeAccountList: [{ Subscriber_Account: 'u1' }], EventTime: Date.now() };
const OLD = triggerCredentials({ callbackToken: 'old-token-1' });
const NEW = triggerCredentials({ callbackToken: 'new-token-2' });

let clock: { advance(ms: number): number };
beforeEach(() => {
	// A frozen clock: a slow machine must not let 2 s pass between two calls by itself.
	let now = Date.now();
	clock = { advance: (ms: number) => (now += ms) };
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

const send = (workflow: WorkflowJson, token: string, credentials: ChatCredentials, credentialId?: string) => post(workflow, { query: callbackQuery(ADDED, { token }), body, credentials, credentialId });

test('an edited Callback Token applies 2 s after the credential was last read, and not before', async () => {
	const workflow = triggerWorkflow({ events: [ADDED] });
	expect((await send(workflow, 'old-token-1', OLD, 'cred-edited')).status).toBe(200);
	// Edited in n8n: the next callbacks within 2 s are still checked against the old token.
	expect((await send(workflow, 'new-token-2', NEW, 'cred-edited')).status).toBe(401);
	expect((await send(workflow, 'old-token-1', NEW, 'cred-edited')).status).toBe(200);
	clock.advance(2000);
	const signedNew = await send(workflow, 'new-token-2', NEW, 'cred-edited');
	expect(signedNew.status).toBe(200);
	expect(emitted(signedNew)[0].SubscribeAccountList).toEqual([{ Subscriber_Account: 'u1' }]);
	expect((await send(workflow, 'old-token-1', NEW, 'cred-edited')).status).toBe(401);
});

test('each workflow reads its own credential', async () => {
	const first = triggerWorkflow({ events: [ADDED] });
	const second = { ...triggerWorkflow({ events: [ADDED] }), id: 'trigger-test-2' };
	expect((await send(first, 'old-token-1', OLD, 'cred-shared')).status).toBe(200);
	expect((await send(second, 'new-token-2', NEW, 'cred-shared')).status).toBe(200);
});

test('an incomplete credential is not kept: once fixed, the next callback is accepted', async () => {
	const workflow = triggerWorkflow({ events: [ADDED] });
	const broken = triggerCredentials({ callbackToken: 'old-token-1', sdkAppId: '' });
	expect((await send(workflow, 'old-token-1', broken, 'cred-fixed')).status).toBe(500);
	expect((await send(workflow, 'old-token-1', OLD, 'cred-fixed')).status).toBe(200);
});
