'use strict';
/*
 * E2E case: the Tencent Chat Trigger in a real n8n under `n8n start`, fed by the emulator's real callbacks.
 *
 *   const runTriggerCases = require('./cases/trigger');
 *   await runTriggerCases({ n8n, emu, app, record, log });
 *
 * n8n: an object from createN8n() with the package installed and NO `n8n start` running (this imports a credential
 * and two workflows, activates them with the CLI, then starts n8n itself and stops it at the end).
 * emu: the spawned emulator's EmulatorClient; app: { sdkAppId, secretKey } of an app the emulator knows.
 * record(name, ok, ms, detail) and log(text) as in run.js. Each check is recorded as its own case.
 * load: { count, ratePerSecond } of the load check (default 1,000 at 20 a second).
 *
 * What it checks:
 *   1. subscribers added through the REST API reach an execution with the right items (one per subscriber);
 *   2. a bad Sign, a stale RequestTime and a wrong SdkAppid are each answered 401 and start no execution;
 *   3. a Before event refused by the workflow (If + Set) leaves the emulator's state unchanged;
 *   4. 1,000 signed callbacks at 20 a second: each answered 200 within 2 s, exactly 1,000 executions, none doubled.
 * Executions are counted by a recorder on 127.0.0.1 that the workflow's last node posts to (the same in n8n 1.x
 * and 2.x), with the execution id, so a doubled run shows as a repeated index under two ids.
 */

const http = require('node:http');
const path = require('node:path');
const { randomInt } = require('node:crypto');

const REPO = path.resolve(__dirname, '..', '..', '..');
const { signUserSig } = require(path.join(REPO, 'emulator'));
const { httpJson } = require('../n8n');

const PKG = 'n8n-nodes-tencent-chat';
const TOKEN = 'e2e-console-callback-token-51c7';
const CRED = { id: 'e2eTriggerCred01', name: 'Tencent Chat trigger (emulator)' };
const OA = '@TOA#_e2etrig';
const AFTER = 'OfficialAccount.CallbackAfterAddSubscriber';
const BEFORE = 'OfficialAccount.CallbackBeforeAddSubscriber';
const HOOK_AFTER = 'e2e00000-7a9b-4d2e-9a51-6b1d2c3e4f01';
const HOOK_BEFORE = 'e2e00000-7a9b-4d2e-9a51-6b1d2c3e4f02';
const LOAD = { count: 1000, ratePerSecond: 20 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what the workflows post: { executionId, items }. */
async function startRecorder() {
	const posts = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			try {
				posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			} catch {
				posts.push({ unreadable: true });
			}
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}/record`, posts, close: () => new Promise((r) => server.close(() => r())) };
}

const trigger = (webhookId, events, options, typeVersion) => ({
	id: `t-${webhookId.slice(-2)}`,
	name: 'Tencent Chat Trigger',
	type: `${PKG}.tencentChatTrigger`,
	typeVersion,
	position: [0, 0],
	webhookId,
	parameters: { events, options },
	credentials: { tencentCloudChatApi: { id: CRED.id, name: CRED.name } },
});

/** Trigger (Subscriber Added, Split Accounts) -> HTTP Request that posts the items and the execution id, once. */
function recordingWorkflow(recorderUrl) {
	const recordNode = {
		id: 'record',
		name: 'Record',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [240, 0],
		executeOnce: true,
		parameters: {
			method: 'POST',
			url: recorderUrl,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ executionId: $execution.id, items: $input.all().map((i) => i.json) }) }}',
			options: {},
		},
	};
	return {
		id: 'e2eTrigAfter1',
		name: 'e2e trigger: subscriber added',
		active: false,
		nodes: [trigger(HOOK_AFTER, [AFTER], { splitAccounts: true }, 2), recordNode],
		connections: { 'Tencent Chat Trigger': { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The subscriber-guard example's shape: Before Subscriber Added -> If blocked -> Set the refusal / the allow. */
function guardWorkflow() {
	const reply = (name, code, y) => ({
		id: name.toLowerCase(),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [480, y],
		parameters: {
			assignments: {
				assignments: [
					{ id: 's', name: 'ActionStatus', value: 'OK', type: 'string' },
					{ id: 'c', name: 'ErrorCode', value: code, type: 'number' },
					{ id: 'i', name: 'ErrorInfo', value: code ? 'blocked' : '', type: 'string' },
				],
			},
			options: {},
		},
	});
	const condition = {
		id: 'blocked',
		leftValue: "={{ $json.SubscribeAccountList.some((s) => s.Subscriber_Account.startsWith('blocked')) }}",
		rightValue: '',
		operator: { type: 'boolean', operation: 'true', singleValue: true },
	};
	return {
		id: 'e2eTrigGuard1',
		name: 'e2e trigger: refuse blocked users',
		active: false,
		nodes: [
			trigger(HOOK_BEFORE, [BEFORE], { beforeEventReply: 'workflow' }, 1),
			{
				id: 'if',
				name: 'Blocked?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [240, 0],
				parameters: {
					conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions: [condition], combinator: 'and' },
					options: {},
				},
			},
			reply('Refuse', 1, -100),
			reply('Allow', 0, 100),
		],
		connections: {
			'Tencent Chat Trigger': { main: [[{ node: 'Blocked?', type: 'main', index: 0 }]] },
			'Blocked?': { main: [[{ node: 'Refuse', type: 'main', index: 0 }], [{ node: 'Allow', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

async function addSubscribers(emu, app, ids) {
	const usersig = signUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, identifier: 'administrator' });
	const q = new URLSearchParams({ sdkappid: String(app.sdkAppId), identifier: 'administrator', usersig, random: String(randomInt(2 ** 32)), contenttype: 'json' });
	const res = await fetch(`${emu.url}/v4/official_account_open_http_svc/add_subscriber?${q}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ Official_Account: OA, SubscriberList: ids.map((id) => ({ Subscriber_Account: id })) }),
	});
	return (await res.json()).SubscriberList.map((s) => s.Result);
}

/** Waits until `n` posts arrived (or `ms` passed), then a little longer so late doubles show too. */
async function waitForPosts(recorder, n, ms) {
	const end = Date.now() + ms;
	while (recorder.posts.length < n && Date.now() < end) await sleep(100);
	await sleep(1500);
	return recorder.posts;
}

async function activate(n8n, id) {
	const args = n8n.install.n8nVersion.startsWith('1.') ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
	const r = await n8n.cli(args);
	if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${r.code}:\n${r.stderr}\n${r.stdout}`);
}

/** Runs `fn` as one recorded case; a thrown error fails it with its message. */
async function check(record, name, fn) {
	const t = Date.now();
	try {
		const detail = await fn();
		record(name, true, Date.now() - t, detail);
	} catch (e) {
		record(name, false, Date.now() - t, e.message);
	}
}

function assert(ok, message) {
	if (!ok) throw new Error(message);
}

/**
 * n8n 2.x registers the webhooks of active workflows only after its REST API answers: wait until each URL
 * reaches the trigger (which answers an unsigned, empty POST with 400 or 401) instead of n8n's 404.
 */
async function webhooksRegistered(urls, timeoutMs = 30000) {
	const started = Date.now();
	for (const url of urls) {
		for (;;) {
			const status = await httpJson('POST', url, {}).then((answer) => answer.status, () => 0);
			if (status !== 404 && status !== 0) break;
			if (Date.now() - started > timeoutMs) throw new Error(`webhook ${url} not registered after ${timeoutMs} ms`);
			await sleep(250);
		}
	}
}

async function runTriggerCases({ n8n, emu, app, record, log = () => {}, load = LOAD }) {
	const recorder = await startRecorder();
	let server;
	try {
		await emu.addOfficialAccount({ id: OA, appId: app.sdkAppId, subscribers: ['existing1'] });
		await n8n.importCredentials({ ...CRED, type: 'tencentCloudChatApi', data: { sdkAppId: app.sdkAppId, region: 'custom', baseUrl: emu.url, identifier: 'administrator', secretKey: app.secretKey, callbackToken: TOKEN } });
		await n8n.importWorkflow([recordingWorkflow(recorder.url), guardWorkflow()]);
		await activate(n8n, 'e2eTrigAfter1');
		await activate(n8n, 'e2eTrigGuard1');
		server = await n8n.start();
		const urlOf = (hook) => `${server.url}/webhook/${hook}/webhook`;
		await webhooksRegistered([urlOf(HOOK_AFTER), urlOf(HOOK_BEFORE)]);
		log(`[trigger] n8n started at ${server.url}; callbacks go to ${urlOf(HOOK_AFTER)}`);
		await emu.setOptions({ callbackUrl: urlOf(HOOK_AFTER), callbackToken: TOKEN, callbackCommands: null });

		await check(record, 'trigger: subscribers added through the REST API start one execution with one item per new subscriber', async () => {
			const results = await addSubscribers(emu, app, ['alice', 'existing1', 'bob']);
			assert(JSON.stringify(results) === '[1,2,1]', `add_subscriber results ${results}`);
			await emu.callbacksIdle();
			const posts = await waitForPosts(recorder, 1, 15000);
			assert(posts.length === 1, `${posts.length} executions recorded, expected 1`);
			const got = posts[0].items.map((j) => `${j.event}|${j.account}|${j.Official_Account}|${j.sdkAppId}`);
			const want = ['alice', 'bob'].map((a) => `${AFTER}|${a}|${OA}|${app.sdkAppId}`);
			assert(JSON.stringify(got) === JSON.stringify(want), `items ${JSON.stringify(got)}`);
			const answers = (await emu.callbackLog()).map((e) => `${e.command} ${e.status} ${JSON.stringify(e.reply)}`);
			assert(answers.every((a) => a.endsWith('200 {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}')), `answers ${answers.join('; ')}`);
		});

		const refused = [
			['a bad Sign', { query: { Sign: 'f'.repeat(64) } }],
			['a stale RequestTime (signed, an hour old)', { requestTime: Math.floor(Date.now() / 1000) - 3600 }],
			['a wrong SdkAppid', { query: { SdkAppid: '1400099999' } }],
		];
		for (const [what, spec] of refused) {
			await check(record, `trigger: ${what} is answered 401 and starts no execution`, async () => {
				recorder.posts.length = 0;
				const payload = { Official_Account: OA, SubscribeAccountList: [{ Subscriber_Account: 'forged' }] };
				const r = await emu.sendCallback({ command: AFTER, sdkAppId: app.sdkAppId, payload, ...spec });
				assert(r.statuses[401] === 1, `answered ${JSON.stringify(r.statuses)} ${JSON.stringify(r.entry?.reply)}`);
				const posts = await waitForPosts(recorder, 1, 2000);
				assert(posts.length === 0, `${posts.length} executions started`);
			});
		}

		await check(record, 'trigger: a Before event refused by the workflow (If + Set) leaves the emulator\'s state unchanged', async () => {
			await emu.setOptions({ callbackUrl: urlOf(HOOK_BEFORE) });
			const before = await emu.getSubscribers(OA);
			const results = await addSubscribers(emu, app, ['blocked-mallory', 'carol']);
			const after = await emu.getSubscribers(OA);
			assert(JSON.stringify(results) === '[0,0]', `add_subscriber results ${results}`);
			assert(JSON.stringify(after) === JSON.stringify(before), `subscribers changed: ${after.length} vs ${before.length}`);
			const reply = (await emu.callbackLog()).at(-1)?.reply;
			assert(reply && reply.ErrorCode === 1 && reply.ErrorInfo === 'blocked', `reply ${JSON.stringify(reply)}`);
			await emu.setOptions({ callbackUrl: urlOf(HOOK_AFTER) });
		});

		await check(record, `trigger: ${load.count} signed callbacks at ${load.ratePerSecond}/s each answered within 2 s, exactly ${load.count} executions`, async () => {
			recorder.posts.length = 0;
			const payload = { Official_Account: OA, Operator_Account: 'administrator', SubscribeAccountList: [{ Subscriber_Account: 'load{i}' }] };
			const r = await emu.sendCallback({ command: AFTER, sdkAppId: app.sdkAppId, payload, ...load });
			assert(r.statuses[200] === load.count && r.errors === 0, `answers ${JSON.stringify(r.statuses)}, ${r.errors} without an answer within 2 s`);
			assert(r.maxMs < 2000, `slowest answer ${r.maxMs} ms`);
			const posts = await waitForPosts(recorder, load.count, 60000);
			const accounts = posts.flatMap((p) => p.items.map((j) => j.account));
			const distinct = new Set(accounts);
			const ids = new Set(posts.map((p) => p.executionId));
			assert(posts.length === load.count && distinct.size === load.count && ids.size === load.count, `${posts.length} executions (${ids.size} ids) for ${distinct.size} distinct callbacks`);
			return `answer time p99 ${r.p99Ms} ms, max ${r.maxMs} ms`;
		});
	} catch (e) {
		record('trigger: set up (import, activate, n8n start)', false, 0, `${e.message}${server ? `\n${server.logs().slice(-1500)}` : ''}`);
	} finally {
		await Promise.resolve()
			.then(() => emu.setOptions({ callbackUrl: null, callbackToken: null }))
			.catch(() => {});
		if (server) await server.stop();
		await recorder.close();
	}
}

module.exports = runTriggerCases;
module.exports.TRIGGER_WORKFLOW_IDS = ['e2eTrigAfter1', 'e2eTrigGuard1'];
module.exports.TOKEN = TOKEN;
