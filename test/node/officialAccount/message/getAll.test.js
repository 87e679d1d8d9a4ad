'use strict';
// Message → Get Many: history newest first over LastMsgKey, placeholders and recalled messages, Limit, expiry.
const { useBackend, json, paired } = require('../../../support/officialAccount');

const HOLES = [5, 50, 120];
const RECALLED = [7, 200, 239];
const getAll = (more = {}, officialAccount = '@TOA#_news') => ({ resource: 'message', operation: 'getAll', officialAccount, ...more });
const seqsFrom = (top, bottom, skip = []) => Array.from({ length: top - bottom + 1 }, (_, index) => top - index).filter((seq) => !skip.includes(seq));

const ctx = useBackend();
beforeAll(() => {
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_news', messages: { count: 240, holes: HOLES, recalled: RECALLED } });
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_expiring', messages: { count: 240, expiredBelowSeq: 200 } });
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_quiet', messages: 0 });
});

test('Return All goes back to MsgSeq 1, newest first, without holes or recalled messages', async () => {
	const { items, error } = await ctx.run(getAll({ returnAll: true }));
	expect(error).toBeUndefined();
	const messages = json(items);
	expect(messages.map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 1, [...HOLES, ...RECALLED]));
	for (const message of messages) {
		expect(message.MsgKey).toMatch(new RegExp(`^${message.MsgSeq}_1_\\d+$`));
		expect(message.IsPlaceMsg).toBe(0);
		expect(message.text).toMatch(new RegExp(`^News #${message.MsgSeq}: update \\d+$`));
		expect(message.text).toBe(message.MsgBody.filter((e) => e.MsgType === 'TIMTextElem').map((e) => e.MsgContent.Text).join('\n'));
	}
	expect(new Set(paired(items).map((p) => p.item))).toEqual(new Set([0]));

	// 237 messages come back (holes included, recalled left out): 12 pages of at most 20, then stop at MsgSeq 1.
	const calls = ctx.calls('official_account_msg_get_simple');
	expect(calls).toHaveLength(12);
	expect(calls[0].body).toEqual({ Official_Account: '@TOA#_news', ReqMsgNumber: 20, WithRecalledMsg: 0 });
	for (const call of calls.slice(1)) expect(call.body.LastMsgKey).toMatch(/^\d+_1_\d+$/);
});

test('placeholders and recalled messages appear when asked for', async () => {
	const { items } = await ctx.run(getAll({ returnAll: true, options: { includePlaceholders: true, includeRecalled: true } }));
	const messages = json(items);
	expect(messages.map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 1));
	expect(messages.filter((m) => m.IsPlaceMsg === 1).map((m) => m.MsgSeq)).toEqual([...HOLES].reverse());
	expect(messages.filter((m) => m.IsPlaceMsg === 2).map((m) => m.MsgSeq)).toEqual([...RECALLED].reverse());
	expect(messages.find((m) => m.MsgSeq === 50).text).toBe('');
	expect(ctx.calls('official_account_msg_get_simple').every((c) => c.body.WithRecalledMsg === 1)).toBe(true);
});

test('Limit stops at the limit and asks the last page only for what is missing', async () => {
	const { items } = await ctx.run(getAll({ limit: 25 }));
	expect(json(items).map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 215, RECALLED));
	expect(ctx.calls('official_account_msg_get_simple').map((c) => c.body.ReqMsgNumber)).toEqual([20, 5]);
});

test('Before Message Key starts below that message', async () => {
	const { items } = await ctx.run(getAll({ limit: 30, options: { beforeMsgKey: ' 101_1_1698741698 ' } }));
	expect(json(items).map((m) => m.MsgSeq)).toEqual(seqsFrom(100, 70, [...HOLES, ...RECALLED]).slice(0, 30));
	expect(ctx.calls('official_account_msg_get_simple')[0].body.LastMsgKey).toBe('101_1_1698741698');
});

test('IsFinished 2 (older messages expired) ends Return All', async () => {
	const { items } = await ctx.run(getAll({ returnAll: true }, '@TOA#_expiring'));
	expect(json(items).map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 200));
	expect(ctx.calls('official_account_msg_get_simple')).toHaveLength(3);
});

test('an account without messages yields nothing after one call', async () => {
	const { items, error } = await ctx.run(getAll({ returnAll: true }, '@TOA#_quiet'));
	expect(error).toBeUndefined();
	expect(items).toEqual([]);
	expect(ctx.calls('official_account_msg_get_simple')).toHaveLength(1);
});

test('several items with continueOnFail: an unknown account becomes an error item', async () => {
	const { items, error } = await ctx.run(getAll({ limit: 2 }, '={{ $json.account }}'), [{ account: '@TOA#_news' }, { account: '@TOA#_ghost' }, { account: '@TOA#_expiring' }], { continueOnFail: true });
	expect(error).toBeUndefined();
	expect(items.map((item) => [item.pairedItem.item, item.json.MsgSeq ?? item.json.error])).toEqual([
		[0, 240],
		[0, 238],
		[1, 'Could not get messages of official account "@TOA#_ghost" (page 1): the official account does not exist or was dismissed [Tencent error 10010]'],
		[2, 240],
		[2, 239],
	]);
});
