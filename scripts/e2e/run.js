#!/usr/bin/env node
'use strict';
/*
 * End-to-end tests in a real n8n: `npm run test:e2e` (builds first).
 *
 * For each n8n version (v1: n8n 1.123.81 on Node 20, v2: n8n 2.41.1 on
 * Node 24, see ./install.js) this
 *   - installs n8n (cached under .cache/e2e/, keyed by the lockfile),
 *   - installs our `npm pack` output as a community package in a fresh user folder,
 *   - starts the Tencent Chat emulator (emulator/) in a child process,
 *   - imports a credential that points at it and the workflows below,
 *   - runs each workflow with `n8n execute --id` and checks the output items
 *     and the API calls the emulator received,
 *   - runs the credential's `test` request through the REST API of `n8n start`.
 *
 * Options: --only=v1|v2   --keep (keep the n8n user folders)   --verbose
 * Env:     E2E_VERSIONS=v1,v2 (same as --only)
 * Prints PASS/FAIL per case and `N passed, M failed`; exits 1 on any failure.
 */

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO } = require('./install');
const { createN8n, npmPack } = require('./n8n');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const optValue = (name) => (args.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1];
const VERSIONS = (optValue('only') || process.env.E2E_VERSIONS || 'v1,v2').split(',').map((s) => s.trim()).filter(Boolean);
const KEEP = flag('keep');
const VERBOSE = flag('verbose');

const PKG = 'n8n-nodes-tencent-chat';
const OA = `${PKG}.tencentChatOfficialAccount`;
const GM = `${PKG}.tencentChatGroupMembers`;
const CRED_TYPE = 'tencentCloudChatApi';
const CRED_ID = 'e2eTencentCred01';
const CRED_NAME = 'Tencent Chat (emulator)';

const APP = { sdkAppId: 1400077001, secretKey: 'e2e-secret-3b9f1c7a5d2e4f6081a3c5e7b9d1f2a4', admins: ['administrator'] };
const HOLES = [5, 30];
const RECALLED = [7, 44];
const EMULATOR_OPTIONS = {
	port: 0,
	logBodies: true,
	apps: [APP],
	officialAccounts: [
		{ id: '@TOA#_e2e', subscribers: 401, messages: { count: 60, holes: HOLES, recalled: RECALLED } },
		{ id: '@TOA#_crm', subscribers: ['existing1', 'existing2'] },
	],
	groups: [
		{ id: '@TGS#e2epub', type: 'Public', members: 230 },
		{ id: '@TGS#_e2ecomm', type: 'Community', members: 250, customFields: ['Level', 'Team'] },
	],
};
const CHECK_KEY = 'The Secret Key does not match this SDKAppID. Copy the key again from the Tencent Cloud Chat console.';

/* ---------------------------------------------------------------- helpers */

const log = (msg) => process.stdout.write(`${msg}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function credentialData(baseUrl, overrides = {}) {
	return { sdkAppId: APP.sdkAppId, region: 'custom', baseUrl, identifier: 'administrator', secretKey: APP.secretKey, ...overrides };
}

/** Manual Trigger -> nodes[0] -> nodes[1] ... (each node: { name, type, parameters, ...settings }). */
function chain(id, name, nodes) {
	const all = [
		{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((n, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			...n,
			...(n.type.startsWith(`${PKG}.`) ? { credentials: { [CRED_TYPE]: { id: CRED_ID, name: CRED_NAME } } } : {}),
		})),
	];
	const connections = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	assert.ok(id.length <= 21, `workflow id ${id} too long`);
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const code = (name, jsCode) => ({ name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } });

/** Output items ({ json, pairedItem }) of a node's first output in a parsed IRun. */
function outputItems(run, nodeName) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	assert.ok(task, `node "${nodeName}" did not run`);
	return task.data?.main?.[0] ?? [];
}

const seqsFrom = (top, bottom, skip = []) =>
	Array.from({ length: top - bottom + 1 }, (_, i) => top - i).filter((seq) => !skip.includes(seq));

/** API calls the emulator received (optionally of one command); all must be signed as our admin. */
async function apiCalls(emu, command, { expectOk = true } = {}) {
	const all = await emu.requests();
	const list = command ? all.filter((r) => r.command === command) : all;
	for (const r of list) {
		assert.equal(r.sdkAppId, APP.sdkAppId, `call ${r.command}: sdkAppId`);
		assert.equal(r.identifier, 'administrator', `call ${r.command}: identifier`);
		if (expectOk) assert.ok(!r.errorCode, `call ${r.command} failed with ErrorCode ${r.errorCode}`);
	}
	return list;
}

function expectSuccess(res) {
	const err = res.json?.data?.resultData?.error;
	assert.equal(res.code, 0, `n8n execute exit ${res.code}: ${err ? err.message : (res.stderr || res.stdout).slice(-1500)}`);
	assert.ok(res.json, 'no run data in the n8n output');
	assert.equal(err, undefined);
}

/* ------------------------------------------------------------------ cases */

const CASES = [
	{
		name: 'Official Account: Subscriber Get Many, Return All over 401 subscribers',
		workflow: chain('e2eSubsAll', 'e2e subscribers all', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.map((i) => i.json.Subscriber_Account), await emu.getSubscribers('@TOA#_e2e'));
			assert.deepEqual(Object.keys(items[0].json).sort(), ['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account']);
			assert.ok(items.every((i) => i.pairedItem?.item === 0), 'pairedItem');
			const calls = await apiCalls(emu, 'get_subscriber_info');
			assert.deepEqual(calls.map((c) => c.body.Limit), [200, 200, 200]);
			assert.equal(calls[0].body.Next, '');
			assert.ok(calls.slice(1).every((c) => typeof c.body.Next === 'string' && c.body.Next !== ''), 'Next cursors');
		},
	},
	{
		name: 'Official Account: Subscriber Get Many, Limit 250 from an expression',
		workflow: chain('e2eSubsLimit', 'e2e subscribers limit', [
			code('Input', 'return [{ json: { account: "@TOA#_e2e", limit: 250 } }];'),
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '={{ $json.account }}', returnAll: false, limit: '={{ $json.limit }}' } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.map((i) => i.json.Subscriber_Account), (await emu.getSubscribers('@TOA#_e2e')).slice(0, 250));
			assert.deepEqual((await apiCalls(emu, 'get_subscriber_info')).map((c) => c.body.Limit), [200, 50]);
		},
	},
	{
		name: 'Official Account: Subscriber Add, 150 items from a Code node in batches of 100',
		workflow: chain('e2eSubsAdd', 'e2e subscribers add', [
			code('IDs', 'return Array.from({ length: 150 }, (_, i) => ({ json: { id: "crm" + String(i).padStart(4, "0") } }));'),
			{ name: 'Add', type: OA, parameters: { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_crm', subscriberAccounts: '={{ $json.id }}' } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const ids = Array.from({ length: 150 }, (_, i) => `crm${String(i).padStart(4, '0')}`);
			const items = outputItems(res.json, 'Add');
			assert.deepEqual(items.map((i) => i.json), ids.map((subscriberAccount) => ({ officialAccount: '@TOA#_crm', subscriberAccount, result: 'added', resultCode: 1 })));
			assert.deepEqual(items.map((i) => i.pairedItem), ids.map((_, item) => ({ item })));
			const calls = await apiCalls(emu, 'add_subscriber');
			assert.deepEqual(calls.map((c) => c.body.SubscriberList.length), [100, 50]);
			assert.deepEqual(calls.flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account)), ids);
			assert.deepEqual(await emu.getSubscribers('@TOA#_crm'), ['existing1', 'existing2', ...ids]);
		},
	},
	{
		name: 'Official Account: Subscriber Remove reports removed and notSubscribed',
		workflow: chain('e2eSubsRemove', 'e2e subscribers remove', [
			{ name: 'Remove', type: OA, parameters: { resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_crm', subscriberAccounts: 'existing1, ghost' } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			assert.deepEqual(outputItems(res.json, 'Remove').map((i) => i.json), [
				{ officialAccount: '@TOA#_crm', subscriberAccount: 'existing1', result: 'removed', resultCode: 1 },
				{ officialAccount: '@TOA#_crm', subscriberAccount: 'ghost', result: 'notSubscribed', resultCode: 2 },
			]);
			assert.deepEqual((await apiCalls(emu, 'delete_subscriber')).map((c) => c.body), [
				{ Official_Account: '@TOA#_crm', SubscriberToDel_Account: ['existing1', 'ghost'] },
			]);
			assert.deepEqual(await emu.getSubscribers('@TOA#_crm'), ['existing2']);
		},
	},
	{
		name: 'Official Account: Message Get Many, Return All skips holes and recalled messages',
		workflow: chain('e2eMessages', 'e2e messages', [
			{ name: 'Messages', type: OA, parameters: { resource: 'message', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const messages = outputItems(res.json, 'Messages').map((i) => i.json);
			assert.deepEqual(messages.map((m) => m.MsgSeq), seqsFrom(60, 1, [...HOLES, ...RECALLED]));
			for (const m of messages) {
				assert.equal(m.IsPlaceMsg, 0);
				assert.match(m.text, new RegExp(`^News #${m.MsgSeq}: update \\d+$`));
			}
			const calls = await apiCalls(emu, 'official_account_msg_get_simple');
			assert.deepEqual(calls[0].body, { Official_Account: '@TOA#_e2e', ReqMsgNumber: 20, WithRecalledMsg: 0 });
			assert.ok(calls.slice(1).every((c) => /^\d+_1_\d+$/.test(c.body.LastMsgKey)), 'LastMsgKey cursors');
		},
	},
	{
		name: 'Group Members: Return All on a Public group of 230 (Offset paging)',
		workflow: chain('e2eMembersPub', 'e2e members public', [
			{ name: 'Members', type: GM, parameters: { resource: 'member', operation: 'getAll', groupId: '@TGS#e2epub', returnAll: true } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Members');
			assert.deepEqual(items.map((i) => i.json.Member_Account), await emu.getMembers('@TGS#e2epub'));
			const calls = await apiCalls(emu, 'get_group_member_info');
			assert.deepEqual(calls[0].body, { GroupId: '@TGS#e2epub', Limit: 100, Next: '' });
			assert.deepEqual(
				calls.slice(1).map((c) => [c.body.Offset, c.body.Limit]).sort((a, b) => a[0] - b[0]),
				[[100, 100], [200, 30]],
			);
		},
	},
	{
		name: 'Group Members: Return All on a Community group of 250 (Next paging, custom fields flattened)',
		workflow: chain('e2eMembersComm', 'e2e members community', [
			{ name: 'Members', type: GM, parameters: { resource: 'member', operation: 'getAll', groupId: '@TGS#_e2ecomm', returnAll: true } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Members').map((i) => i.json);
			assert.deepEqual(items.map((m) => m.Member_Account), await emu.getMembers('@TGS#_e2ecomm'));
			assert.deepEqual(Object.keys(items[0].customFields).sort(), ['Level', 'Team']);
			assert.equal(items[0].AppMemberDefinedData, undefined);
			const calls = await apiCalls(emu, 'get_group_member_info');
			assert.equal(calls.length, 3);
			assert.equal(calls[0].body.Next, '');
			assert.ok(calls.slice(1).every((c) => typeof c.body.Next === 'string' && c.body.Next !== '' && c.body.Offset === undefined), 'Next cursors');
		},
	},
	{
		name: 'an unknown official account fails the run with a clear node error (exit 1)',
		workflow: chain('e2eErrorStop', 'e2e error stops', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_nope' } },
		]),
		async check(res, emu) {
			assert.equal(res.code, 1, 'n8n execute should exit 1');
			const err = res.json?.data?.resultData?.error;
			assert.ok(err, 'the run data should carry the error');
			assert.equal(res.json.data.resultData.lastNodeExecuted, 'Subscribers');
			assert.match(err.message, /@TOA#_nope/);
			assert.match(`${err.message} ${err.description ?? ''}`, /does not exist|130004/);
			const calls = await apiCalls(emu, 'get_subscriber_info', { expectOk: false });
			assert.deepEqual(calls.map((c) => c.errorCode), [130004]);
		},
	},
	{
		name: 'On Error "continue": the failing item becomes an error item, the others go on',
		workflow: chain('e2eErrorContinue', 'e2e error continues', [
			code('Input', 'return [{ json: { account: "@TOA#_e2e" } }, { json: { account: "@TOA#_nope" } }];'),
			{ name: 'Subscribers', type: OA, onError: 'continueRegularOutput', parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '={{ $json.account }}', limit: 3 } },
		]),
		async check(res, emu) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.map((i) => i.pairedItem.item), [0, 0, 0, 1]);
			assert.deepEqual(items.slice(0, 3).map((i) => i.json.Subscriber_Account), (await emu.getSubscribers('@TOA#_e2e')).slice(0, 3));
			assert.match(items[3].json.error, /@TOA#_nope/);
		},
	},
];

/* ------------------------------------------------------------------ runner */

async function runVersion(key, tgz, results) {
	const record = (name, ok, ms, detail) => {
		results.push({ key, name, ok });
		log(`${ok ? 'PASS' : 'FAIL'} [${key}] ${name} (${secs(ms)})${ok ? '' : `\n       ${String(detail).split('\n').join('\n       ')}`}`);
	};
	const { spawnEmulator } = require(path.join(REPO, 'emulator'));
	let emu;
	let n8n;
	let server;
	try {
		const t0 = Date.now();
		try {
			n8n = await createN8n(key, { keep: KEEP });
		} catch (e) {
			record(`install and set up n8n ${key}`, false, Date.now() - t0, e.message);
			return;
		}
		log(`[${key}] n8n ${n8n.install.n8nVersion} (node ${n8n.install.nodeExe}), user folder ${n8n.userFolder}`);
		emu = await spawnEmulator(EMULATOR_OPTIONS);
		log(`[${key}] emulator ${emu.url} (pid ${emu.pid})`);

		const t1 = Date.now();
		try {
			const pkg = n8n.installPackage(tgz);
			await n8n.importCredentials({ id: CRED_ID, name: CRED_NAME, type: CRED_TYPE, data: credentialData(emu.url) });
			await n8n.importWorkflow(CASES.map((c) => c.workflow));
			record(`install ${pkg.name}@${pkg.version}, import the credential and ${CASES.length} workflows`, true, Date.now() - t1);
		} catch (e) {
			record('install the package, import the credential and workflows', false, Date.now() - t1, e.message);
			return;
		}

		for (const c of CASES) {
			const t = Date.now();
			try {
				await emu.reset();
				const res = await n8n.execute(c.workflow.id);
				if (VERBOSE) log(res.stdout.slice(0, 4000));
				try {
					await c.check(res, emu);
				} catch (e) {
					const err = res.json?.data?.resultData?.error;
					e.message += err ? `\n(run error: ${err.message})` : '';
					if (!res.json) e.message += `\n(stdout tail: ${res.stdout.slice(-800)}\nstderr tail: ${res.stderr.slice(-800)})`;
					throw e;
				}
				record(c.name, true, Date.now() - t);
			} catch (e) {
				record(c.name, false, Date.now() - t, e.message.slice(0, 3000));
			}
		}

		// The credential's `test` request, as the editor's "Test" button runs it.
		const t2 = Date.now();
		try {
			await emu.reset();
			server = await n8n.start();
			const rest = await n8n.restOwnerLogin(server.url);
			const good = await rest.testCredential({ name: 'e2e good', type: CRED_TYPE, data: credentialData(emu.url) });
			assert.equal(good.status, 'OK', `good credential: ${JSON.stringify(good)}`);
			const bad = await rest.testCredential({ name: 'e2e bad key', type: CRED_TYPE, data: credentialData(emu.url, { secretKey: 'wrong-key' }) });
			assert.equal(bad.status, 'Error', `wrong secret key: ${JSON.stringify(bad)}`);
			assert.equal(bad.message, CHECK_KEY);
			const calls = await apiCalls(emu, 'account_check', { expectOk: false });
			assert.deepEqual(calls.map((c) => c.errorCode || 0), [0, 70009]);
			assert.deepEqual(calls[0].body, { CheckItem: [{ UserID: 'administrator' }] });
			record('credential test (n8n start + REST /rest/credentials/test): OK, and the wrong key is explained', true, Date.now() - t2);
		} catch (e) {
			record('credential test (n8n start + REST /rest/credentials/test)', false, Date.now() - t2, `${e.message}${server ? `\n${server.logs().slice(-1500)}` : ''}`);
		}
	} finally {
		if (server) await server.stop();
		if (emu) await emu.close();
		if (n8n) n8n.cleanup();
	}
}

async function main() {
	const t0 = Date.now();
	const results = [];
	for (const key of VERSIONS) {
		if (!['v1', 'v2'].includes(key)) throw new Error(`unknown version ${key}`);
	}
	for (const f of ['emulator/index.js', 'dist/nodes/TencentChatOfficialAccount/TencentChatOfficialAccount.node.js']) {
		if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} is missing (run \`npm run build\` first)`);
	}
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	try {
		const tgz = npmPack(REPO, packDir);
		log(`packed ${path.basename(tgz)}`);
		for (const key of VERSIONS) {
			const tv = Date.now();
			await runVersion(key, tgz, results);
			log(`[${key}] done in ${secs(Date.now() - tv)}`);
		}
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	log(`e2e finished in ${secs(Date.now() - t0)}`);
	log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
}

main().catch((e) => {
	log(`FAIL e2e runner: ${e.stack || e.message}`);
	log('0 passed, 1 failed');
	process.exitCode = 1;
});
