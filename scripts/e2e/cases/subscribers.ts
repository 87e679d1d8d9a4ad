// Batch cases of Subscriber Get Many, Add and Remove; each uses its own official account.
import assert from 'node:assert/strict';
import { BIG } from '../config';
import { OA, assertSubscriberPaging, ceilDiv, chain, code, outputItems, sortDesc } from '../workflows';
import type { E2eCase } from './types';

const getAll = (officialAccount: string, more: Record<string, unknown> = { returnAll: true }) => ({
	name: 'Subscribers',
	type: OA,
	parameters: { resource: 'subscriber', operation: 'getAll', officialAccount, ...more },
});
const accountOf = (item: any) => item.json.Subscriber_Account;
const CRM_IDS = Array.from({ length: 150 }, (_, i) => `crm${String(i).padStart(4, '0')}`);

export const SUBSCRIBER_CASES: E2eCase[] = [
	{
		name: 'Official Account: Subscriber Get Many, Return All over 401 subscribers',
		workflow: chain('e2eSubsAll', 'e2e subscribers all', [getAll('@TOA#_e2e')]),
		items: [{ node: 'Subscribers', pick: accountOf, equals: (ctx) => ctx.emu.getSubscribers('@TOA#_e2e') }],
		check(res, ctx) {
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(Object.keys(items[0].json).sort(), ['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account']);
			assert.ok(items.every((i) => i.pairedItem?.item === 0), 'pairedItem');
			assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: '@TOA#_e2e' }), 3, '401 subscribers');
		},
	},
	{
		name: `Official Account: Subscriber Get Many, Return All over ${BIG.toLocaleString('en')} subscribers (exact order, ${ceilDiv(BIG, 200)} calls)`,
		workflow: chain('e2eSubsBig5k', 'e2e subscribers 5000', [getAll('@TOA#_e2ebig')]),
		items: [
			{
				node: 'Subscribers',
				pick: accountOf,
				equals: async (ctx) => {
					const expected = await ctx.emu.getSubscribers('@TOA#_e2ebig');
					assert.equal(expected.length, BIG);
					return expected;
				},
			},
		],
		check: (res, ctx) => assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: '@TOA#_e2ebig' }), ceilDiv(BIG, 200), `${BIG} subscribers`),
	},
	{
		name: 'Official Account: Subscriber Get Many, Limit 250 from an expression',
		workflow: chain('e2eSubsLimit', 'e2e subscribers limit', [
			code('Input', 'return [{ json: { account: "@TOA#_e2elimit", limit: 250 } }];'),
			getAll('={{ $json.account }}', { returnAll: false, limit: '={{ $json.limit }}' }),
		]),
		items: [{ node: 'Subscribers', pick: accountOf, equals: async (ctx) => (await ctx.emu.getSubscribers('@TOA#_e2elimit')).slice(0, 250) }],
		calls: [{ filter: { command: 'get_subscriber_info', id: '@TOA#_e2elimit' }, pick: (c) => c.body.Limit, equals: [200, 50] }],
	},
	{
		name: 'Official Account: Subscriber Add, 150 items from a Code node in batches of 100',
		workflow: chain('e2eSubsAdd', 'e2e subscribers add', [
			code('IDs', 'return Array.from({ length: 150 }, (_, i) => ({ json: { id: "crm" + String(i).padStart(4, "0") } }));'),
			{ name: 'Add', type: OA, parameters: { resource: 'subscriber', operation: 'add', officialAccount: '@TOA#_crm', subscriberAccounts: '={{ $json.id }}' } },
		]),
		items: [
			{ node: 'Add', equals: CRM_IDS.map((subscriberAccount) => ({ officialAccount: '@TOA#_crm', subscriberAccount, result: 'added', resultCode: 1 })) },
			{ node: 'Add', pick: (i) => i.pairedItem, equals: CRM_IDS.map((_, item) => ({ item })) },
		],
		async check(res, ctx) {
			// Batches go out several at a time: their arrival order is not fixed.
			const calls = ctx.calls({ command: 'add_subscriber', id: '@TOA#_crm' });
			assert.deepEqual(sortDesc(calls.map((c) => c.body.SubscriberList.length)), [100, 50]);
			const sent = calls.flatMap((c) => c.body.SubscriberList.map((s: any) => s.Subscriber_Account));
			assert.deepEqual([...sent].sort(), CRM_IDS, 'each ID sent once');
			const final = await ctx.emu.getSubscribers('@TOA#_crm');
			assert.deepEqual(final.slice(0, 2), ['existing1', 'existing2']);
			assert.deepEqual(final.slice(2).sort(), CRM_IDS, 'final subscribers');
		},
	},
	{
		name: 'Official Account: Subscriber Remove reports removed and notSubscribed',
		workflow: chain('e2eSubsRemove', 'e2e subscribers remove', [
			{ name: 'Remove', type: OA, parameters: { resource: 'subscriber', operation: 'remove', officialAccount: '@TOA#_crmrm', subscriberAccounts: 'existing1, ghost' } },
		]),
		items: [
			{
				node: 'Remove',
				equals: [
					{ officialAccount: '@TOA#_crmrm', subscriberAccount: 'existing1', result: 'removed', resultCode: 1 },
					{ officialAccount: '@TOA#_crmrm', subscriberAccount: 'ghost', result: 'notSubscribed', resultCode: 2 },
				],
			},
		],
		calls: [{ filter: { command: 'delete_subscriber', id: '@TOA#_crmrm' }, pick: (c) => c.body, equals: [{ Official_Account: '@TOA#_crmrm', SubscriberToDel_Account: ['existing1', 'ghost'] }] }],
		check: async (res, ctx) => assert.deepEqual(await ctx.emu.getSubscribers('@TOA#_crmrm'), ['existing2']),
	},
];
