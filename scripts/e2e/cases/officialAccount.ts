// Official Account cases for the batch run: an account's whole life, Create -> Send -> Message Get Many ->
// Recall -> Delete, in one workflow, with what the emulator saw (each call once).
import assert from 'node:assert/strict';
import { chain, OA, outputJson } from '../workflows';
import type { E2eCase } from './types';

const LIFE = '@TOA#_e2elife';
const TEXT = 'Hello from the e2e suite';

export const OFFICIAL_ACCOUNT_CASES: E2eCase[] = [
	{
		name: 'Official Account: Create -> Send -> Message Get Many -> Recall -> Delete, each call once',
		workflow: chain('e2eOaLife1', 'e2e official account life', [
			{ name: 'Create', type: OA, parameters: { resource: 'officialAccount', operation: 'create', ownerAccount: 'owner1', name: 'E2E Life', options: { customId: LIFE } } },
			{ name: 'Send', type: OA, parameters: { resource: 'message', operation: 'send', officialAccount: '={{ $json.officialAccount }}', text: TEXT } },
			{ name: 'History', type: OA, parameters: { resource: 'message', operation: 'getAll', officialAccount: LIFE, limit: 5 } },
			{ name: 'Recall', type: OA, parameters: { resource: 'message', operation: 'recall', officialAccount: LIFE, messageKeys: '={{ $json.MsgKey }}' } },
			{ name: 'Delete', type: OA, parameters: { resource: 'officialAccount', operation: 'delete', officialAccount: '={{ $json.officialAccount }}' } },
		]),
		items: [
			{ node: 'Create', equals: [{ officialAccount: LIFE, ownerAccount: 'owner1', name: 'E2E Life', customId: LIFE }] },
			{ node: 'Delete', equals: [{ officialAccount: LIFE, deleted: true }] },
		],
		calls: [
			...['send_official_account_msg', 'official_account_msg_get_simple', 'official_account_msg_recall', 'destroy_official_account'].map((command) => ({
				filter: { command, id: LIFE },
				count: 1,
				what: `${command} calls`,
			})),
			{ filter: { command: 'send_official_account_msg', id: LIFE }, pick: (c) => c.body.MsgBody[0].MsgContent.Text, equals: [TEXT] },
		],
		check(res, ctx) {
			const [sent] = outputJson(res.json, 'Send');
			assert.equal(sent.officialAccount, LIFE);
			assert.match(sent.msgKey, /^\d+_1_\d+$/);
			const history = outputJson(res.json, 'History');
			assert.deepEqual(history.map((m) => m.MsgKey), [sent.msgKey], 'the sent message is the whole history');
			assert.deepEqual(history[0].MsgBody, [{ MsgType: 'TIMTextElem', MsgContent: { Text: TEXT } }]);
			assert.deepEqual(outputJson(res.json, 'Recall'), [{ officialAccount: LIFE, msgKey: sent.msgKey, result: 'recalled', resultCode: 0 }]);
			const creates = ctx.calls({ command: 'create_official_account' }).filter((c) => c.body.OfficialAccountUserID === LIFE);
			assert.equal(creates.length, 1, 'create_official_account calls');
		},
	},
];
