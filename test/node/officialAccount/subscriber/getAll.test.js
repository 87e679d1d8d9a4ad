'use strict';
// Subscriber → Get Many, version 1 (Tencent's fields, as saved workflows expect) and version 2 (Simplify on by default).
const { useBackend, json, paired } = require('../../../support/officialAccount');
const { isoOrNull } = require('../../../support/simplified');

const ctx = useBackend();
const getAll = (more = {}) => ({ resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_simple', ...more });
const RAW_FIELDS = ['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account'];

beforeAll(() => {
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_simple', subscribers: 60 });
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_tagged', subscribers: [{ Subscriber_Account: 'vip', CustomString: 'tier:gold' }] });
});

const simplified = (raw) => ({
	officialAccount: '@TOA#_simple',
	userId: raw.Subscriber_Account,
	subscribedAt: isoOrNull(raw.SubscribeTime),
	customData: raw.CustomString,
	notifications: raw.MsgFlag,
	lastMessageAt: isoOrNull(raw.LastSendMsgTime),
});

describe('Subscriber → Get Many', () => {
	test('version 1 outputs Tencent\'s fields unchanged; version 2 simplifies them by default, from the same request', async () => {
		const raw = await ctx.run(getAll({ limit: 60 }), [{}], { typeVersion: 1 });
		expect(raw.error).toBeUndefined();
		expect(json(raw.items).every((s) => Object.keys(s).sort().join() === RAW_FIELDS.join())).toBe(true);
		const v1Calls = ctx.calls('get_subscriber_info').map((c) => c.body);

		ctx.backend.emu.clearRequests();
		const simple = await ctx.run(getAll({ limit: 60 }), [{}], { typeVersion: 2 });
		expect(simple.error).toBeUndefined();
		expect(ctx.calls('get_subscriber_info').map((c) => c.body)).toEqual(v1Calls);
		expect(json(simple.items)).toEqual(json(raw.items).map(simplified));
		expect(paired(simple.items)).toEqual(raw.items.map(() => ({ item: 0 })));
		// Both kinds of last-message time occur: a real time, and 0 ("never") as null.
		expect(json(simple.items).some((s) => s.lastMessageAt === null)).toBe(true);
		expect(json(simple.items).some((s) => /^\d{4}-\d\d-\d\dT/.test(s.lastMessageAt))).toBe(true);
	});

	test('version 2 with Simplify off gives the raw fields; Custom Data is the subscriber\'s own', async () => {
		const off = await ctx.run(getAll({ officialAccount: '@TOA#_tagged', simplify: false }), [{}], { typeVersion: 2 });
		expect(json(off.items)).toEqual([{ Subscriber_Account: 'vip', SubscribeTime: expect.any(Number), CustomString: 'tier:gold', MsgFlag: 'AcceptAndNotify', LastSendMsgTime: 0 }]);
		const on = await ctx.run(getAll({ officialAccount: '@TOA#_tagged' }), [{}], { typeVersion: 2 });
		expect(json(on.items)).toEqual([
			{ officialAccount: '@TOA#_tagged', userId: 'vip', subscribedAt: isoOrNull(off.items[0].json.SubscribeTime), customData: 'tier:gold', notifications: 'AcceptAndNotify', lastMessageAt: null },
		]);
	});

	test('Simplify is read per item, and error items stay as they are', async () => {
		const { items } = await ctx.run(getAll({ officialAccount: '={{ $json.account }}', limit: 1, simplify: '={{ $json.simple }}' }), [
			{ account: '@TOA#_tagged', simple: true },
			{ account: '@TOA#_tagged', simple: false },
			{ account: '', simple: true },
		], { typeVersion: 2, continueOnFail: true });
		expect(json(items).map((s) => s.userId ?? s.Subscriber_Account ?? s.error)).toEqual(['vip', 'vip', 'Official Account is empty in item 2']);
		expect(Object.keys(items[1].json)).toContain('Subscriber_Account');
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
