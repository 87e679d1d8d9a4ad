// Batch cases of Member Get Many with Return All: a Public group (Offset paging) and a Community group (Next paging).
import assert from 'node:assert/strict';
import { chain, GM, outputJson } from '../workflows';
import type { E2eCase } from './types';

const getAll = (groupId: string) => ({ name: 'Members', type: GM, parameters: { resource: 'member', operation: 'getAll', groupId, returnAll: true } });
const accountOf = (item: any) => item.json.Member_Account;

export const GROUP_CASES: E2eCase[] = [
	{
		name: 'Group Members: Return All on a Public group of 230 (Offset paging)',
		workflow: chain('e2eMembersPub', 'e2e members public', [getAll('@TGS#e2epub')]),
		items: [{ node: 'Members', pick: accountOf, equals: (ctx) => ctx.emu.getMembers('@TGS#e2epub') }],
		check(res, ctx) {
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
		workflow: chain('e2eMembersComm', 'e2e members community', [getAll('@TGS#_e2ecomm')]),
		items: [{ node: 'Members', pick: accountOf, equals: (ctx) => ctx.emu.getMembers('@TGS#_e2ecomm') }],
		check(res, ctx) {
			const [first] = outputJson(res.json, 'Members');
			assert.deepEqual(Object.keys(first.customFields).sort(), ['Level', 'Team']);
			assert.equal(first.AppMemberDefinedData, undefined);
			const calls = ctx.calls({ command: 'get_group_member_info', id: '@TGS#_e2ecomm' });
			assert.equal(calls.length, 3);
			assert.equal(calls[0].body.Next, '');
			assert.ok(calls.slice(1).every((c) => typeof c.body.Next === 'string' && c.body.Next !== '' && c.body.Offset === undefined), 'Next cursors');
		},
	},
];
