'use strict';
// What the e2e cases share: the package's node types, the e2e app and credential, workflow builders and checks.
const assert = require('node:assert/strict');

const PKG = 'n8n-nodes-tencent-chat';
const OA = `${PKG}.tencentChatOfficialAccount`;
const GM = `${PKG}.tencentChatGroupMembers`;
const CRED_TYPE = 'tencentCloudChatApi';

const APP = { sdkAppId: 1400077001, secretKey: 'e2e-secret-3b9f1c7a5d2e4f6081a3c5e7b9d1f2a4', admins: ['administrator'] };
const CRED = { id: 'e2eTencentCred01', name: 'Tencent Chat (emulator)' };

const ceilDiv = (a, b) => Math.ceil(a / b);

function credentialData(baseUrl, overrides = {}) {
	return { sdkAppId: APP.sdkAppId, region: 'custom', baseUrl, identifier: 'administrator', secretKey: APP.secretKey, ...overrides };
}

/** Manual Trigger -> nodes[0] -> nodes[1] ... (each node: { name, type, parameters, ...settings }). */
function chain(id, name, nodes, credential = CRED) {
	const all = [
		{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((n, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			...n,
			...(n.type.startsWith(`${PKG}.`) ? { credentials: { [CRED_TYPE]: { id: credential.id, name: credential.name } } } : {}),
		})),
	];
	const connections = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	assert.ok(id.length <= 16, `workflow id ${id} too long`);
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const code = (name, jsCode) => ({ name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } });

/** Output items ({ json, pairedItem }) of a node's output `index` in a parsed IRun. */
function outputItems(run, nodeName, index = 0) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	assert.ok(task, `node "${nodeName}" did not run`);
	return task.data?.main?.[index] ?? [];
}

const seqsFrom = (top, bottom, skip = []) =>
	Array.from({ length: top - bottom + 1 }, (_, i) => top - i).filter((seq) => !skip.includes(seq));

/** Sizes a list of n IDs makes in batches of `size`: [100, 100, 37]. */
const batchSizes = (n, size = 100) => Array.from({ length: ceilDiv(n, size) }, (_, i) => Math.min(size, n - i * size));
const sortDesc = (a) => [...a].sort((x, y) => y - x);

/**
 * API calls in an emulator request log, optionally of one command and about one
 * official account or group; all must be signed as `administrator` of `app`.
 */
function callsIn(requestLog, { command, id, app = APP.sdkAppId, expectOk = true } = {}) {
	const list = requestLog.filter(
		(r) => (!command || r.command === command) && (!id || r.body?.Official_Account === id || r.body?.GroupId === id),
	);
	for (const r of list) {
		assert.equal(r.sdkAppId, app, `call ${r.command}: sdkAppId`);
		assert.equal(r.identifier, 'administrator', `call ${r.command}: identifier`);
		if (expectOk) assert.ok(!r.errorCode && !r.fault, `call ${r.command} failed with ErrorCode ${r.errorCode} ${r.fault || ''}`);
	}
	return list;
}

/** Subscriber paging: every call asks for `limit`, the first without a cursor, the others with distinct cursors. */
function assertSubscriberPaging(calls, expectedCalls, what) {
	assert.equal(calls.length, expectedCalls, `${what}: get_subscriber_info calls`);
	assert.ok(calls.every((c) => c.body.Limit === 200), `${what}: every page asks for 200`);
	assert.equal(calls[0].body.Next ?? '', '', `${what}: first page without a cursor`);
	const cursors = calls.slice(1).map((c) => c.body.Next);
	assert.ok(cursors.every((n) => typeof n === 'string' && n !== ''), `${what}: Next cursors`);
	assert.equal(new Set(cursors).size, cursors.length, `${what}: a cursor was sent twice`);
}

function expectSuccess(res) {
	const err = res.json?.data?.resultData?.error;
	const batchError = res.result && res.result.executionStatus !== 'success' ? `${res.result.executionStatus}: ${res.result.error}` : '';
	assert.equal(
		res.code,
		0,
		`n8n exit ${res.code}: ${err ? err.message : batchError || `${res.stderr}\n${res.stdout}`.trim().slice(-1500)}`,
	);
	assert.ok(res.json, `no run data in the n8n output${batchError ? ` (${batchError})` : ''}`);
	assert.equal(err, undefined);
}

/** The node error of a failed `n8n execute` run (exit 1, run data printed). */
function expectFailure(res, nodeName) {
	assert.equal(res.code, 1, `n8n execute should exit 1, exited ${res.code}`);
	const err = res.json?.data?.resultData?.error;
	assert.ok(err, `the run data should carry the error:\n${`${res.stderr}\n${res.stdout}`.trim().slice(-1500)}`);
	assert.equal(res.json.data.resultData.lastNodeExecuted, nodeName);
	return err;
}

module.exports = { PKG, OA, GM, CRED_TYPE, APP, CRED, ceilDiv, credentialData, chain, code, outputItems, seqsFrom, batchSizes, sortDesc, callsIn, assertSubscriberPaging, expectSuccess, expectFailure };
