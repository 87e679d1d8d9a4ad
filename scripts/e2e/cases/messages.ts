// Batch case of Message Get Many over a history with holes and recalled messages.
import assert from 'node:assert/strict';
import { HOLES, RECALLED } from '../config';
import { OA, chain, outputItems, seqsFrom } from '../workflows';
import type { E2eCase } from './types';

export const MESSAGE_CASES: E2eCase[] = [
	{
		name: 'Official Account: Message Get Many, Return All skips holes and recalled messages',
		workflow: chain('e2eMessages', 'e2e messages', [
			{ name: 'Messages', type: OA, parameters: { resource: 'message', operation: 'getAll', officialAccount: '@TOA#_e2e', returnAll: true } },
		]),
		items: [{ node: 'Messages', pick: (i) => i.json.MsgSeq, equals: seqsFrom(60, 1, [...HOLES, ...RECALLED]) }],
		check(res, ctx) {
			for (const { json: m } of outputItems(res.json, 'Messages')) {
				assert.equal(m.IsPlaceMsg, 0);
				assert.match(m.text, new RegExp(`^News #${m.MsgSeq}: update \\d+$`));
			}
			const calls = ctx.calls({ command: 'official_account_msg_get_simple', id: '@TOA#_e2e' });
			assert.deepEqual(calls[0].body, { Official_Account: '@TOA#_e2e', ReqMsgNumber: 20, WithRecalledMsg: 0 });
			assert.ok(calls.slice(1).every((c) => /^\d+_1_\d+$/.test(c.body.LastMsgKey)), 'LastMsgKey cursors');
		},
	},
];
