// official_account_msg_get_simple: history pages newest first, holes, recalled messages, expiry, errors.

import { datasets } from '../../emulator';
import { MSGS, OA, useDemoEmulator } from './helpers';

const demo = useDemoEmulator();
const { ok, fails: errorCode } = demo;

describe('official_account_msg_get_simple', () => {
	const { holes, recalled } = datasets.demo.officialAccounts[0].messages;

	async function walk(account: string, req: number, extra = {}) {
		const pages: any[] = [];
		let key: string | undefined;
		for (;;) {
			const body: Record<string, unknown> = { Official_Account: account, ReqMsgNumber: req, ...extra };
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
		demo.emu.addOfficialAccount({ id: '@TOA#_exp', messages: { count: 100, expiredBelowSeq: 61 } });
		const pages = await walk('@TOA#_exp', 15);
		expect(pages.map((p) => p.IsFinished)).toEqual([1, 1, 2]);
		const seqs = pages.flatMap((p) => p.RspMsgList.map((m) => m.MsgSeq));
		expect(Math.min(...seqs)).toBe(61);
		expect(seqs).toHaveLength(40);
		const past = await ok(MSGS, { Official_Account: '@TOA#_exp', ReqMsgNumber: 5, LastMsgKey: '61_1_0' });
		expect(past).toMatchObject({ RspMsgList: [], IsFinished: 2, LastMsgKey: '' });
	});

	test('explicit message lists', async () => {
		demo.emu.addOfficialAccount({
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
