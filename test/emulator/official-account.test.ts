'use strict';
// Official account APIs: subscribers (get/add/delete, Next paging) and message history.

const { datasets } = require('../../emulator');
const { encodeNext, handler } = require('../../emulator/apis/get_subscriber_info');
const { subscriberId } = require('../../emulator/datasets');
const { DEMO, call, SUBS, ADD, DEL, MSGS, useDemoEmulator } = require('./helpers');

const OA = datasets.demo.officialAccountId;

const demo = useDemoEmulator();
let emu;
beforeAll(() => (emu = demo.emu));

const ok = (path, body) => demo.ok(path, body);

async function errorCode(path, body) {
	const r = await call(emu, path, body);
	expect(r.json.ActionStatus).toBe('FAIL');
	return r.json.ErrorCode;
}

async function allSubscribers(account, limit, onPage) {
	const ids = [];
	let next = '';
	let pages = 0;
	do {
		const r = await ok(SUBS, { Official_Account: account, Limit: limit, Next: next });
		pages++;
		if (onPage) await onPage(pages, r);
		ids.push(...r.SubscriberList.map((s) => s.Subscriber_Account));
		expect(r.Next).not.toBe(next);
		next = r.Next;
	} while (next !== '');
	return { ids, pages };
}

describe('get_subscriber_info', () => {
	test('first page has the documented fields', async () => {
		const r = await ok(SUBS, { Official_Account: OA, Limit: 50, Next: '' });
		expect(r.SubscriberNum).toBe(3000);
		expect(r.SubscriberList).toHaveLength(50);
		expect(r.Next).not.toBe('');
		expect(r.Next).not.toMatch(/^\d+$/);
		const s = r.SubscriberList[0];
		expect(Object.keys(s)).toEqual(['Subscriber_Account', 'SubscribeTime', 'CustomString', 'MsgFlag', 'LastSendMsgTime']);
		expect(s.Subscriber_Account).toBe('user000001');
		expect(['AcceptAndNotify', 'AcceptNotNotify', 'Discard']).toContain(s.MsgFlag);
		const flags = new Set(r.SubscriberList.map((x) => x.MsgFlag));
		expect(flags.size).toBeGreaterThan(1);
	});

	test('pages end exactly on a page boundary with an empty Next', async () => {
		const { ids, pages } = await allSubscribers(OA, 200);
		expect(pages).toBe(15); // 3000 / 200
		expect(ids).toEqual(emu.getSubscribers(OA));
		expect(new Set(ids).size).toBe(3000);
	});

	test('pages with a remainder, and Limit absent returns all', async () => {
		emu.addOfficialAccount({ id: '@TOA#_odd', subscribers: 1001 });
		const { ids, pages } = await allSubscribers('@TOA#_odd', 200);
		expect(pages).toBe(6);
		expect(ids[1000]).toBe('user001001');
		const all = await ok(SUBS, { Official_Account: '@TOA#_odd', Next: '' });
		expect(all.SubscriberList).toHaveLength(1001);
		expect(all.Next).toBe('');
		const empty = emu.addOfficialAccount({ id: '@TOA#_empty', subscribers: [] });
		expect(empty.subscriberNum).toBe(0);
		expect(await ok(SUBS, { Official_Account: '@TOA#_empty', Limit: 10, Next: '' })).toMatchObject({ Next: '', SubscriberNum: 0, SubscriberList: [] });
	});

	test('explicit subscriber arrays keep their order and fields', async () => {
		emu.addOfficialAccount({ id: '@TOA#_x', subscribers: ['b', { Subscriber_Account: 'a', CustomString: 'vip', SubscribeTime: 5 }] });
		const r = await ok(SUBS, { Official_Account: '@TOA#_x', Limit: 10, Next: '' });
		expect(r.SubscriberList.map((s) => s.Subscriber_Account)).toEqual(['b', 'a']);
		expect(r.SubscriberList[1]).toMatchObject({ CustomString: 'vip', SubscribeTime: 5, MsgFlag: 'AcceptAndNotify' });
	});

	test('Limit must be 1..200; bad cursors are 6017', async () => {
		expect(await errorCode(SUBS, { Official_Account: OA, Limit: 201, Next: '' })).toBe(6017);
		expect(await errorCode(SUBS, { Official_Account: OA, Limit: 0, Next: '' })).toBe(6017);
		expect((await ok(SUBS, { Official_Account: OA, Limit: 200, Next: '' })).SubscriberList).toHaveLength(200);
		expect(await errorCode(SUBS, { Official_Account: OA, Limit: 10, Next: '200' })).toBe(6017);
		expect(await errorCode(SUBS, { Official_Account: OA, Limit: 10, Next: 'TGSOTk=' })).toBe(6017);
		emu.addOfficialAccount({ id: '@TOA#_other', subscribers: 10 });
		const foreign = (await ok(SUBS, { Official_Account: '@TOA#_other', Limit: 5, Next: '' })).Next;
		expect(await errorCode(SUBS, { Official_Account: OA, Limit: 10, Next: foreign })).toBe(6017);
	});

	test('unknown account 130004, empty id 130007, service off 131000', async () => {
		expect(await errorCode(SUBS, { Official_Account: '@TOA#_nope', Next: '' })).toBe(130004);
		expect(await errorCode(SUBS, { Official_Account: '', Next: '' })).toBe(130007);
		expect(await errorCode(SUBS, { Next: '' })).toBe(6017);
		emu.addApp({ ...DEMO, officialAccountService: false });
		expect(await errorCode(SUBS, { Official_Account: OA, Next: '' })).toBe(131000);
	});

	test('Next stays correct while subscribers are added and deleted mid-walk', async () => {
		const before = emu.getSubscribers(OA);
		const { ids } = await allSubscribers(OA, 200, async (page) => {
			if (page === 2) {
				await ok(ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: 'late_joiner' }] });
				await ok(DEL, { Official_Account: OA, SubscriberToDel_Account: ['user000001', 'user002500'] });
			}
		});
		expect(ids).toContain('user000001'); // read on page 1, before it was deleted
		expect(ids).not.toContain('user002500');
		expect(ids[ids.length - 1]).toBe('late_joiner');
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(before.length); // +1 added, -1 deleted after it was read, -1 before
	});

	test('780,031 subscribers: generated fast, first and last pages right', async () => {
		const t0 = Date.now();
		emu.addOfficialAccount({ id: '@TOA#_big', subscribers: 780031 });
		expect(Date.now() - t0).toBeLessThan(500);
		const first = await ok(SUBS, { Official_Account: '@TOA#_big', Limit: 200, Next: '' });
		expect(first.SubscriberNum).toBe(780031);
		expect(first.SubscriberList[0].Subscriber_Account).toBe('user000001');
		expect(first.SubscriberList[199].Subscriber_Account).toBe('user000200');
		// Jump to the last page with a cursor built the way the server builds them.
		const last = await ok(SUBS, { Official_Account: '@TOA#_big', Limit: 200, Next: encodeNext({ id: '@TOA#_big' }, 780000) });
		expect(last.SubscriberList).toHaveLength(31);
		expect(last.SubscriberList[30].Subscriber_Account).toBe('user780031');
		expect(last.Next).toBe('');
		const second = await ok(SUBS, { Official_Account: '@TOA#_big', Limit: 200, Next: first.Next });
		expect(second.SubscriberList[0].Subscriber_Account).toBe('user000201');
		const ids = emu.getSubscribers('@TOA#_big');
		expect(ids).toHaveLength(780031);
		expect(ids[780030]).toBe('user780031');
	});

	test('780,031 subscribers: every Next page in order to the end (handler, no HTTP)', () => {
		emu.addOfficialAccount({ id: '@TOA#_big', subscribers: 780031 });
		const app = emu.state.getApp(DEMO.sdkAppId);
		let next = '';
		let seen = 0;
		let pages = 0;
		do {
			const r = handler({ body: { Official_Account: '@TOA#_big', Limit: 200, Next: next }, app, state: emu.state });
			for (const s of r.SubscriberList) {
				if (s.Subscriber_Account !== subscriberId('user', seen)) throw new Error(`out of order at ${seen}: ${s.Subscriber_Account}`);
				seen++;
			}
			pages++;
			next = r.Next;
		} while (next !== '');
		expect(seen).toBe(780031);
		expect(pages).toBe(3901);
	});

	test('hostile accounts: repeatNext and emptyPagesForever', async () => {
		emu.addOfficialAccount({ id: '@TOA#_loop', subscribers: 500, hostile: 'repeatNext' });
		const p1 = await ok(SUBS, { Official_Account: '@TOA#_loop', Limit: 100, Next: '' });
		const p2 = await ok(SUBS, { Official_Account: '@TOA#_loop', Limit: 100, Next: p1.Next });
		const p3 = await ok(SUBS, { Official_Account: '@TOA#_loop', Limit: 100, Next: p2.Next });
		expect(p2.Next).toBe(p1.Next);
		expect(p3.Next).toBe(p1.Next);
		expect(p3.SubscriberList).toEqual(p2.SubscriberList);

		emu.addOfficialAccount({ id: '@TOA#_void', subscribers: 500, hostile: 'emptyPagesForever' });
		let next = '';
		const seen = new Set();
		for (let i = 0; i < 5; i++) {
			const r = await ok(SUBS, { Official_Account: '@TOA#_void', Limit: 100, Next: next });
			expect(r.SubscriberList).toEqual([]);
			expect(r.Next).not.toBe('');
			expect(seen.has(r.Next)).toBe(false);
			seen.add(r.Next);
			next = r.Next;
		}
	});
});

describe('add_subscriber / delete_subscriber', () => {
	test('add: 1 added, 2 already, 0 invalid, duplicates in one call, order kept', async () => {
		const r = await ok(ADD, {
			Official_Account: OA,
			SubscriberList: [
				{ Subscriber_Account: 'new1' },
				{ Subscriber_Account: 'user000007' },
				{ Subscriber_Account: '' },
				{ Subscriber_Account: 'new1' },
				{ Subscriber_Account: 'x'.repeat(33) },
				{},
			],
		});
		expect(r.SubscriberList.map((s) => s.Result)).toEqual([1, 2, 0, 2, 0, 0]);
		expect(r.SubscriberList[0].Subscriber_Account).toBe('new1');
		const subs = emu.getSubscribers(OA);
		expect(subs).toHaveLength(3001);
		expect(subs[3000]).toBe('new1');
		const page = await ok(SUBS, { Official_Account: OA, Limit: 1, Next: '' });
		expect(page.SubscriberNum).toBe(3001);
	});

	test('add: 1..100 items, else 6017; unknown account 130004', async () => {
		const many = Array.from({ length: 101 }, (_, i) => ({ Subscriber_Account: `n${i}` }));
		expect(await errorCode(ADD, { Official_Account: OA, SubscriberList: many })).toBe(6017);
		expect(await errorCode(ADD, { Official_Account: OA, SubscriberList: [] })).toBe(6017);
		expect((await ok(ADD, { Official_Account: OA, SubscriberList: many.slice(0, 100) })).SubscriberList).toHaveLength(100);
		expect(await errorCode(ADD, { Official_Account: '@TOA#_nope', SubscriberList: many.slice(0, 1) })).toBe(130004);
	});

	test('maxSubscribers: overflow items get 0, a full account fails with 130006', async () => {
		emu.addOfficialAccount({ id: '@TOA#_small', subscribers: 8, maxSubscribers: 10 });
		const r = await ok(ADD, {
			Official_Account: '@TOA#_small',
			SubscriberList: ['a', 'user000001', 'b', 'c', 'd'].map((Subscriber_Account) => ({ Subscriber_Account })),
		});
		expect(r.SubscriberList.map((s) => s.Result)).toEqual([1, 2, 1, 0, 0]);
		expect(await errorCode(ADD, { Official_Account: '@TOA#_small', SubscriberList: [{ Subscriber_Account: 'e' }] })).toBe(130006);
		await ok(DEL, { Official_Account: '@TOA#_small', SubscriberToDel_Account: ['a'] });
		const again = await ok(ADD, { Official_Account: '@TOA#_small', SubscriberList: [{ Subscriber_Account: 'e' }] });
		expect(again.SubscriberList[0].Result).toBe(1);
	});

	test('delete: 1 removed, 2 not subscribed, 0 invalid; 1..100 items', async () => {
		const r = await ok(DEL, { Official_Account: OA, SubscriberToDel_Account: ['user000002', 'user000002', 'ghost', '', 42] });
		expect(r.SubscriberList).toEqual([
			{ Subscriber_Account: 'user000002', Result: 1 },
			{ Subscriber_Account: 'user000002', Result: 2 },
			{ Subscriber_Account: 'ghost', Result: 2 },
			{ Subscriber_Account: '', Result: 0 },
			{ Subscriber_Account: '42', Result: 0 },
		]);
		expect(emu.getSubscribers(OA)).not.toContain('user000002');
		expect(await errorCode(DEL, { Official_Account: OA, SubscriberToDel_Account: [] })).toBe(6017);
		const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
		expect(await errorCode(DEL, { Official_Account: OA, SubscriberToDel_Account: many })).toBe(6017);
		// Re-adding a deleted subscriber puts it at the end.
		await ok(ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: 'user000002' }] });
		const subs = emu.getSubscribers(OA);
		expect(subs[subs.length - 1]).toBe('user000002');
	});
});

describe('official_account_msg_get_simple', () => {
	const { holes, recalled } = datasets.demo.officialAccounts[0].messages;

	async function walk(account, req, extra = {}) {
		const pages = [];
		let key;
		for (;;) {
			const body = { Official_Account: account, ReqMsgNumber: req, ...extra };
			if (key !== undefined) body.LastMsgKey = key;
			const r = await ok(MSGS, body);
			pages.push(r);
			if (r.RspMsgList.length === 0 || r.IsFinished === 2) break;
			key = r.LastMsgKey;
		}
		return pages;
	}

	test('newest first page, ascending order, MsgKey format', async () => {
		const r = await ok(MSGS, { Official_Account: OA, ReqMsgNumber: 5 });
		expect(r.Official_Account).toBe(OA);
		expect(r.IsFinished).toBe(1);
		expect(r.RspMsgList.map((m) => m.MsgSeq)).toEqual([236, 237, 238, 239, 240]);
		for (const m of r.RspMsgList) {
			expect(m.MsgKey).toBe(`${m.MsgSeq}_1_${m.MsgTimeStamp}`);
			expect(m.MsgBody.some((e) => e.MsgType === 'TIMTextElem')).toBe(true);
		}
		expect(r.LastMsgKey).toBe(r.RspMsgList[0].MsgKey);
	});

	test('walking back with LastMsgKey: holes returned, recalled skipped', async () => {
		const pages = await walk(OA, 20);
		const seqs = pages.flatMap((p) => p.RspMsgList.map((m) => m.MsgSeq));
		expect(new Set(seqs).size).toBe(seqs.length);
		expect(seqs).toHaveLength(240 - recalled.length);
		for (const s of recalled) expect(seqs).not.toContain(s);
		const all = pages.flatMap((p) => p.RspMsgList);
		for (const s of holes) {
			const m = all.find((x) => x.MsgSeq === s);
			expect(m).toMatchObject({ IsPlaceMsg: 1, MsgBody: [] });
		}
		expect(pages.every((p) => p.IsFinished === 1)).toBe(true);
		expect(pages[pages.length - 1]).toMatchObject({ RspMsgList: [], LastMsgKey: '', IsFinished: 1 });
	});

	test('WithRecalledMsg 1 includes recalled messages as IsPlaceMsg 2', async () => {
		const pages = await walk(OA, 20, { WithRecalledMsg: 1 });
		const all = pages.flatMap((p) => p.RspMsgList);
		expect(all).toHaveLength(240);
		for (const s of recalled) expect(all.find((m) => m.MsgSeq === s).IsPlaceMsg).toBe(2);
	});

	test('IsFinished 0 when more than 20 were asked and the page was cut', async () => {
		const r = await ok(MSGS, { Official_Account: OA, ReqMsgNumber: 50, WithRecalledMsg: 1 });
		expect(r.RspMsgList).toHaveLength(20);
		expect(r.IsFinished).toBe(0);
		expect(r.RspMsgList[0].MsgSeq).toBe(221);
		const r2 = await ok(MSGS, { Official_Account: OA, ReqMsgNumber: 50, WithRecalledMsg: 1, LastMsgKey: r.LastMsgKey });
		expect(r2.RspMsgList[19].MsgSeq).toBe(220);
	});

	test('IsFinished 2 at the expiry boundary', async () => {
		emu.addOfficialAccount({ id: '@TOA#_exp', messages: { count: 100, expiredBelowSeq: 61 } });
		const pages = await walk('@TOA#_exp', 15);
		expect(pages.map((p) => p.IsFinished)).toEqual([1, 1, 2]);
		const seqs = pages.flatMap((p) => p.RspMsgList.map((m) => m.MsgSeq));
		expect(Math.min(...seqs)).toBe(61);
		expect(seqs).toHaveLength(40);
		const past = await ok(MSGS, { Official_Account: '@TOA#_exp', ReqMsgNumber: 5, LastMsgKey: '61_1_0' });
		expect(past).toMatchObject({ RspMsgList: [], IsFinished: 2, LastMsgKey: '' });
	});

	test('explicit message lists', async () => {
		emu.addOfficialAccount({
			id: '@TOA#_list',
			messages: [{ text: 'one' }, { text: 'two', MsgTimeStamp: 1700000000 }, { IsPlaceMsg: 2 }],
		});
		const r = await ok(MSGS, { Official_Account: '@TOA#_list', ReqMsgNumber: 10, WithRecalledMsg: 1 });
		expect(r.RspMsgList.map((m) => m.IsPlaceMsg)).toEqual([0, 0, 2]);
		expect(r.RspMsgList[1]).toMatchObject({ MsgKey: '2_1_1700000000', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'two' } }] });
	});

	test('errors: 10010, 10015, 10004', async () => {
		expect(await errorCode(MSGS, { Official_Account: '@TOA#_nope', ReqMsgNumber: 1 })).toBe(10010);
		expect(await errorCode(MSGS, { Official_Account: '', ReqMsgNumber: 1 })).toBe(10015);
		expect(await errorCode(MSGS, { Official_Account: OA, ReqMsgNumber: 0 })).toBe(10004);
		expect(await errorCode(MSGS, { Official_Account: OA, ReqMsgNumber: 2, LastMsgKey: 'abc' })).toBe(10004);
		expect(await errorCode(MSGS, { Official_Account: OA, ReqMsgNumber: 2, LastMsgKey: 71 })).toBe(10004);
	});
});
