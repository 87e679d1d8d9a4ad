// The credential's Test button succeeds only for Tencent's own account_check success.
import { TencentCloudChatApi } from '../../dist/credentials/TencentCloudChatApi.credentials';
import { APP } from '../support/backend';
import { startTransportBackend, tencentFail } from '../support/transport';
import type { TransportBackend } from '../support/transport';
import { startLocalServer } from '../support/localServer';

const NOT_TENCENT = 'The answer is not from the Tencent Cloud Chat REST API. Check the Region, or the Base URL.';

let backend: TransportBackend;
beforeAll(async () => {
	backend = await startTransportBackend();
});
afterAll(async () => backend.close());
beforeEach(() => backend.emu.setOptions({ intercept: null }));

/** A plain web server that answers every request with `status` and `body`. */
async function plainServer(status: number, body: string, contentType = 'application/json') {
	const server = await startLocalServer((_req, res) => {
		res.writeHead(status, { 'Content-Type': contentType });
		res.end(body);
	});
	return { url: server.origin, close: server.close };
}

test('a good credential passes, with one signed account_check for the Identifier', async () => {
	backend.emu.clearRequests();
	expect(await backend.testCredential()).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(backend.emu.requests().map((r) => [r.command, r.errorCode, r.body])).toEqual([['account_check', 0, { CheckItem: [{ UserID: 'administrator' }] }]]);
});

test('the SDKAppID field starts empty, so its placeholder shows; typed as text (spaces around it too) or saved as a number, it passes', async () => {
	const field = new TencentCloudChatApi().properties.find((p) => p.name === 'sdkAppId')!;
	expect([field.type, field.default, field.placeholder]).toEqual(['string', '', 'e.g. 1400000001']);
	for (const sdkAppId of [` ${APP.sdkAppId} `, String(APP.sdkAppId), APP.sdkAppId]) {
		expect(await backend.testCredential({ ...backend.credentials, sdkAppId })).toEqual({ status: 'OK', message: 'Connection successful!' });
	}
	const empty = await backend.testCredential({ ...backend.credentials, sdkAppId: '' });
	expect(empty).toEqual({ status: 'Error', message: 'The SDKAppID is empty. Copy the SDKAppID (for example 1400000001) from the Tencent Cloud Chat console\'s application list.' });
});

test.each([
	['a wrong Secret Key', { secretKey: `${APP.secretKey}x` }, 'The Secret Key does not match this SDKAppID. Copy the key again from the Tencent Cloud Chat console.'],
	['an unknown SDKAppID', { sdkAppId: 1400099999 }, 'Tencent does not know this SDKAppID in the chosen region. Check the SDKAppID and the Region.'],
	['an Identifier that is not an admin', { identifier: 'someone' }, 'The Identifier is not an app admin. Use an admin account, such as "administrator", from the console\'s App Admin list.'],
])('%s fails with a message naming the field', async (_name, overrides, message) => {
	expect(await backend.testCredential({ ...backend.credentials, ...overrides })).toEqual({ status: 'Error', message });
});

test.each([
	[70001, 'Tencent says the signature has expired. Check the clock of the n8n server, then test again.'],
	[70002, 'Tencent could not read the signature. Check the Secret Key and the SDKAppID for stray characters.'],
	[70005, 'Tencent could not read the signature. Check the Secret Key and the SDKAppID for stray characters.'],
	[70016, 'Tencent does not know this SDKAppID in the chosen region. Check the SDKAppID and the Region.'],
	[70052, 'Tencent says the signature was invalidated. Test again in a minute.'],
	[60007, 'Tencent is limiting the calls of this app right now (error 60007). Test again in a minute.'],
	[10002, 'Tencent reported an internal error (10002). Test again later.'],
	[90001, 'Tencent refused the test. Check the SDKAppID, the Region and the Identifier.'],
])('Tencent error %s fails with what to check or that to try again', async (code, message) => {
	backend.emu.setOptions({ intercept: ({ command }) => (command === 'account_check' ? tencentFail(code) : undefined) });
	expect(await backend.testCredential()).toEqual({ status: 'Error', message });
});

test.each([
	['a web server that answers {} to anything', 200, '{}', NOT_TENCENT],
	['an OK without a result for the Identifier', 200, '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}', NOT_TENCENT],
	['an HTML page', 200, '<html><body>Welcome</body></html>', NOT_TENCENT],
	// n8n itself fails any HTTP error with the status text.
	['HTTP 404', 404, 'not found', 'Not Found'],
	['HTTP 502', 502, 'bad gateway', 'Bad Gateway'],
])('a Base URL that is not Tencent fails: %s', async (_name, status, body, message) => {
	const server = await plainServer(status, body, body.startsWith('{') ? 'application/json' : 'text/html');
	try {
		expect(await backend.testCredential({ ...backend.credentials, baseUrl: server.url })).toEqual({ status: 'Error', message });
	} finally {
		await server.close();
	}
});

test('a Base URL with a user name and password is refused, and the password is shown nowhere', async () => {
	const result = await backend.testCredential({ ...backend.credentials, baseUrl: `http://admin:hunter2@127.0.0.1:${new URL(backend.emu.url!).port}` });
	expect(result.status).toBe('Error');
	expect(result.message).toContain('contains a user name or password');
	expect(JSON.stringify(result)).not.toMatch(/hunter2|admin:/);
});
