'use strict';
// Message → Get Many, version 1 (Tencent's fields plus text) and version 2 (Simplify on by default).
const { useBackend, json, paired } = require('../../../support/officialAccount');
const { isoOrNull } = require('../../../support/simplified');

const ctx = useBackend();
const getAll = (more = {}) => ({ resource: 'message', operation: 'getAll', officialAccount: '@TOA#_history', limit: 30, ...more });
const RAW_FIELDS = ['From_Account', 'IsPlaceMsg', 'MsgBody', 'MsgKey', 'MsgSeq', 'MsgTimeStamp', 'text'];

beforeAll(() => {
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_history', messages: { count: 40, holes: [38], recalled: [39] } });
});

const simplified = (raw) => {
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
