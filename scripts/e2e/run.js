#!/usr/bin/env node
'use strict';
/*
 * End-to-end tests in a real n8n: `npm run test:e2e` (builds first).
 *
 * For each n8n version (v1: n8n 1.123.81 on Node 20, v2: n8n 2.41.1 on
 * Node 24, see ./install.js), in ONE n8n user folder per version, this
 *   - installs n8n (cached under .cache/e2e/, keyed by the lockfile),
 *   - installs our `npm pack` output as a community package,
 *   - starts the Tencent Chat emulator (emulator/) in a child process, seeded
 *     with its `demo` data set plus the e2e accounts and groups below,
 *   - imports three credentials (the e2e app, the demo app under the id the
 *     examples reference, the e2e app with a wrong key) and every workflow,
 *   - runs the BATCH cases in one `n8n execute-batch` process (each case uses
 *     its own official account or group, so their API calls are told apart),
 *   - runs every examples/*.json, as it is, with `n8n execute --id`,
 *   - runs the failing cases (unknown account, wrong key, persistent HTML 502,
 *     malformed JSON) with `n8n execute --id`, one emulator setting each,
 *   - runs the credential's `test` request through the REST API of `n8n start`,
 *   - scans everything n8n printed or wrote (stdout, stderr, run data,
 *     snapshots, log files, its database) for secret keys and UserSigs.
 *
 * Options: --only=v1|v2   --keep (keep the n8n user folders)   --verbose
 * Env:     E2E_VERSIONS=v1,v2 (same as --only); E2E_EXAMPLES_DIR (default <repo>/examples)
 * Prints PASS/FAIL per case and, last, `N passed, M failed`; exits 1 on any failure.
 * Every process it starts is killed by its id (process group) on exit and on
 * SIGINT/SIGTERM/SIGHUP.
 */

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const { spawn } = require('node:child_process');

const { REPO, CACHE, isInstalled } = require('./install');
const { createN8n, npmPack, trackProcess, killStarted, killAllStarted, stillRunning } = require('./n8n');
const { createLeakScanner, selfTest: leakScannerSelfTest } = require('./leaks');
const { PKG, OA, GM, CRED_TYPE, APP, CRED, ceilDiv, credentialData, chain, code, outputItems, seqsFrom, batchSizes, sortDesc, callsIn, assertSubscriberPaging, expectSuccess, expectFailure } = require('./workflows');
const officialAccountCases = require('./cases/officialAccount');
const runTriggerCases = require('./cases/trigger');
const groupMembersCases = require('./cases/groupMembers');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const optValue = (name) => (args.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1];
const VERSIONS = (optValue('only') || process.env.E2E_VERSIONS || 'v1,v2').split(',').map((s) => s.trim()).filter(Boolean);
const KEEP = flag('keep');
const VERBOSE = flag('verbose');

const { datasets } = require(path.join(REPO, 'emulator'));
const DEMO = datasets.demo;

const WRONG_KEY = `e2e-wrong-key-${require('node:crypto').randomBytes(12).toString('hex')}`;
const UNKNOWN_APP_ID = 1400099999;

/** The credentials every version imports. DEMO_CRED is what examples/*.json reference. */
const DEMO_CRED = { id: 'tencent-chat-demo', name: 'Tencent Cloud Chat API' };
const WRONG_KEY_CRED = { id: 'e2eCredWrongKey1', name: 'Tencent Chat (wrong key)' };

/** Secrets that must never appear in anything n8n prints or writes. */
const SECRETS = {
	'the e2e app': APP.secretKey,
	'the demo app': DEMO.secretKey,
	'the wrong-key credential': WRONG_KEY,
	'the callback token': runTriggerCases.TOKEN,
};

const HOLES = [5, 30];
const RECALLED = [7, 44];
const BIG = 5000;
const EMULATOR_OPTIONS = {
	port: 0,
	logBodies: true,
	apps: [APP],
	seed: 'demo', // the demo app (1400000001) with @TOA#_demo_news (3,000), its groups (730 and 1,234 members)
	officialAccounts: [
		{ id: '@TOA#_e2e', subscribers: 401, messages: { count: 60, holes: HOLES, recalled: RECALLED } },
		{ id: '@TOA#_e2elimit', subscribers: 401 },
		{ id: '@TOA#_e2econt', subscribers: 401 },
		{ id: '@TOA#_e2ebig', subscribers: BIG },
		{ id: '@TOA#_crm', subscribers: ['existing1', 'existing2'] },
		{ id: '@TOA#_crmrm', subscribers: ['existing1', 'existing2'] },
	],
	groups: [
		{ id: '@TGS#e2epub', type: 'Public', members: 230 },
		{ id: '@TGS#_e2ecomm', type: 'Community', members: 250, customFields: ['Level', 'Team'] },
		groupMembersCases.GROUP_SPEC,
	],
};
const CHECK_KEY = 'The Secret Key does not match this SDKAppID. Copy the key again from the Tencent Cloud Chat console.';
const CHECK_APP = 'Tencent does not know this SDKAppID in the chosen region. Check the SDKAppID and the Region.';
const NOT_TENCENT = 'The answer is not from the Tencent Cloud Chat REST API. Check the Region, or the Base URL.';

/** A web server on 127.0.0.1 that answers `{}` to everything, as a wrong Base URL might. */
async function answersEmptyJson() {
	const server = require('node:http').createServer((req, res) => {
		req.resume();
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/* ---------------------------------------------------------------- helpers */

const log = (msg) => process.stdout.write(`${msg}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
/* ------------------------------------------------------------ batch cases */
// Run together in one `n8n execute-batch`; each case uses its own account or
// group, so `ctx.calls({ id })` holds only its own API calls.

const BATCH = [
	{
		name: 'Official Account: Subscriber Get Many, Return All over 401 subscribers',
		workflow: chain('e2eSubsAll', 'e2e subscribers all', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.map((i) => i.json.Subscriber_Account), await ctx.emu.getSubscribers('@TOA#_e2e'));
			assert.deepEqual(Object.keys(items[0].json).sort(), ['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account']);
			assert.ok(items.every((i) => i.pairedItem?.item === 0), 'pairedItem');
			assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: '@TOA#_e2e' }), 3, '401 subscribers');
		},
	},
	{
		name: `Official Account: Subscriber Get Many, Return All over ${BIG.toLocaleString('en')} subscribers (exact order, ${ceilDiv(BIG, 200)} calls)`,
		workflow: chain('e2eSubsBig5k', 'e2e subscribers 5000', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_e2ebig', returnAll: true } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			const expected = await ctx.emu.getSubscribers('@TOA#_e2ebig');
			assert.equal(expected.length, BIG);
			assert.equal(items.length, BIG, 'item count');
			assert.deepEqual(items.map((i) => i.json.Subscriber_Account), expected, 'order');
			assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: '@TOA#_e2ebig' }), ceilDiv(BIG, 200), `${BIG} subscribers`);
		},
	},
	{
		name: 'Official Account: Subscriber Get Many, Limit 250 from an expression',
		workflow: chain('e2eSubsLimit', 'e2e subscribers limit', [
			code('Input', 'return [{ json: { account: "@TOA#_e2elimit", limit: 250 } }];'),
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '={{ $json.account }}', returnAll: false, limit: '={{ $json.limit }}' } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.map((i) => i.json.Subscriber_Account), (await ctx.emu.getSubscribers('@TOA#_e2elimit')).slice(0, 250));
			assert.deepEqual(ctx.calls({ command: 'get_subscriber_info', id: '@TOA#_e2elimit' }).map((c) => c.body.Limit), [200, 50]);
		},
	},
	{
		name: 'Official Account: Subscriber Add, 150 items from a Code node in batches of 100',
		workflow: chain('e2eSubsAdd', 'e2e subscribers add', [
			code('IDs', 'return Array.from({ length: 150 }, (_, i) => ({ json: { id: "crm" + String(i).padStart(4, "0") } }));'),
			{ name: 'Add', type: OA, parameters: { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_crm', subscriberAccounts: '={{ $json.id }}' } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const ids = Array.from({ length: 150 }, (_, i) => `crm${String(i).padStart(4, '0')}`);
			const items = outputItems(res.json, 'Add');
			assert.deepEqual(items.map((i) => i.json), ids.map((subscriberAccount) => ({ officialAccount: '@TOA#_crm', subscriberAccount, result: 'added', resultCode: 1 })));
			assert.deepEqual(items.map((i) => i.pairedItem), ids.map((_, item) => ({ item })));
			// Batches go out several at a time: their arrival order is not fixed.
			const calls = ctx.calls({ command: 'add_subscriber', id: '@TOA#_crm' });
			assert.deepEqual(sortDesc(calls.map((c) => c.body.SubscriberList.length)), [100, 50]);
			const sent = calls.flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account));
			assert.deepEqual([...sent].sort(), ids, 'each ID sent once');
			const final = await ctx.emu.getSubscribers('@TOA#_crm');
			assert.deepEqual(final.slice(0, 2), ['existing1', 'existing2']);
			assert.deepEqual(final.slice(2).sort(), ids, 'final subscribers');
		},
	},
	{
		name: 'Official Account: Subscriber Remove reports removed and notSubscribed',
		workflow: chain('e2eSubsRemove', 'e2e subscribers remove', [
			{ name: 'Remove', type: OA, parameters: { resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_crmrm', subscriberAccounts: 'existing1, ghost' } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			assert.deepEqual(outputItems(res.json, 'Remove').map((i) => i.json), [
				{ officialAccount: '@TOA#_crmrm', subscriberAccount: 'existing1', result: 'removed', resultCode: 1 },
				{ officialAccount: '@TOA#_crmrm', subscriberAccount: 'ghost', result: 'notSubscribed', resultCode: 2 },
			]);
			assert.deepEqual(ctx.calls({ command: 'delete_subscriber', id: '@TOA#_crmrm' }).map((c) => c.body), [
				{ Official_Account: '@TOA#_crmrm', SubscriberToDel_Account: ['existing1', 'ghost'] },
			]);
			assert.deepEqual(await ctx.emu.getSubscribers('@TOA#_crmrm'), ['existing2']);
		},
	},
	{
		name: 'Official Account: Message Get Many, Return All skips holes and recalled messages',
		workflow: chain('e2eMessages', 'e2e messages', [
			{ name: 'Messages', type: OA, parameters: { resource: 'message', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const messages = outputItems(res.json, 'Messages').map((i) => i.json);
			assert.deepEqual(messages.map((m) => m.MsgSeq), seqsFrom(60, 1, [...HOLES, ...RECALLED]));
			for (const m of messages) {
				assert.equal(m.IsPlaceMsg, 0);
				assert.match(m.text, new RegExp(`^News #${m.MsgSeq}: update \\d+$`));
			}
			const calls = ctx.calls({ command: 'official_account_msg_get_simple', id: '@TOA#_e2e' });
			assert.deepEqual(calls[0].body, { Official_Account: '@TOA#_e2e', ReqMsgNumber: 20, WithRecalledMsg: 0 });
			assert.ok(calls.slice(1).every((c) => /^\d+_1_\d+$/.test(c.body.LastMsgKey)), 'LastMsgKey cursors');
		},
	},
	{
		name: 'Group Members: Return All on a Public group of 230 (Offset paging)',
		workflow: chain('e2eMembersPub', 'e2e members public', [
			{ name: 'Members', type: GM, parameters: { resource: 'member', operation: 'getAll', groupId: '@TGS#e2epub', returnAll: true } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Members');
			assert.deepEqual(items.map((i) => i.json.Member_Account), await ctx.emu.getMembers('@TGS#e2epub'));
			const calls = ctx.calls({ command: 'get_group_member_info', id: '@TGS#e2epub' });
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
		async check(res, ctx) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Members').map((i) => i.json);
			assert.deepEqual(items.map((m) => m.Member_Account), await ctx.emu.getMembers('@TGS#_e2ecomm'));
			assert.deepEqual(Object.keys(items[0].customFields).sort(), ['Level', 'Team']);
			assert.equal(items[0].AppMemberDefinedData, undefined);
			const calls = ctx.calls({ command: 'get_group_member_info', id: '@TGS#_e2ecomm' });
			assert.equal(calls.length, 3);
			assert.equal(calls[0].body.Next, '');
			assert.ok(calls.slice(1).every((c) => typeof c.body.Next === 'string' && c.body.Next !== '' && c.body.Offset === undefined), 'Next cursors');
		},
	},
	{
		name: 'On Error "continue": the failing item becomes an error item, the others go on',
		workflow: chain('e2eErrorContinue', 'e2e error continues', [
			code('Input', 'return [{ json: { account: "@TOA#_e2econt" } }, { json: { account: "@TOA#_nope" } }];'),
			{ name: 'Subscribers', type: OA, onError: 'continueRegularOutput', parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '={{ $json.account }}', limit: 3 } },
		]),
		async check(res, ctx) {
			expectSuccess(res);
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.map((i) => i.pairedItem.item), [0, 0, 0, 1]);
			assert.deepEqual(items.slice(0, 3).map((i) => i.json.Subscriber_Account), (await ctx.emu.getSubscribers('@TOA#_e2econt')).slice(0, 3));
			assert.match(items[3].json.error, /@TOA#_nope/);
		},
	},
	...officialAccountCases,
	...groupMembersCases.BATCH_CASES,
];

/* ----------------------------------------------------------- single cases */
// One `n8n execute --id` each, after `emu.reset()` and `before(emu)`.

const SINGLE = [
	{
		name: 'an unknown official account fails the run with a clear node error (exit 1)',
		workflow: chain('e2eErrorStop', 'e2e error stops', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_nope' } },
		]),
		async check(res, ctx) {
			const err = expectFailure(res, 'Subscribers');
			assert.match(err.message, /@TOA#_nope/);
			assert.match(`${err.message} ${err.description ?? ''}`, /does not exist|130004/);
			assert.deepEqual(ctx.calls({ command: 'get_subscriber_info', expectOk: false }).map((c) => c.errorCode), [130004]);
		},
	},
	{
		name: 'a wrong Secret Key fails the run (exit 1) with our 70009 message, not retried, key nowhere in the output',
		workflow: chain('e2eWrongKey', 'e2e wrong secret key', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		], WRONG_KEY_CRED),
		async check(res, ctx) {
			const err = expectFailure(res, 'Subscribers');
			assert.match(err.message, /: the Secret Key does not match the SDKAppID \[Tencent error 70009\]$/);
			assert.match(err.message, /@TOA#_e2e/);
			assert.match(err.description ?? '', /Secret Key/);
			const calls = ctx.calls({ expectOk: false });
			assert.deepEqual(calls.map((c) => [c.command, c.errorCode]), [['get_subscriber_info', 70009]], 'one call, not retried');
			// The leak scan (every case) proves the key is absent; say so explicitly here too.
			const all = `${res.stdout}\n${res.stderr}\n${JSON.stringify(res.json)}`;
			assert.ok(!all.includes(WRONG_KEY), 'the wrong key is in the n8n output');
			return `message: ${err.message}`;
		},
	},
	{
		name: 'a persistent HTML 502 from the gateway fails the run after 6 attempts with our message',
		before: (emu) => emu.setOptions({ faults: { http502: 1 } }),
		workflow: chain('e2eHttp502', 'e2e persistent 502', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		async check(res, ctx) {
			const err = expectFailure(res, 'Subscribers');
			assert.match(err.message, /Tencent Cloud Chat answered HTTP 502/);
			assert.match(err.description ?? '', /\(6 attempts\)/);
			const calls = ctx.calls({ expectOk: false });
			assert.equal(calls.length, 6, 'attempts');
			assert.ok(calls.every((c) => c.fault === 'http502' && c.status === 502), 'every answer was the HTML 502');
			return `message: ${err.message}`;
		},
	},
	{
		name: 'persistently malformed JSON answers fail the run after 6 attempts with our message',
		before: (emu) => emu.setOptions({ faults: { malformedJson: 1 } }),
		workflow: chain('e2eBadJson', 'e2e malformed JSON', [
			{ name: 'Subscribers', type: OA, parameters: { resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		async check(res, ctx) {
			const err = expectFailure(res, 'Subscribers');
			assert.match(err.message, /Tencent Cloud Chat answered with a body that is not valid JSON/);
			const calls = ctx.calls({ expectOk: false });
			assert.equal(calls.length, 6, 'attempts');
			assert.ok(calls.every((c) => c.fault === 'malformedJson'), 'every answer was cut short');
			return `message: ${err.message}`;
		},
	},
];

/* ------------------------------------------------------- example workflows */
// examples/*.json, imported as they are (only an id is given when they have
// none), run with `n8n execute --id` against the demo data set.

const CLI_START_TYPES = [
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.executeWorkflowTrigger',
	'@n8n/n8n-nodes-langchain.manualChatTrigger',
];

/** Why `n8n execute` cannot start this workflow, or null. */
function cliStartProblem(wf) {
	if (wf.nodes.some((n) => CLI_START_TYPES.includes(n.type))) return null;
	const triggers = wf.nodes.filter((n) => /trigger/i.test(n.type)).map((n) => `"${n.name}" (${n.type})`);
	return (
		`it has no node \`n8n execute\` can start at: its trigger is ${triggers.join(', ') || 'missing'}, and ` +
		'`n8n execute` (and execute-batch) start only at a Manual Trigger or an Execute Workflow Trigger ' +
		'(n8n\'s findCliWorkflowStart: "Missing node to start execution"). In the editor, "Execute workflow" would fire ' +
		'the trigger by hand; to run it from the CLI the example needs a Manual Trigger wired to the same first node.'
	);
}

function nodeOf(wf, name) {
	const node = wf.nodes.find((n) => n.name === name);
	assert.ok(node, `the example has no node "${name}" (the e2e check reads it)`);
	return node;
}

/** Runs a Code node's JavaScript (one that reads no input) outside n8n: its items, JSON-copied. */
function runCodeNodeAlone(node) {
	const result = vm.runInNewContext(`(function () {\n${node.parameters.jsCode}\n})()`, {}, { timeout: 10000 });
	return JSON.parse(JSON.stringify(result));
}

const EXAMPLE_CHECKS = {
	'crm-sync': {
		what: 'CRM sync end to end: the subscribers become exactly the CRM contacts',
		async before(emu, wf) {
			const account = nodeOf(wf, 'Get Subscribers').parameters.officialAccount;
			return { account, initial: await emu.getSubscribers(account) };
		},
		async check(res, ctx) {
			expectSuccess(res);
			const { account, initial } = ctx.before;
			assert.equal(account, DEMO.officialAccountId);
			assert.equal(initial.length, 3000, 'the demo account starts with 3,000 subscribers');
			for (const name of ['Add Subscribers', 'Remove Subscribers']) {
				assert.equal(nodeOf(ctx.workflow, name).parameters.officialAccount, account, `${name}: same official account`);
			}
			// The contacts: the Code node's own logic, run here, and what n8n's Code node made.
			const crmNode = nodeOf(ctx.workflow, 'CRM Contacts');
			const produced = outputItems(res.json, 'CRM Contacts').map((i) => i.json);
			let expectedContacts;
			try {
				expectedContacts = runCodeNodeAlone(crmNode).map((i) => i.json);
			} catch (e) {
				throw new Error(`could not run the "CRM Contacts" code outside n8n (${e.message}); update this check`);
			}
			assert.deepEqual(produced, expectedContacts, 'n8n\'s Code node output differs from its code');
			const contacts = expectedContacts.map((c) => c.userId);
			assert.equal(new Set(contacts).size, contacts.length, 'contacts are distinct');

			// Get Subscribers: Return All over every page, exact order.
			const subs = outputItems(res.json, 'Get Subscribers').map((i) => i.json.Subscriber_Account);
			assert.equal(subs.length, initial.length, 'Get Subscribers: count');
			assert.deepEqual(subs, initial, 'Get Subscribers: order');
			const app = DEMO.sdkAppId;
			assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: account, app }), ceilDiv(initial.length, 200), 'Get Subscribers');

			// Adds and removes: exactly the differences, in batches of at most 100.
			const initialSet = new Set(initial);
			const contactSet = new Set(contacts);
			const toAdd = contacts.filter((id) => !initialSet.has(id));
			const toRemove = initial.filter((id) => !contactSet.has(id));
			const adds = ctx.calls({ command: 'add_subscriber', id: account, app });
			const dels = ctx.calls({ command: 'delete_subscriber', id: account, app });
			const added = adds.flatMap((c) => c.body.SubscriberList.map((s) => s.Subscriber_Account));
			const removed = dels.flatMap((c) => c.body.SubscriberToDel_Account);
			assert.deepEqual(sortDesc(adds.map((c) => c.body.SubscriberList.length)), batchSizes(toAdd.length), 'add_subscriber batch sizes');
			assert.deepEqual(sortDesc(dels.map((c) => c.body.SubscriberToDel_Account.length)), batchSizes(toRemove.length), 'delete_subscriber batch sizes');
			assert.deepEqual([...added].sort(), [...toAdd].sort(), 'added IDs (each once)');
			assert.deepEqual([...removed].sort(), [...toRemove].sort(), 'removed IDs (each once)');
			assert.deepEqual(outputItems(res.json, 'Add Subscribers').map((i) => [i.json.subscriberAccount, i.json.result]), toAdd.map((id) => [id, 'added']));
			assert.deepEqual(outputItems(res.json, 'Remove Subscribers').map((i) => [i.json.subscriberAccount, i.json.result]), toRemove.map((id) => [id, 'removed']));
			assert.equal(ctx.calls({ app }).length, adds.length + dels.length + ceilDiv(initial.length, 200), 'no other calls');

			// The final subscriber set is exactly the CRM contacts.
			const final = await ctx.emu.getSubscribers(account);
			assert.equal(final.length, contacts.length, 'final subscriber count');
			assert.deepEqual([...final].sort(), [...contacts].sort(), 'final subscribers = CRM contacts');
			return `${contacts.length} contacts, ${initial.length} subscribers: ${ceilDiv(initial.length, 200)} pages, add batches [${adds.map((c) => c.body.SubscriberList.length)}], delete batches [${dels.map((c) => c.body.SubscriberToDel_Account.length)}]`;
		},
	},
	'subscriber-export': {
		what: `Return All over the ${(3000).toLocaleString('en')} subscribers of the demo account, rows in order`,
		async before(emu, wf) {
			const account = nodeOf(wf, 'Get All Subscribers').parameters.officialAccount;
			return { account, initial: await emu.getSubscribers(account) };
		},
		async check(res, ctx) {
			expectSuccess(res);
			const { account, initial } = ctx.before;
			assert.equal(initial.length, 3000);
			const subs = outputItems(res.json, 'Get All Subscribers').map((i) => i.json);
			assert.equal(subs.length, initial.length, 'count');
			assert.deepEqual(subs.map((s) => s.Subscriber_Account), initial, 'order');
			assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: account, app: DEMO.sdkAppId }), ceilDiv(initial.length, 200), 'export');
			const rows = outputItems(res.json, 'Subscriber Rows').map((i) => i.json);
			assert.deepEqual(
				rows,
				subs.map((s) => ({
					userId: s.Subscriber_Account,
					subscribedAt: new Date(s.SubscribeTime * 1000).toISOString(),
					notifications: s.MsgFlag,
					customString: s.CustomString,
				})),
			);
			return `${rows.length} rows, ${ceilDiv(initial.length, 200)} calls`;
		},
	},
	'group-roster': {
		what: 'Community group roster over Next: every member, custom fields flattened',
		async before(emu, wf) {
			const groupId = nodeOf(wf, 'Get Members').parameters.groupId;
			return { groupId, members: await emu.getMembers(groupId, { full: true }) };
		},
		async check(res, ctx) {
			expectSuccess(res);
			const { groupId, members } = ctx.before;
			assert.equal(groupId, DEMO.communityGroupId);
			assert.equal(members.length, 1234);
			const items = outputItems(res.json, 'Get Members').map((i) => i.json);
			assert.equal(items.length, members.length, 'member count');
			assert.deepEqual(items.map((m) => m.Member_Account), members.map((m) => m.Member_Account), 'order');
			for (const m of items) {
				assert.deepEqual(Object.keys(m).sort(), ['JoinTime', 'Member_Account', 'NameCard', 'Role', 'customFields'], `fields of ${m.Member_Account}`);
				assert.deepEqual(Object.keys(m.customFields).sort(), ['Level', 'Team']);
			}
			const calls = ctx.calls({ command: 'get_group_member_info', id: groupId, app: DEMO.sdkAppId });
			assert.equal(calls.length, ceilDiv(members.length, 100), 'calls');
			assert.equal(calls[0].body.Next, '');
			assert.ok(calls.every((c) => c.body.Limit === 100 && c.body.Offset === undefined), 'pages of 100 over Next');
			assert.ok(calls.slice(1).every((c) => typeof c.body.Next === 'string' && c.body.Next !== ''), 'Next cursors');
			assert.deepEqual(calls[0].body.AppDefinedDataFilter_GroupMember, ['Level', 'Team']);
			const custom = (m, key) => m.AppMemberDefinedData.find((d) => d.Key === key)?.Value ?? '';
			assert.deepEqual(
				outputItems(res.json, 'Roster Rows').map((i) => i.json),
				members.map((m) => ({
					member: m.Member_Account,
					role: m.Role,
					joinedAt: new Date(m.JoinTime * 1000).toISOString().slice(0, 10),
					level: custom(m, 'Level'),
					team: custom(m, 'Team'),
				})),
				'Roster Rows',
			);
			return `${items.length} members in ${calls.length} calls`;
		},
	},
	'message-archive': {
		what: 'message archive: every message with text, newest first',
		async before(emu, wf) {
			return { account: nodeOf(wf, 'Get Message History').parameters.officialAccount };
		},
		async check(res, ctx) {
			expectSuccess(res);
			const { account } = ctx.before;
			const spec = DEMO.officialAccounts.find((a) => a.id === account);
			assert.ok(spec, `${account} is not in the demo data set`);
			const { count, holes, recalled } = spec.messages;
			const seed = datasets.seedFromString(account);
			const expected = seqsFrom(count, 1, [...holes, ...recalled]).map((seq) => {
				const time = datasets.messageTime(seed, seq);
				const text = datasets
					.generatedMessageBody(seed, seq)
					.filter((e) => e.MsgType === 'TIMTextElem')
					.map((e) => e.MsgContent.Text)
					.join('\n');
				return { seq, msgKey: datasets.msgKey(seq, time), sentAt: new Date(time * 1000).toISOString(), text };
			});
			assert.equal(outputItems(res.json, 'Has Text?', 1).length, 0, 'no message without text');
			const rows = outputItems(res.json, 'Archive Rows').map((i) => i.json);
			assert.ok(rows.length > 0 && rows.every((r) => typeof r.text === 'string' && r.text !== ''), 'every row has text');
			assert.deepEqual(rows, expected, 'Archive Rows');
			const calls = ctx.calls({ command: 'official_account_msg_get_simple', id: account, app: DEMO.sdkAppId });
			assert.equal(calls.length, ceilDiv(count - recalled.length, 20), 'calls (20 a page, recalled ones skipped by the server)');
			return `${rows.length} rows with text in ${calls.length} calls`;
		},
	},
};

/** examples/*.json as workflows to import: { file, base, workflow, idNote }. */
function loadExamples() {
	const dir = process.env.E2E_EXAMPLES_DIR ? path.resolve(process.env.E2E_EXAMPLES_DIR) : path.join(REPO, 'examples');
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	const used = new Set();
	return files.map((file) => {
		const base = file.replace(/\.json$/, '');
		const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		let idNote = 'its own id';
		if (typeof workflow.id !== 'string' || !/^[A-Za-z0-9_-]{1,16}$/.test(workflow.id) || used.has(workflow.id)) {
			let id = `ex${base.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, _sep, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 14);
			for (let n = 2; used.has(id); n++) id = `${id.slice(0, 13)}${n}`;
			idNote = workflow.id === undefined ? `id ${id} given on import` : `id ${JSON.stringify(workflow.id)} replaced by ${id}`;
			workflow.id = id;
		}
		used.add(workflow.id);
		return { file, base, workflow, idNote };
	});
}

/** Tencent nodes of an example must use the demo credential, which this run imports. */
function credentialProblems(wf) {
	return wf.nodes
		.filter((n) => n.type.startsWith(`${PKG}.`))
		.filter((n) => n.credentials?.[CRED_TYPE]?.id !== DEMO_CRED.id)
		.map((n) => `node "${n.name}" uses credential ${JSON.stringify(n.credentials ?? null)}, not { id: "${DEMO_CRED.id}" }`);
}

/* ------------------------------------------------------------------ runner */

/** Walks a folder: every file (path) under it, skipping `skip` folder names. */
function filesUnder(dir, skip = []) {
	const out = [];
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (!skip.includes(entry.name)) out.push(...filesUnder(p, skip));
		} else if (entry.isFile()) out.push(p);
	}
	return out;
}

async function runVersion(key, tgz, results) {
	const scanner = createLeakScanner({ secrets: SECRETS });
	const record = (name, ok, ms, detail) => {
		results.push({ key, name, ok });
		const extra = detail ? `\n       ${String(detail).split('\n').join('\n       ')}` : '';
		log(`${ok ? 'PASS' : 'FAIL'} [${key}] ${name} (${secs(ms)})${extra}`);
	};
	/** Fails when any of the texts holds a secret key or a UserSig. */
	const assertNoLeak = (texts) => {
		const problems = scanner.scan(texts);
		assert.ok(problems.length === 0, `secret leak in n8n's output:\n${problems.join('\n')}`);
	};
	const outputTexts = (what, res) => [
		{ label: `${what} stdout`, text: res.stdout },
		{ label: `${what} stderr`, text: res.stderr },
		{ label: `${what} run data`, text: res.json ? JSON.stringify(res.json) : '' },
	];
	/** Runs a check, then the leak scan (also when the check failed); records PASS/FAIL. */
	const runCase = async (name, t0, res, fn, texts) => {
		const problems = [];
		let note;
		try {
			note = await fn();
		} catch (e) {
			let message = e.message;
			const err = res?.json?.data?.resultData?.error;
			if (err && !message.includes(err.message)) message += `\n(run error: ${err.message})`;
			if (res && !res.json && !e.explained && (res.stdout || res.stderr)) message += `\n(stdout tail: ${res.stdout.slice(-600)}\nstderr tail: ${res.stderr.slice(-600)})`;
			problems.push(message.slice(0, 3000));
		}
		const leaks = scanner.scan(texts);
		if (leaks.length) problems.push(`secret leak in n8n's output:\n${leaks.join('\n')}`);
		record(name, problems.length === 0, Date.now() - t0, problems.length ? problems.join('\n') : VERBOSE || note ? note : undefined);
	};

	const { spawnEmulator } = require(path.join(REPO, 'emulator'));
	let emu;
	let n8n;
	let server;
	try {
		const t0 = Date.now();
		try {
			n8n = await createN8n(key, { keep: KEEP });
			CLEANUPS.add(n8n.cleanup);
		} catch (e) {
			record(`install and set up n8n ${key}`, false, Date.now() - t0, e.message);
			return;
		}
		log(`[${key}] n8n ${n8n.install.n8nVersion} (node ${n8n.install.nodeExe}), user folder ${n8n.userFolder}`);
		emu = await spawnEmulator(EMULATOR_OPTIONS);
		trackProcess(emu.process, `emulator (${key})`);
		log(`[${key}] emulator ${emu.url} (pid ${emu.pid})`);
		const callsOf = (requestLog) => (opts) => callsIn(requestLog, opts);

		// Install, credentials, workflows.
		const examples = loadExamples();
		const t1 = Date.now();
		try {
			const pkg = n8n.installPackage(tgz);
			const imports = [];
			imports.push(
				await n8n.importCredentials([
					{ ...CRED, type: CRED_TYPE, data: credentialData(emu.url) },
					{ ...DEMO_CRED, type: CRED_TYPE, data: credentialData(emu.url, { sdkAppId: DEMO.sdkAppId, secretKey: DEMO.secretKey }) },
					{ ...WRONG_KEY_CRED, type: CRED_TYPE, data: credentialData(emu.url, { secretKey: WRONG_KEY }) },
				]),
			);
			const workflows = [...BATCH, ...SINGLE].map((c) => c.workflow).concat(examples.map((e) => e.workflow));
			imports.push(await n8n.importWorkflow(workflows));
			assertNoLeak(imports.flatMap((r, i) => outputTexts(`import ${i + 1}`, r)));
			record(
				`install ${pkg.name}@${pkg.version}, import 3 credentials and ${workflows.length} workflows (${examples.length} examples: ${examples.map((e) => `${e.file} ${e.idNote}`).join(', ')})`,
				true,
				Date.now() - t1,
			);
		} catch (e) {
			record('install the package, import the credentials and workflows', false, Date.now() - t1, e.message);
			return;
		}

		// The batch: one n8n process.
		const tb = Date.now();
		await emu.reset();
		const batch = await n8n.executeBatch(BATCH.map((c) => c.workflow.id));
		const batchMs = Date.now() - tb;
		log(`[${key}] n8n execute-batch of ${BATCH.length} workflows: exit ${batch.code} in ${secs(batchMs)}`);
		if (VERBOSE) log(batch.stdout.slice(-3000));
		const batchLog = await emu.requests();
		for (const c of BATCH) {
			const t = Date.now();
			const run = batch.runs[c.workflow.id];
			const res = { code: run.result?.executionStatus === 'success' ? 0 : 1, json: run.json, result: run.result, stdout: '', stderr: '' };
			if (!run.result) res.stderr = `no result for ${c.workflow.id} in the batch summary; batch exit ${batch.code}:\n${batch.stderr.slice(-1500)}\n${batch.stdout.slice(-1500)}`;
			await runCase(`${c.name} [batch]`, t, res, () => c.check(res, { emu, calls: callsOf(batchLog) }), [
				{ label: 'batch stdout', text: batch.stdout },
				{ label: 'batch stderr', text: batch.stderr },
				{ label: 'batch summary', text: batch.summaryText },
				{ label: `${c.workflow.id} snapshot`, text: run.text ?? '' },
			]);
		}

		// The examples, as they are. Those started by the Tencent Chat Trigger have no Manual Trigger for
		// `n8n execute`: the trigger cases below run them under `n8n start`.
		for (const ex of examples) {
			const t = Date.now();
			if (ex.workflow.nodes.some((n) => n.type === `${PKG}.tencentChatTrigger`)) {
				log(`[${key}] examples/${ex.file}: started by the Tencent Chat Trigger, covered by the trigger cases`);
				continue;
			}
			const spec = EXAMPLE_CHECKS[ex.base] ?? { what: 'runs without error (no specific checks for this example yet)', check: async (res) => expectSuccess(res) };
			const name = `examples/${ex.file}: ${spec.what}`;
			const credProblems = credentialProblems(ex.workflow);
			if (credProblems.length) {
				record(name, false, Date.now() - t, `not run: ${credProblems.join('; ')}`);
				continue;
			}
			await emu.reset();
			let before;
			let res;
			try {
				before = spec.before ? await spec.before(emu, ex.workflow) : undefined;
				await emu.clearRequests();
				res = await n8n.execute(ex.workflow.id);
			} catch (e) {
				record(name, false, Date.now() - t, e.message);
				continue;
			}
			if (VERBOSE) log(res.stdout.slice(0, 4000));
			const requestLog = await emu.requests();
			await runCase(name, t, res, async () => {
				if (res.code !== 0 && !res.json) {
					const startProblem = /Missing node to start execution/.test(`${res.stdout}${res.stderr}`) && cliStartProblem(ex.workflow);
					if (startProblem) {
						const e = new Error(`\`n8n execute --id=${ex.workflow.id}\` exits ${res.code} before running: ${startProblem}`);
						e.explained = true; // no output tail needed
						throw e;
					}
				}
				return spec.check(res, { emu, calls: callsOf(requestLog), before, workflow: ex.workflow });
			}, outputTexts(`examples/${ex.file}`, res));
		}

		// The failing cases, one emulator setting each.
		for (const c of SINGLE) {
			const t = Date.now();
			let res;
			try {
				await emu.reset();
				if (c.before) await c.before(emu);
				res = await n8n.execute(c.workflow.id);
			} catch (e) {
				record(c.name, false, Date.now() - t, e.message);
				continue;
			}
			if (VERBOSE) log(res.stdout.slice(0, 4000));
			const requestLog = await emu.requests();
			await runCase(c.name, t, res, () => c.check(res, { emu, calls: callsOf(requestLog) }), outputTexts(c.workflow.id, res));
		}
		await emu.reset();

		// The credential's `test` request, as the editor's "Test" button runs it.
		const t2 = Date.now();
		const restTexts = [];
		try {
			server = await n8n.start();
			const rest = await n8n.restOwnerLogin(server.url);
			const test = async (name, overrides) => {
				const r = await rest.testCredential({ name, type: CRED_TYPE, data: credentialData(emu.url, overrides) });
				restTexts.push({ label: `credential test "${name}" answer`, text: JSON.stringify(r) });
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
			const notTencent = await rest.testCredential({ name: 'e2e not tencent', type: CRED_TYPE, data: { ...credentialData(emu.url), baseUrl: plain.url } });
			await plain.close();
			assert.deepEqual([notTencent.status, notTencent.message], ['Error', NOT_TENCENT], 'a server answering {} must fail the Test');
			const calls = await emu.requests();
			assert.deepEqual(calls.map((c) => [c.command, c.sdkAppId, c.errorCode || 0]), [
				['account_check', APP.sdkAppId, 0],
				['account_check', APP.sdkAppId, 70009],
				['account_check', UNKNOWN_APP_ID, 70020],
			]);
			assert.deepEqual(calls[0].body, { CheckItem: [{ UserID: 'administrator' }] });
			const picked = await groupMembersCases.checkGroupPicker(rest);
			restTexts.push({ label: 'group picker answer', text: JSON.stringify(picked) });
			await server.stop();
			assertNoLeak([{ label: 'n8n start output', text: server.logs() }, ...restTexts]);
			record(
				'credential test (n8n start + REST /rest/credentials/test): OK; wrong key -> our 70009 rule message; unknown SDKAppID -> our 70020 rule message; a server answering {} fails; the group picker finds a group by name',
				true,
				Date.now() - t2,
				VERBOSE ? `wrong key: ${badKey.message}\nunknown app: ${badApp.message}` : undefined,
			);
		} catch (e) {
			record('credential test (n8n start + REST /rest/credentials/test)', false, Date.now() - t2, `${e.message}${server ? `\n${server.logs().slice(-1500)}` : ''}`);
		} finally {
			if (server) await server.stop();
			server = null;
		}

		// The Tencent Chat Trigger under `n8n start`, fed by the emulator's signed callbacks.
		await emu.reset();
		// n8n 2.41 on 2 cores holds 15 callbacks a second in most runs, 18 at the edge, not 20 (see the README's
		// trigger section); at 15 one of 1,000 answers took over 2 s in a CI run, so 10 there.
		const load = { count: 1000, ratePerSecond: key === 'v1' ? 20 : 10 };
		await runTriggerCases({ n8n, emu, app: APP, record: (name, ok, ms, detail) => record(`Trigger: ${name}`, ok, ms, detail), log, load });

		// What n8n wrote into its user folder: log files, database, settings.
		const t3 = Date.now();
		try {
			const n8nFolder = path.join(n8n.userFolder, '.n8n');
			const files = filesUnder(n8nFolder, ['nodes', 'node_modules']);
			const logs = files.filter((f) => /\.log(\.\d+)?$/.test(f) || f.includes(`${path.sep}logs${path.sep}`));
			assert.ok(logs.length > 0, 'n8n wrote no log file (N8N_LOG_OUTPUT=console,file)');
			assertNoLeak(files.map((f) => ({ label: path.relative(n8n.userFolder, f), text: fs.readFileSync(f, 'latin1') })));
			const size = files.reduce((s, f) => s + fs.statSync(f).size, 0);
			const rel = (f) => path.relative(n8nFolder, f);
			record(
				`no secret key or UserSig in the n8n user folder: log files ${logs.map(rel).join(', ')}; ${files.filter((f) => !logs.includes(f)).map(rel).join(', ')} (${(size / 1e6).toFixed(1)} MB)`,
				true,
				Date.now() - t3,
			);
		} catch (e) {
			record('no secret key or UserSig in the n8n user folder', false, Date.now() - t3, e.message);
		}
		const { texts, bytes, longRuns } = scanner.stats;
		log(`[${key}] leak scan: ${texts} texts, ${(bytes / 1e6).toFixed(1)} MB, ${longRuns} runs of 100+ ticket characters decoded, none a UserSig unless reported above`);
	} finally {
		if (server) await server.stop();
		if (emu) await emu.close();
		if (n8n) {
			n8n.cleanup();
			CLEANUPS.delete(n8n.cleanup);
		}
	}
}

/**
 * From an empty cache: `npm ci` of the versions after the first runs in the
 * background (`install.js <key> --npm-ci-only`, output in .cache/e2e/) while
 * the first version installs and runs; ensureInstall finishes it later.
 * Resolves { code, logFile }.
 */
function backgroundNpmCi(key) {
	fs.mkdirSync(CACHE, { recursive: true });
	const logFile = path.join(CACHE, `${key}-background-install.log`);
	const out = fs.openSync(logFile, 'w');
	const child = spawn(process.execPath, [path.join(__dirname, 'install.js'), key, '--npm-ci-only'], {
		cwd: REPO,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	trackProcess(child, `background npm ci for ${key}`, { group: true });
	log(`[${key}] not installed yet: npm ci runs in the background (pid ${child.pid}, log ${path.relative(REPO, logFile)})`);
	return new Promise((resolve) => {
		child.on('error', () => resolve({ code: -1, logFile }));
		child.on('close', (code) => {
			killStarted(child.pid);
			resolve({ code, logFile });
		});
	});
}

const RESULTS = [];
let finished = false;
/** Cleanups for `abort`: synchronous (n8n user folders, the pack folder). */
const CLEANUPS = new Set();

function summaryLine() {
	const passed = RESULTS.filter((r) => r.ok).length;
	return { passed, failed: RESULTS.length - passed };
}

async function main() {
	const t0 = Date.now();
	for (const key of VERSIONS) {
		if (!['v1', 'v2'].includes(key)) throw new Error(`unknown version ${key}`);
	}
	for (const f of ['emulator/index.js', 'dist/nodes/TencentChatOfficialAccount/TencentChatOfficialAccount.node.js']) {
		if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} is missing (run \`npm run build\` first)`);
	}
	leakScannerSelfTest();
	const background = {};
	for (const key of VERSIONS.slice(1)) if (!isInstalled(key)) background[key] = backgroundNpmCi(key);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	const removePackDir = () => fs.rmSync(packDir, { recursive: true, force: true });
	CLEANUPS.add(removePackDir);
	try {
		const tgz = npmPack(REPO, packDir);
		log(`packed ${path.basename(tgz)}`);
		for (const key of VERSIONS) {
			if (background[key]) {
				const tw = Date.now();
				const { code, logFile } = await background[key];
				const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.startsWith('[e2e:install]')).slice(-3).join('\n') : '';
				log(`[${key}] background npm ci ${code === 0 ? 'done' : `failed (exit ${code}); installing in the foreground`} (waited ${secs(Date.now() - tw)})${tail ? `\n${tail}` : ''}`);
			}
			const tv = Date.now();
			await runVersion(key, tgz, RESULTS);
			log(`[${key}] done in ${secs(Date.now() - tv)}`);
		}
	} finally {
		removePackDir();
		CLEANUPS.delete(removePackDir);
	}
	const { checked, alive: left } = stillRunning();
	const name = `every process the run started has exited (${checked} processes and process groups checked)`;
	RESULTS.push({ key: 'all', name, ok: left.length === 0 });
	log(`${left.length ? 'FAIL' : 'PASS'} [all] ${name}${left.length ? `: ${left.map((p) => `${p.pid} ${p.label}`).join(', ')}` : ''}`);
	killAllStarted();
	const { passed, failed } = summaryLine();
	log(`e2e finished in ${secs(Date.now() - t0)}`);
	finished = true;
	log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || RESULTS.length === 0 ? 1 : 0;
}

function abort(why) {
	killAllStarted();
	for (const cleanup of CLEANUPS) {
		try {
			cleanup();
		} catch {
			/* best effort */
		}
	}
	if (!finished) {
		finished = true;
		const { passed, failed } = summaryLine();
		log(`FAIL e2e runner: ${why}; every process it started was killed`);
		log(`${passed} passed, ${failed + 1} failed`);
	}
	process.exit(1);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => abort(`interrupted by ${sig}`));
process.on('exit', () => killAllStarted());

main().catch((e) => abort(e.stack || e.message));
