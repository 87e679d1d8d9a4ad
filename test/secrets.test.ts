// Neither the secret key nor any UserSig issued during a run may appear in anything a user can see:
// output items, error messages, descriptions, causes, or the console and n8n's log.
import util from 'node:util';

const userSigModule = require('../dist/nodes/shared/userSig');
import { captureConsole } from './harness';
import { APP, startBackend, fastRetries } from './support/backend';

const NODE = 'tencentChatOfficialAccount';
const issuedUserSigs = new Set<string>();
const seen: string[] = [];

function collect(result: { items: any[]; error?: any }) {
	seen.push(JSON.stringify(result.items));
	for (const error of [result.error, ...result.items.map((item) => item.error)].filter(Boolean)) {
		// Every own property (message, description, errorResponse, cause, context, node, ...), whatever its shape.
		for (const key of new Set([...Object.getOwnPropertyNames(error), 'cause', 'stack'])) {
			const value = error[key];
			seen.push(typeof value === 'string' ? value : util.inspect(value, { depth: 8, getters: true }));
		}
	}
}

let backend;
let console_;
let restoreTimings;
beforeAll(async () => {
	const original = userSigModule.getUserSig;
	jest.spyOn(userSigModule, 'getUserSig').mockImplementation((key): string => {
		const userSig = original(key);
		issuedUserSigs.add(userSig);
		return userSig;
	});
	backend = await startBackend({}, { logLevel: 'debug' });
	backend.emu.addOfficialAccount({ id: '@TOA#_leak', subscribers: 500 });
	backend.emu.addGroup({ id: '@TGS#2LEAK', type: 'Public', members: 250 });
	restoreTimings = fastRetries();
	console_ = captureConsole();
});
afterAll(async () => {
	console_.stop();
	restoreTimings();
	await backend.close();
});

const getAll = { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_leak', returnAll: true };
const add = { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_leak', subscriberAccounts: 'a,b,c' };
const members = { resource: 'member', operation: 'getAll', groupId: '@TGS#2LEAK', returnAll: true };
const withKey = (secretKey: string) => ({ ...backend.credentials, secretKey });
const htmlBadGateway = () => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><title>502 Bad Gateway</title></html>' });
const malformed = () => ({ body: '{"ActionStatus":"OK","ErrorCode":0,"SubscriberList":[{"Subscriber_Acc' });

/** How a case differs from a plain run with the right credential. */
interface Setup {
	credentials?: string;
	continueOnFail?: boolean;
	baseUrl?: string;
	timeout?: boolean;
	type?: string;
}
type Answer = () => { status?: number; headers?: Record<string, string>; body: string };

const cases: [string, Setup, object, Answer | undefined][] = [
	['a successful Return All', {}, getAll, undefined],
	['a successful Add', {}, add, undefined],
	['a wrong secret key', { credentials: 'wrong-secret-key-XYZ' }, getAll, undefined],
	['a wrong secret key with continueOnFail', { credentials: 'wrong-secret-key-XYZ', continueOnFail: true }, add, undefined],
	['an HTML 502 page', {}, getAll, htmlBadGateway],
	['an HTML 502 page with continueOnFail', { continueOnFail: true }, add, htmlBadGateway],
	['malformed JSON', {}, getAll, malformed],
	['malformed JSON on Add', {}, add, malformed],
	['a closed port', { baseUrl: 'http://127.0.0.1:9' }, getAll, undefined],
	['a timeout', { timeout: true }, getAll, undefined],
	['group members with a wrong key', { credentials: 'wrong-secret-key-XYZ', type: 'tencentChatGroupMembers' }, members, undefined],
	['group members behind an HTML 502 page', { continueOnFail: true, type: 'tencentChatGroupMembers' }, members, htmlBadGateway],
	['group members with malformed JSON', { type: 'tencentChatGroupMembers' }, members, malformed],
];

test.each(cases)('%s leaks nothing', async (_name, setup, parameters, intercept) => {
	backend.emu.setOptions({ intercept: intercept ?? null, faults: { hang: setup.timeout ? 1 : 0 }, hangMs: 2000 });
	const restore = setup.timeout ? fastRetries({ timeoutMs: 100, maxAttempts: 2 }) : () => undefined;
	try {
		let credentials = backend.credentials;
		if (setup.credentials) credentials = withKey(setup.credentials);
		if (setup.baseUrl) credentials = { ...credentials, baseUrl: setup.baseUrl };
		const result = await backend.harness.runNode({ type: setup.type ?? NODE, parameters, credentials, continueOnFail: setup.continueOnFail });
		collect({ items: result.items, error: result.error });
		if (intercept || setup.credentials || setup.baseUrl || setup.timeout) expect(result.error ?? result.items[0].json.error).toBeTruthy();
	} finally {
		restore();
	}
});

test('nothing anywhere contains the secret key or a UserSig issued during the run', () => {
	const everything = seen.join('\n') + console_.stop();
	expect(issuedUserSigs.size).toBeGreaterThan(0);
	const secrets = [APP.secretKey, 'wrong-secret-key-XYZ', ...issuedUserSigs];
	const leaks = secrets.filter((secret) => everything.includes(secret) || everything.includes(encodeURIComponent(secret)));
	expect(leaks).toEqual([]);
	expect(everything).not.toMatch(/usersig=(?!\[redacted\])/i);
	expect(everything.length).toBeGreaterThan(1000);
});
