// What the e2e cases share: the package's node types, the e2e app and credential, workflow builders and checks.
import assert from 'node:assert/strict';

export const PKG = 'n8n-nodes-tencent-chat';
export const OA = `${PKG}.tencentChatOfficialAccount`;
export const GM = `${PKG}.tencentChatGroupMembers`;
export const CRED_TYPE = 'tencentCloudChatApi';

export const APP = { sdkAppId: 1400077001, secretKey: 'e2e-secret-3b9f1c7a5d2e4f6081a3c5e7b9d1f2a4', admins: ['administrator'] };
export const CRED: CredentialRef = { id: 'e2eTencentCred01', name: 'Tencent Chat (emulator)' };

export interface CredentialRef {
	id: string;
	name: string;
}

/** A workflow as n8n imports it (n8n's JSON). */
export interface Workflow {
	id: string;
	name: string;
	nodes: any[];
	connections: Record<string, any>;
	[key: string]: any;
}

/** What a run gave: `n8n execute`'s exit code, run data and output, or a batch run's summary entry. */
export interface RunResult {
	code: number | null;
	json: any;
	stdout: string;
	stderr: string;
	result?: any;
}

/** One API call in the emulator's request log (Tencent's JSON body). */
export type Call = Record<string, any>;

export interface CallFilter {
	command?: string;
	/** The official account or group the call is about. */
	id?: string;
	app?: number;
	expectOk?: boolean;
}

export const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

export function credentialData(baseUrl: string, overrides: Record<string, unknown> = {}) {
	return { sdkAppId: APP.sdkAppId, region: 'custom', baseUrl, identifier: 'administrator', secretKey: APP.secretKey, ...overrides };
}

/** Manual Trigger -> nodes[0] -> nodes[1] ... (each node: { name, type, parameters, ...settings }). */
export function chain(id: string, name: string, nodes: any[], credential: CredentialRef = CRED): Workflow {
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
	const connections: Record<string, any> = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	assert.ok(id.length <= 16, `workflow id ${id} too long`);
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

export const code = (name: string, jsCode: string) => ({ name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } });

/** Output items ({ json, pairedItem }) of a node's output `index` in a parsed IRun. */
export function outputItems(run: any, nodeName: string, index = 0): any[] {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	assert.ok(task, `node "${nodeName}" did not run`);
	return task.data?.main?.[index] ?? [];
}

/** The JSON of a node's output items in a run. */
export const outputJson = (run: any, nodeName: string, index = 0): any[] => outputItems(run, nodeName, index).map((item) => item.json);

export const seqsFrom = (top: number, bottom: number, skip: number[] = []): number[] =>
	Array.from({ length: top - bottom + 1 }, (_, i) => top - i).filter((seq) => !skip.includes(seq));

/** Sizes a list of n IDs makes in batches of `size`: [100, 100, 37]. */
export const batchSizes = (n: number, size = 100): number[] => Array.from({ length: ceilDiv(n, size) }, (_, i) => Math.min(size, n - i * size));
export const sortDesc = (a: number[]): number[] => [...a].sort((x, y) => y - x);

/**
 * API calls in an emulator request log, optionally of one command and about one
 * official account or group; all must be signed as `administrator` of `app`.
 */
export function callsIn(requestLog: Call[], { command, id, app = APP.sdkAppId, expectOk = true }: CallFilter = {}): Call[] {
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
export function assertSubscriberPaging(calls: Call[], expectedCalls: number, what: string): void {
	assert.equal(calls.length, expectedCalls, `${what}: get_subscriber_info calls`);
	assert.ok(calls.every((c) => c.body.Limit === 200), `${what}: every page asks for 200`);
	assert.equal(calls[0].body.Next ?? '', '', `${what}: first page without a cursor`);
	const cursors = calls.slice(1).map((c) => c.body.Next);
	assert.ok(cursors.every((n) => typeof n === 'string' && n !== ''), `${what}: Next cursors`);
	assert.equal(new Set(cursors).size, cursors.length, `${what}: a cursor was sent twice`);
}

export function expectSuccess(res: RunResult): void {
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
export function expectFailure(res: RunResult, nodeName: string): any {
	assert.equal(res.code, 1, `n8n execute should exit 1, exited ${res.code}`);
	const err = res.json?.data?.resultData?.error;
	assert.ok(err, `the run data should carry the error:\n${`${res.stderr}\n${res.stdout}`.trim().slice(-1500)}`);
	assert.equal(res.json.data.resultData.lastNodeExecuted, nodeName);
	return err;
}

