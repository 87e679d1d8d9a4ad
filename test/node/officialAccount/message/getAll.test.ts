// Message → Get Many, version 1 (Tencent's fields plus text) and version 2 (Simplify on by default); history newest
// first over LastMsgKey, placeholders and recalled messages, Limit, expiry.
import { useBackend, json, paired } from '../../../support/officialAccount';
import { isoOrNull } from '../../../support/simplified';

const HOLES = [5, 50, 120];
const RECALLED = [7, 200, 239];
const getMany = (more = {}, officialAccount = '@TOA#_news') => ({ resource: 'message', operation: 'getAll', officialAccount, ...more });
const seqsFrom = (top: number, bottom: number, skip: number[] = []) => Array.from({ length: top - bottom + 1 }, (_, index) => top - index).filter((seq) => !skip.includes(seq));

const ctx = useBackend();
const getAll = (more = {}) => ({ resource: 'message', operation: 'getAll', officialAccount: '@TOA#_history', limit: 30, ...more });
const RAW_FIELDS = ['From_Account', 'IsPlaceMsg', 'MsgBody', 'MsgKey', 'MsgSeq', 'MsgTimeStamp', 'text'];

beforeAll(() => {
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_history', messages: { count: 40, holes: [38], recalled: [39] } });
});

const simplified = (raw: any) => {
	const custom = raw.MsgBody.find((element) => element.MsgType === 'TIMCustomElem');
	return {
		officialAccount: '@TOA#_history',
		msgKey: raw.MsgKey,
		seq: raw.MsgSeq,
		sender: raw.From_Account,
		sentAt: isoOrNull(raw.MsgTimeStamp),
		text: raw.text,
		status: { 0: 'sent', 1: 'deleted', 2: 'recalled' }[raw.IsPlaceMsg],
		...(custom && { customData: custom.MsgContent.Data }),
	};
};

describe('Message → Get Many', () => {
	test('version 1 outputs Tencent\'s fields; version 2 simplifies them by default, from the same requests', async () => {
		const options = { includePlaceholders: true, includeRecalled: true };
		const raw = await ctx.run(getAll({ options }), [{}], { typeVersion: 1 });
		expect(raw.error).toBeUndefined();
		expect(Object.keys(raw.items[0].json).sort()).toEqual(RAW_FIELDS);
		const v1Calls = ctx.calls('official_account_msg_get_simple').map((c) => c.body);

		ctx.backend.emu.clearRequests();
		const simple = await ctx.run(getAll({ options }), [{}], { typeVersion: 2 });
		expect(ctx.calls('official_account_msg_get_simple').map((c) => c.body)).toEqual(v1Calls);
		expect(json(simple.items)).toEqual(json(raw.items).map(simplified));
		expect(json(simple.items).slice(0, 3).map((m) => [m.seq, m.status])).toEqual([[40, 'sent'], [39, 'recalled'], [38, 'deleted']]);
		// Custom messages carry their Data as customData.
		expect(json(simple.items).find((m) => m.seq === 35).customData).toBe('{"kind":"card","id":35}');
		expect(json(simple.items)[0]).toEqual({
			officialAccount: '@TOA#_history',
			msgKey: expect.stringMatching(/^40_1_\d+$/),
			seq: 40,
			sender: expect.any(String),
			sentAt: isoOrNull(Number(json(simple.items)[0].msgKey.split('_')[2])),
			text: expect.stringMatching(/^News #40: /),
			status: 'sent',
		});
		expect(paired(simple.items)).toEqual(raw.items.map(() => ({ item: 0 })));
	});

	test('version 2 with Simplify off gives the raw fields', async () => {
		const { items } = await ctx.run(getAll({ limit: 2, simplify: false }), [{}], { typeVersion: 2 });
		expect(json(items).map((m) => Object.keys(m).sort())).toEqual([RAW_FIELDS, RAW_FIELDS]);
		expect(json(items).map((m) => m.MsgSeq)).toEqual([40, 37]);
	});
});

describe('Message → Get Many, paging and filters (version 1)', () => {
	beforeAll(() => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_news', messages: { count: 240, holes: HOLES, recalled: RECALLED } });
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_expiring', messages: { count: 240, expiredBelowSeq: 200 } });
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_quiet', messages: 0 });
	});

	test('Return All goes back to MsgSeq 1, newest first, without holes or recalled messages', async () => {
		const { items, error } = await ctx.run(getMany({ returnAll: true }));
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
		const { items } = await ctx.run(getMany({ returnAll: true, options: { includePlaceholders: true, includeRecalled: true } }));
		const messages = json(items);
		expect(messages.map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 1));
		expect(messages.filter((m) => m.IsPlaceMsg === 1).map((m) => m.MsgSeq)).toEqual([...HOLES].reverse());
		expect(messages.filter((m) => m.IsPlaceMsg === 2).map((m) => m.MsgSeq)).toEqual([...RECALLED].reverse());
		expect(messages.find((m) => m.MsgSeq === 50).text).toBe('');
		expect(ctx.calls('official_account_msg_get_simple').every((c) => c.body.WithRecalledMsg === 1)).toBe(true);
	});

	test('Limit stops at the limit and asks the last page only for what is missing', async () => {
		const { items } = await ctx.run(getMany({ limit: 25 }));
		expect(json(items).map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 215, RECALLED));
		expect(ctx.calls('official_account_msg_get_simple').map((c) => c.body.ReqMsgNumber)).toEqual([20, 5]);
	});

	test('Before Message Key starts below that message', async () => {
		const { items } = await ctx.run(getMany({ limit: 30, options: { beforeMsgKey: ' 101_1_1698741698 ' } }));
		expect(json(items).map((m) => m.MsgSeq)).toEqual(seqsFrom(100, 70, [...HOLES, ...RECALLED]).slice(0, 30));
		expect(ctx.calls('official_account_msg_get_simple')[0].body.LastMsgKey).toBe('101_1_1698741698');
	});

	test('IsFinished 2 (older messages expired) ends Return All', async () => {
		const { items } = await ctx.run(getMany({ returnAll: true }, '@TOA#_expiring'));
		expect(json(items).map((m) => m.MsgSeq)).toEqual(seqsFrom(240, 200));
		expect(ctx.calls('official_account_msg_get_simple')).toHaveLength(3);
	});

	test('an account without messages yields nothing after one call', async () => {
		const { items, error } = await ctx.run(getMany({ returnAll: true }, '@TOA#_quiet'));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(ctx.calls('official_account_msg_get_simple')).toHaveLength(1);
	});

	test('several items with continueOnFail: an unknown account becomes an error item', async () => {
		const { items, error } = await ctx.run(getMany({ limit: 2 }, '={{ $json.account }}'), [{ account: '@TOA#_news' }, { account: '@TOA#_ghost' }, { account: '@TOA#_expiring' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem.item, item.json.MsgSeq ?? item.json.error])).toEqual([
			[0, 240],
			[0, 238],
			[1, 'Could not get messages of official account "@TOA#_ghost" (page 1): the official account does not exist or was dismissed [Tencent error 10010]'],
			[2, 240],
			[2, 239],
		]);
	});
});
