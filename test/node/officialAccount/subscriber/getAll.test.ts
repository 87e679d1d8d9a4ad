// Subscriber → Get Many, version 1 (Tencent's fields, as saved workflows expect) and version 2 (Simplify on by default);
// paging over Next, Limit, several items, and the errors Tencent gives.
import { runWithWrongSecretKey } from '../../../support/backend';
import { NODE, useBackend, json, paired } from '../../../support/officialAccount';
import { isoOrNull } from '../../../support/simplified';

const ctx = useBackend();
const getAll = (more = {}) => ({ resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_simple', ...more });
const getMany = (officialAccount: string, more = {}) => ({ resource: 'subscriber', operation: 'getAll', officialAccount, ...more });
const RAW_FIELDS = ['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account'];

beforeAll(() => {
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_simple', subscribers: 60 });
	ctx.backend.emu.addOfficialAccount({ id: '@TOA#_tagged', subscribers: [{ Subscriber_Account: 'vip', CustomString: 'tier:gold' }] });
});

const simplified = (raw: any) => ({
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

describe('Subscriber Get Many', () => {
	beforeAll(() => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_boundary', subscribers: 400 });
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_off', subscribers: 401 });
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_empty', subscribers: 0 });
	});

	test.each([
		['@TOA#_boundary', 400, [200, 200]],
		['@TOA#_off', 401, [200, 200, 200]],
	])('Return All on %s yields every subscriber in order with the fewest calls', async (officialAccount, count, limits) => {
		const { items, error } = await ctx.run(getMany(officialAccount, { returnAll: true }));
		expect(error).toBeUndefined();
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual(ctx.backend.emu.getSubscribers(officialAccount));
		expect(items).toHaveLength(count);
		expect(Object.keys(items[0].json).sort()).toEqual(['CustomString', 'LastSendMsgTime', 'MsgFlag', 'SubscribeTime', 'Subscriber_Account']);
		expect(new Set(paired(items).map((p) => p.item))).toEqual(new Set([0]));

		const calls = ctx.calls('get_subscriber_info');
		expect(calls.map((c) => c.body.Limit)).toEqual(limits);
		expect(calls[0].body.Next).toBe('');
		for (let page = 1; page < calls.length; page++) expect(calls[page].body.Next).not.toBe('');
	});

	test('Limit asks each page only for what it still needs and stops there', async () => {
		const { items } = await ctx.run(getMany('@TOA#_off', { returnAll: false, limit: 250 }));
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual(ctx.backend.emu.getSubscribers('@TOA#_off').slice(0, 250));
		expect(ctx.calls('get_subscriber_info').map((c) => c.body.Limit)).toEqual([200, 50]);
	});

	test('the default limit is 50, in one call', async () => {
		const { items } = await ctx.run({ resource: 'subscriber', operation: 'getAll', officialAccount: '@TOA#_off' });
		expect(items).toHaveLength(50);
		expect(ctx.calls('get_subscriber_info').map((c) => c.body.Limit)).toEqual([50]);
	});

	test('an account without subscribers yields no items after one call', async () => {
		const { items, error } = await ctx.run(getMany('@TOA#_empty', { returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(ctx.calls('get_subscriber_info')).toHaveLength(1);
	});

	test('several input items, each with its own official account and limit', async () => {
		const { items } = await ctx.run(getMany('={{ $json.account }}', { limit: '={{ $json.limit }}' }), [
			{ account: '@TOA#_boundary', limit: 3 },
			{ account: '@TOA#_off', limit: 2 },
			{ account: '@TOA#_boundary', limit: 1 },
		]);
		expect(json(items).map((s) => s.Subscriber_Account)).toEqual([
			...ctx.backend.emu.getSubscribers('@TOA#_boundary').slice(0, 3),
			...ctx.backend.emu.getSubscribers('@TOA#_off').slice(0, 2),
			ctx.backend.emu.getSubscribers('@TOA#_boundary')[0],
		]);
		expect(paired(items)).toEqual([0, 0, 0, 1, 1, 2].map((item) => ({ item })));
		expect(ctx.calls('get_subscriber_info').map((c) => [c.body.Official_Account, c.body.Limit])).toEqual([
			['@TOA#_boundary', 3],
			['@TOA#_off', 2],
			['@TOA#_boundary', 1],
		]);
	});
});

describe('error messages', () => {
	test('130004: the official account does not exist', async () => {
		const { error } = await ctx.run(getMany('@TOA#_nope'));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_nope" (page 1): the official account does not exist, or was terminated [Tencent error 130004]');
		expect(error.description).toMatch(/^Check the Official Account ID/);
		expect(ctx.calls('get_subscriber_info')).toHaveLength(1);
	});

	test('131000: the official account service is not enabled', async () => {
		const other = { sdkAppId: 1400099999, secretKey: 'no-oa-service-key', admins: ['administrator'], officialAccountService: false };
		ctx.backend.emu.addApp(other);
		const { error } = await ctx.backend.harness.runNode({
			type: NODE,
			parameters: getMany('@TOA#_x'),
			credentials: { ...ctx.backend.credentials, sdkAppId: other.sdkAppId, secretKey: other.secretKey },
		});
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_x" (page 1): the official account service is not enabled for this app [Tencent error 131000]');
		expect(error.description).toMatch(/Enable official accounts in the Tencent Cloud Chat console/);
	});

	test('a wrong secret key is named, not retried, and not shown', async () => {
		const error = await runWithWrongSecretKey(ctx.backend, NODE, getMany('@TOA#_boundary'), 'wrong-key-123');
		expect(error.message).toBe('Could not get subscribers of official account "@TOA#_boundary" (page 1): the Secret Key does not match the SDKAppID [Tencent error 70009]');
		expect(ctx.calls('get_subscriber_info')).toHaveLength(1);
	});
});
