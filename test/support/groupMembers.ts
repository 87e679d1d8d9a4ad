// Shared setup for the Group Members node tests: parameters, the Group picker's values, and a small
// ILoadOptionsFunctions (as n8n gives listSearch methods) that signs and sends requests for real.
import http from 'node:http';
import { startBackend, useBackend, json, paired } from './backend';
import type { Backend, ChatCredentials, Emulator, RunExtras } from './backend';
import type { NodeRun } from '../harness';


export const NODE = 'tencentChatGroupMembers';

/** A Group picker's saved value. */
export interface GroupLocator {
	__rl: true;
	mode: 'id' | 'list';
	value: string;
	cachedResultName?: string;
}

/** The Group picker's saved values. */
export const byId = (value: string): GroupLocator => ({ __rl: true, mode: 'id', value });
export const fromList = (value: string, cachedResultName?: string): GroupLocator => ({ __rl: true, mode: 'list', value, ...(cachedResultName ? { cachedResultName } : {}) });

/** Node parameters of one operation; `groupId` may be a string (as saved before the picker) or a picker value. */
export const member = (operation: string, groupId: string | GroupLocator, more: Record<string, any> = {}) => ({ resource: 'member', operation, groupId, ...more });

/** A backend for the Group Members node. */
export interface GroupBackend extends Backend {
	/** Runs one Member operation on `groupId`; `more` are its other parameters, `items` plain JSON objects. */
	runMember(operation: string, groupId: string | GroupLocator, more?: Record<string, any>, items?: any[], options?: RunExtras): Promise<NodeRun>;
}

/** Starts the emulator and harness with `groups` added. */
export async function startGroupBackend(groups: any[] = [], emulatorOptions: Record<string, any> = {}): Promise<GroupBackend> {
	const backend = await startBackend(emulatorOptions);
	for (const group of groups) backend.emu.addGroup(group);
	return {
		...backend,
		runMember: (operation, groupId, more, items, options) => backend.run(NODE, member(operation, groupId, more), items, options),
	};
}

/**
 * Starts a group backend for the test file (before all its tests; the request log is cleared before each) and
 * closes it after them. The returned backend is usable inside tests and hooks.
 */
export function useGroupBackend(groups: any[] = [], emulatorOptions: Record<string, any> = {}): GroupBackend {
	const current = useBackend({ emulator: emulatorOptions, start: (emulator) => startGroupBackend(groups, emulator) });
	beforeEach(() => current().emu.clearRequests());
	return {
		get emu() {
			return current().emu;
		},
		get harness() {
			return current().harness;
		},
		get credentials() {
			return current().credentials;
		},
		run: (...args) => current().run(...args),
		runMember: (...args) => current().runMember(...args),
		calls: (command) => current().calls(command),
		close: () => current().close(),
	};
}

/** A custom field value of 15 kB: a hundred members of it pass Tencent's 1 MB answer limit. */
export const BIG_VALUE = 'x'.repeat(15000);

/** The groups of the Member → Get Many tests: every paging mode, filters, and answers over 1 MB. */
export function getManyGroups(): any[] {
	// Only the second hundred is heavy: the first page fits, the second must be split.
	const halfHeavy = Array.from({ length: 200 }, (_, i) => ({
		Member_Account: `user${i}`,
		AppMemberDefinedData: i < 100 ? [] : [{ Key: 'Bio', Value: BIG_VALUE }],
	}));
	return [
		{ id: '@TGS#2SAVED', type: 'Public', name: 'Saved Group', members: 120 },
		{ id: '@TGS#_@TGS#cSIMPLE', type: 'Community', members: 150, customFields: ['Level', 'Team'] },
		{ id: '@TGS#pub730', type: 'Public', members: 730 },
		{ id: '@TGS#_comm1234', type: 'Community', members: 1234 },
		{ id: '@TGS#hiddencomm', type: 'Community', members: 250 },
		{ id: '@TGS#custom', type: 'Public', members: 50, customFields: ['Level', 'Team'] },
		{ id: '@TGS#priv', type: 'Private', members: 5 },
		{ id: '@TGS#empty', type: 'Public', members: 0 },
		{ id: '@TGS#av', type: 'AVChatRoom', members: 10 },
		{ id: '@TGS#wrongnum', type: 'Public', members: 150, hostile: 'wrongMemberNum' },
		// 30 kB a member: a page of 100 or 50 passes 1 MB, 25 does not.
		{ id: '@TGS#padded', type: 'Public', members: 300, memberPaddingBytes: 30000 },
		{ id: '@TGS#_padded', type: 'Community', members: 120, memberPaddingBytes: 30000 },
		{ id: '@TGS#huge', type: 'Public', members: 3, memberPaddingBytes: 1100000 },
		{ id: '@TGS#halfheavy', type: 'Work', members: halfHeavy },
	];
}

/** Member → Get Many as n8n saved it before the Group picker: only the parameters that differ from their defaults. */
export const savedGetManyWorkflow = {
	name: 'Group members, saved with a plain Group ID',
	nodes: [
		{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'members',
			name: 'Get Members',
			type: 'n8n-nodes-tencent-chat.tencentChatGroupMembers',
			typeVersion: 1,
			position: [220, 0],
			parameters: { groupId: '@TGS#2SAVED', returnAll: true, options: { fields: ['Role'] } },
			credentials: { tencentCloudChatApi: { id: 'tc', name: 'Tencent Chat' } },
		},
	],
	connections: { 'Manual Trigger': { main: [[{ node: 'Get Members', type: 'main', index: 0 }]] } },
};

/** The emulator's record of one member, or undefined. */
export function memberRecord(emu: Emulator, groupId: string, account: string): any {
	return emu.getMembers(groupId, { full: true }).find((m: any) => m.Member_Account === account);
}

function post(url: URL, body: string | undefined, timeout: number | undefined): Promise<{ statusCode: number | undefined; body: string }> {
	return new Promise((resolve, reject) => {
		const data = Buffer.from(body ?? '');
		const req = http.request(url, { method: 'POST', timeout, headers: { 'Content-Type': 'application/json', 'Content-Length': data.length } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ statusCode: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
		req.on('error', reject);
		req.end(data);
	});
}

/**
 * What n8n passes as `this` to a listSearch method: getCredentials, getNode, and
 * helpers.httpRequestWithAuthentication, which runs the credential's authenticate as n8n does.
 */
export function loadOptionsContext(credentials: ChatCredentials): any {
	const { TencentCloudChatApi } = require('../../dist/credentials/TencentCloudChatApi.credentials.js');
	const credentialType = new TencentCloudChatApi();
	const node = { id: 'picker', name: 'Tencent Chat Group Members', type: `n8n-nodes-tencent-chat.${NODE}`, typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		getNode: () => node,
		getCredentials: async (type: string) => {
			if (type !== 'tencentCloudChatApi') throw new Error(`no credential of type ${type}`);
			return { ...credentials };
		},
		getNodeParameter: (_name: string, fallback: unknown) => fallback,
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: any) {
				const signed = await credentialType.authenticate({ ...credentials }, { ...options, qs: { ...options.qs } });
				const url = new URL(`${signed.baseURL ?? ''}${signed.url}`);
				for (const [key, value] of Object.entries(signed.qs ?? {})) url.searchParams.set(key, String(value));
				return await post(url, signed.body, signed.timeout);
			},
		},
	};
}

/** The node class as n8n loads it, for its methods. */
export function nodeClass() {
	const { TencentChatGroupMembers } = require('../../dist/nodes/TencentChatGroupMembers/TencentChatGroupMembers.node.js');
	return new TencentChatGroupMembers();
}

export { json, paired };
