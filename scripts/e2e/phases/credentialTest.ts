// The credential's `test` request, as the editor's "Test" button runs it (n8n start + POST /rest/credentials/test),
// and the group picker through the REST endpoint the editor's resource locator uses.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkGroupPicker } from '../cases/groupMembers';
import { UNKNOWN_APP_ID, WRONG_KEY } from '../config';
import type { RestClient, Server } from '../n8n';
import type { Text } from '../leaks';
import type { VersionEnv } from '../runners/types';
import { APP, CRED_TYPE, credentialData } from '../workflows';

const CHECK_KEY = 'The Secret Key does not match this SDKAppID. Copy the key again from the Tencent Cloud Chat console.';
const CHECK_APP = 'Tencent does not know this SDKAppID in the chosen region. Check the SDKAppID and the Region.';
const NOT_TENCENT = 'The answer is not from the Tencent Cloud Chat REST API. Check the Region, or the Base URL.';
const PASSED =
	'credential test (n8n start + REST /rest/credentials/test): OK; wrong key -> our 70009 rule message; unknown SDKAppID -> our 70020 rule message; a server answering {} fails; the group picker finds a group by name';

/** A web server on 127.0.0.1 that answers `{}` to everything, as a wrong Base URL might. */
async function answersEmptyJson(): Promise<{ url: string; close(): Promise<void> }> {
	const server = http.createServer((req, res) => {
		req.resume();
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Tests a good credential, a wrong key, an unknown app and a server that is not Tencent's; returns the messages. */
async function testCredentials(rest: RestClient, emuUrl: string, texts: Text[]) {
	const test = async (name: string, overrides: Record<string, unknown>) => {
		const r = await rest.testCredential({ name, type: CRED_TYPE, data: credentialData(emuUrl, overrides) });
		texts.push({ label: `credential test "${name}" answer`, text: JSON.stringify(r) });
		return r;
	};
	const good = await test('e2e good', {});
	assert.equal(good.status, 'OK', `good credential: ${JSON.stringify(good)}`);
	const badKey = await test('e2e bad key', { secretKey: WRONG_KEY });
	assert.equal(badKey.status, 'Error', `wrong secret key: ${JSON.stringify(badKey)}`);
	assert.equal(badKey.message, CHECK_KEY);
	const badApp = await test('e2e unknown app', { sdkAppId: UNKNOWN_APP_ID });
	assert.equal(badApp.status, 'Error', `unknown SDKAppID: ${JSON.stringify(badApp)}`);
	assert.equal(badApp.message, CHECK_APP);
	const plain = await answersEmptyJson();
	const notTencent = await rest.testCredential({ name: 'e2e not tencent', type: CRED_TYPE, data: { ...credentialData(emuUrl), baseUrl: plain.url } });
	await plain.close();
	assert.deepEqual([notTencent.status, notTencent.message], ['Error', NOT_TENCENT], 'a server answering {} must fail the Test');
	return `wrong key: ${badKey.message}\nunknown app: ${badApp.message}`;
}

export async function runCredentialTest({ n8n, emu, report }: VersionEnv): Promise<void> {
	const t2 = Date.now();
	const restTexts: Text[] = [];
	let server: Server | undefined;
	try {
		server = await n8n.start();
		const rest = await n8n.restOwnerLogin(server.url);
		const messages = await testCredentials(rest, emu.url, restTexts);
		const calls = await emu.requests();
		assert.deepEqual(calls.map((c) => [c.command, c.sdkAppId, c.errorCode || 0]), [
			['account_check', APP.sdkAppId, 0],
			['account_check', APP.sdkAppId, 70009],
			['account_check', UNKNOWN_APP_ID, 70020],
		]);
		assert.deepEqual(calls[0].body, { CheckItem: [{ UserID: 'administrator' }] });
		const picked = await checkGroupPicker(rest);
		restTexts.push({ label: 'group picker answer', text: JSON.stringify(picked) });
		await server.stop();
		report.assertNoLeak([{ label: 'n8n start output', text: server.logs() }, ...restTexts]);
		report.record(PASSED, true, Date.now() - t2, report.verbose ? messages : undefined);
	} catch (e: any) {
		report.record('credential test (n8n start + REST /rest/credentials/test)', false, Date.now() - t2, `${e.message}${server ? `\n${server.logs().slice(-1500)}` : ''}`);
	} finally {
		if (server) await server.stop();
	}
}
