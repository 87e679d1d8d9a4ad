import { useBackend, json, paired } from '../../../support/officialAccount';

const ctx = useBackend();
const recall = (messageKeys = '={{ $json.keys }}', more = {}) => ({ resource: 'message', operation: 'recall', officialAccount: '={{ $json.account }}', messageKeys, ...more });
const keysOf = (id: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ctx.account(id).messages.get(from + i).MsgKey);

beforeEach(() => {
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_r1', messages: 40 });
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_r2', messages: 5 });
});

describe('Message → Recall', () => {
	test('keys of all items are gathered per account, 10 a call; one output per (item, key)', async () => {
		const a = keysOf('@TOA#_r1', 1, 25);
		const b = keysOf('@TOA#_r2', 1, 3);
		const input = [
			{ account: '@TOA#_r1', keys: a.slice(0, 12) },
			{ account: '@TOA#_r2', keys: b.join(', ') },
			{ account: '@TOA#_r1', keys: a.slice(12).join('\n') },
		];
		const { items, error } = await ctx.run(recall(undefined, { options: { reason: 'wrong price' } }), input);
		expect(error).toBeUndefined();
		const bodies = ctx.calls('official_account_msg_recall').map((c) => c.body);
		expect(bodies).toEqual([
			{ Official_Account: '@TOA#_r1', MsgKeyList: a.slice(0, 10), Reason: 'wrong price' },
			{ Official_Account: '@TOA#_r1', MsgKeyList: a.slice(10, 20), Reason: 'wrong price' },
			{ Official_Account: '@TOA#_r1', MsgKeyList: a.slice(20, 25), Reason: 'wrong price' },
			{ Official_Account: '@TOA#_r2', MsgKeyList: b, Reason: 'wrong price' },
		]);
		const expected = [...a.slice(0, 12).map((k) => ['@TOA#_r1', k, 0]), ...b.map((k) => ['@TOA#_r2', k, 1]), ...a.slice(12).map((k) => ['@TOA#_r1', k, 2])];
		expect(json(items)).toEqual(expected.map(([officialAccount, msgKey]) => ({ officialAccount, msgKey, result: 'recalled', resultCode: 0 })));
		expect(paired(items)).toEqual(expected.map(([, , item]) => ({ item })));
		expect(ctx.account('@TOA#_r1').messages.get(7).IsPlaceMsg).toBe(2);
		expect(ctx.account('@TOA#_r1').messages.get(26).IsPlaceMsg).toBe(0);
	});

	test('1,000 keys over 100 items make exactly 100 calls', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_big', messages: 1000 });
		const keys = keysOf('@TOA#_big', 1, 1000);
		const input = Array.from({ length: 100 }, (_, i) => ({ account: '@TOA#_big', keys: keys.slice(i * 10, i * 10 + 10) }));
		const { items } = await ctx.run(recall(), input);
		expect(ctx.calls('official_account_msg_recall')).toHaveLength(100);
		expect(items).toHaveLength(1000);
	});

	test('keys Tencent cannot recall are "failed" with its RetCode', async () => {
		const [key] = keysOf('@TOA#_r2', 2, 2);
		await ctx.run(recall(), [{ account: '@TOA#_r2', keys: key }]);
		const { items } = await ctx.run(recall(), [{ account: '@TOA#_r2', keys: [key, '99_1_1'] }]);
		expect(json(items)).toEqual([
			{ officialAccount: '@TOA#_r2', msgKey: key, result: 'failed', resultCode: 10031 },
			{ officialAccount: '@TOA#_r2', msgKey: '99_1_1', result: 'failed', resultCode: 10030 },
		]);
	});

	test('a Reason over 100 bytes and an empty key list fail before any call', async () => {
		let { error } = await ctx.run(recall('1_1_1', { options: { reason: '因'.repeat(34) } }), [{ account: '@TOA#_r1' }]);
		expect(error.message).toBe('Reason is 102 bytes in item 0, but Tencent allows at most 100 bytes');
		({ error } = await ctx.run(recall(), [{ account: '@TOA#_r1', keys: ' , ' }]));
		expect(error.message).toBe('Message Keys in item 0 is empty');
		expect(ctx.calls('official_account_msg_recall')).toHaveLength(0);
	});

	test('Continue On Fail: an unknown account\'s keys become error items that name account and key', async () => {
		const [key] = keysOf('@TOA#_r1', 3, 3);
		const { items } = await ctx.run(recall(), [{ account: '@TOA#_none', keys: 'k1, k2' }, { account: '@TOA#_r1', keys: key }], { continueOnFail: true });
		expect(json(items)).toEqual([
			{ error: 'Could not recall messages of official account "@TOA#_none" (batch 1 of 1, 2 IDs): the official account does not exist or was dismissed [Tencent error 10010]', description: expect.any(String), officialAccount: '@TOA#_none', msgKey: 'k1' },
			{ error: expect.any(String), description: expect.any(String), officialAccount: '@TOA#_none', msgKey: 'k2' },
			{ officialAccount: '@TOA#_r1', msgKey: key, result: 'recalled', resultCode: 0 },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});

	test('appliedThen502: a recall is not repeated; the item says the outcome is unknown', async () => {
		const [key] = keysOf('@TOA#_r2', 4, 4);
		ctx.backend.emu.setOptions({ faults: { appliedThen502: 1 } });
		const { error } = await ctx.run(recall(), [{ account: '@TOA#_r2', keys: key }]);
		expect(ctx.calls('official_account_msg_recall')).toHaveLength(1);
		expect(ctx.account('@TOA#_r2').messages.get(4).IsPlaceMsg).toBe(2);
		expect(error.message).toMatch(/outcome is unknown/);
	});
});
