// Group Members cases: a member's moderation round trip in one workflow (Add -> Get Role -> Update role ->
// Mute -> Get Muted -> Unmute -> Remove) with the final state at the emulator, and the group picker through
// the REST endpoint the editor's resource locator uses.
import assert from 'node:assert/strict';
import { chain, CRED, GM, outputJson } from '../workflows';
import type { RestClient } from '../n8n';
import type { E2eCase } from './types';
import type { GroupSpec } from '../../../emulator';

const GROUP = '@TGS#e2eonboard';
const GROUP_NAME = 'E2E Onboarding';
/** The group the emulator must hold for these cases (EMULATOR_OPTIONS.groups). */
export const GROUP_SPEC: GroupSpec = { id: GROUP, type: 'Public', name: GROUP_NAME, members: [{ Member_Account: 'staff1', Role: 'Owner' }] };
const NEW = ['new1', 'new2', 'new3'];
const byId = { __rl: true, mode: 'id', value: GROUP };
const once = { executeOnce: true };
const member = (name: string, parameters: Record<string, unknown>, settings = {}) => ({ name, type: GM, parameters: { resource: 'member', groupId: byId, ...parameters }, ...settings });

export const BATCH_CASES: E2eCase[] = [
	{
		name: 'Group Members: Add -> Get Role -> Update role -> Mute -> Get Muted -> Unmute -> Remove, final state at the emulator',
		workflow: chain('e2eGmRound1', 'e2e group moderation round trip', [
			member('Add', { operation: 'add', memberAccounts: NEW.join(',') }),
			member('Get Role', { operation: 'getRole', memberAccounts: '={{ $json.memberAccount }}' }),
			member('Promote', { operation: 'update', memberAccount: 'new1', updateFields: { role: 'Admin' } }, once),
			member('Mute', { operation: 'mute', memberAccounts: 'new2', muteFor: 10, muteUnit: 'minutes' }, once),
			member('Get Muted', { operation: 'getMuted' }, once),
			member('Unmute', { operation: 'unmute', memberAccounts: '={{ $json.memberAccount }}' }),
			member('Remove', { operation: 'remove', memberAccounts: NEW.join(',') }, once),
		]),
		items: [
			{ node: 'Add', pick: (i) => [i.json.memberAccount, i.json.result], equals: NEW.map((id) => [id, 'added']) },
			{ node: 'Get Role', equals: NEW.map((memberAccount) => ({ groupId: GROUP, memberAccount, role: 'Member' })) },
			{ node: 'Promote', pick: (i) => i.json.role, equals: ['Admin'] },
			{ node: 'Get Muted', pick: (i) => i.json.memberAccount, equals: ['new2'] },
			{ node: 'Unmute', equals: [{ groupId: GROUP, memberAccount: 'new2', mutedUntil: null }] },
			{ node: 'Remove', pick: (i) => [i.json.memberAccount, i.json.result], equals: NEW.map((id) => [id, 'removed']) },
		],
		calls: [
			{ filter: { command: 'add_group_member', id: GROUP }, pick: (c) => c.body.MemberList.map((m: any) => m.Member_Account), equals: [NEW] },
			{ filter: { command: 'get_role_in_group', id: GROUP }, count: 1, what: 'Get Role: one call for the three IDs' },
			{ filter: { command: 'modify_group_member_info', id: GROUP }, pick: (c) => [c.body.Member_Account, c.body.Role], equals: [['new1', 'Admin']] },
			{ filter: { command: 'forbid_send_msg', id: GROUP }, pick: (c) => [c.body.Members_Account, c.body.MuteTime], equals: [[['new2'], 600], [['new2'], 0]] },
		],
		async check(res, ctx) {
			const [muted] = outputJson(res.json, 'Get Muted');
			assert.ok(Date.parse(muted.mutedUntil) > Date.now() + 8 * 60_000, `muted until ${muted.mutedUntil}`);
			assert.deepEqual(await ctx.emu.getMembers(GROUP), ['staff1'], 'only the owner is left');
		},
	},
];

/**
 * The picker as the editor calls it: POST /rest/dynamic-node-parameters/resource-locator-results with
 * method searchGroups. A search for the group's name finds it as "name (ID)".
 */
export async function checkGroupPicker(rest: RestClient): Promise<any[]> {
	const body = {
		path: 'groupId',
		nodeTypeAndVersion: { name: GM, version: 1 },
		methodName: 'searchGroups',
		currentNodeParameters: { resource: 'member', operation: 'getAll', groupId: { __rl: true, mode: 'list', value: '' } },
		credentials: { tencentCloudChatApi: { id: CRED.id, name: CRED.name } },
		filter: 'onboarding',
	};
	const answer = await rest.post('/rest/dynamic-node-parameters/resource-locator-results', body);
	assert.equal(answer.status, 200, `picker: HTTP ${answer.status} ${answer.text}`);
	const results = answer.json?.data?.results ?? [];
	assert.deepEqual(results.map((r: any) => [r.name, r.value]), [[`${GROUP_NAME} (${GROUP})`, GROUP]], `picker results ${answer.text}`);
	return results;
}
