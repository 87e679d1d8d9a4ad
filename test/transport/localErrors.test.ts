// Only network errors are "could not reach": n8n's SSRF block, a credential n8n cannot resolve and bugs
// are reported as what they are, after one attempt.
import { useBackend } from '../support/backend';
import { startTransportBackend } from '../support/transport';

const backend = useBackend({ start: startTransportBackend, fast: true });
beforeAll(() => backend().emu.addOfficialAccount({ id: '@TOA#_local', subscribers: 0 }));

test.each([
	[
		'ssrf',
		"Could not send the test call: n8n's SSRF protection blocked the request to the Base URL (The request was blocked because it resolves to a restricted IP address)",
		'Ask your n8n administrator to allow this host (N8N_SSRF_ALLOWED_HOSTNAMES), or choose the Region instead of a custom Base URL.',
	],
	[
		'credential',
		'Could not send the test call: n8n could not read the Tencent Cloud Chat API credential (Node "Node" does not have any credentials of type "tencentCloudChatApi" set)',
		'Open the node, select the credential again and save the workflow.',
	],
	[
		'bug',
		"Could not send the test call: n8n could not send the request (Cannot read properties of undefined (reading 'headers'))",
		'This is not a network problem, so the node did not retry. Report it to the node maintainers if it persists.',
	],
])('a %s error in the request helper is reported as such and not retried', async (kind, message, description) => {
	const { error } = await backend().send([backend().addCall('@TOA#_local', 'u1', true)], { helperError: kind });
	expect(error.message).toBe(message);
	expect(error.description).toBe(description);
});
