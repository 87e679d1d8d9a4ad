// The transport works from every n8n context that needs it; here n8n-core's LoadOptionsContext, as the
// editor's list pickers run, next to the node runs every other test uses.
import { useBackend } from '../support/backend';
const { apiRequest } = require('../../dist/nodes/shared/transport');

const backend = useBackend();
beforeAll(() => backend().emu.addOfficialAccount({ id: '@TOA#_ctx', subscribers: 3 }));

test('apiRequest from a LoadOptionsContext signs, paces and reads the answer', async () => {
	const context = backend().harness.loadOptionsContext({ type: 'tencentChatOfficialAccount', credentials: backend().credentials });
	const answer = await apiRequest.call(context, {
		service: 'official_account_open_http_svc',
		command: 'get_subscriber_info',
		repeatable: true,
		body: { Official_Account: '@TOA#_ctx', Limit: 10, Next: '' },
		purpose: 'list subscribers',
	});
	expect(answer.SubscriberList.map((s) => s.Subscriber_Account)).toEqual(backend().emu.getSubscribers('@TOA#_ctx'));
});

test('a credential failure from a LoadOptionsContext is the usual message', async () => {
	const context = backend().harness.loadOptionsContext({ type: 'tencentChatOfficialAccount', credentials: { ...backend().credentials, secretKey: 'wrong' } });
	const call = { service: 'official_account_open_http_svc', command: 'get_subscriber_info', repeatable: true, body: { Official_Account: '@TOA#_ctx', Limit: 1, Next: '' }, purpose: 'list subscribers' };
	await expect(apiRequest.call(context, call)).rejects.toThrow('Could not list subscribers: the Secret Key does not match the SDKAppID [Tencent error 70009]');
});
