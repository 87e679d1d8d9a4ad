// get_subscriber_info: the documented fields, Next paging over large and changing lists, cursors, hostile modes.

import { encodeNext, handler } from '../../emulator/apis/get_subscriber_info';
import type { ApiContext } from '../../emulator/apis/types';
import { subscriberId } from '../../emulator/datasets';
import { DEMO, SUBS, ADD, DEL, OA, useDemoEmulator } from './helpers';

const demo = useDemoEmulator();
const { ok, fails: errorCode } = demo;

async function allSubscribers(account: string, limit: number, onPage?: (page: number, r: any) => unknown) {
	const ids: string[] = [];
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
		expect(ids).toEqual(demo.emu.getSubscribers(OA));
		expect(new Set(ids).size).toBe(3000);
	});

	test('pages with a remainder, and Limit absent returns all', async () => {
		demo.emu.addOfficialAccount({ id: '@TOA#_odd', subscribers: 1001 });
		const { ids, pages } = await allSubscribers('@TOA#_odd', 200);
		expect(pages).toBe(6);
		expect(ids[1000]).toBe('user001001');
		const all = await ok(SUBS, { Official_Account: '@TOA#_odd', Next: '' });
		expect(all.SubscriberList).toHaveLength(1001);
		expect(all.Next).toBe('');
		const empty = demo.emu.addOfficialAccount({ id: '@TOA#_empty', subscribers: [] });
		expect(empty.subscriberNum).toBe(0);
		expect(await ok(SUBS, { Official_Account: '@TOA#_empty', Limit: 10, Next: '' })).toMatchObject({ Next: '', SubscriberNum: 0, SubscriberList: [] });
	});

	test('explicit subscriber arrays keep their order and fields', async () => {
		demo.emu.addOfficialAccount({ id: '@TOA#_x', subscribers: ['b', { Subscriber_Account: 'a', CustomString: 'vip', SubscribeTime: 5 }] });
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
		demo.emu.addOfficialAccount({ id: '@TOA#_other', subscribers: 10 });
		const foreign = (await ok(SUBS, { Official_Account: '@TOA#_other', Limit: 5, Next: '' })).Next;
		expect(await errorCode(SUBS, { Official_Account: OA, Limit: 10, Next: foreign })).toBe(6017);
	});

	test('unknown account 130004, empty id 130007, service off 131000', async () => {
		expect(await errorCode(SUBS, { Official_Account: '@TOA#_nope', Next: '' })).toBe(130004);
		expect(await errorCode(SUBS, { Official_Account: '', Next: '' })).toBe(130007);
		expect(await errorCode(SUBS, { Next: '' })).toBe(6017);
		demo.emu.addApp({ ...DEMO, officialAccountService: false });
		expect(await errorCode(SUBS, { Official_Account: OA, Next: '' })).toBe(131000);
	});

	test('Next stays correct while subscribers are added and deleted mid-walk', async () => {
		const before = demo.emu.getSubscribers(OA);
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
		demo.emu.addOfficialAccount({ id: '@TOA#_big', subscribers: 780031 });
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
		const ids = demo.emu.getSubscribers('@TOA#_big');
		expect(ids).toHaveLength(780031);
		expect(ids[780030]).toBe('user780031');
	});

	test('780,031 subscribers: every Next page in order to the end (handler, no HTTP)', () => {
		demo.emu.addOfficialAccount({ id: '@TOA#_big', subscribers: 780031 });
		const app = demo.emu.state.getApp(DEMO.sdkAppId);
		let next = '';
		let seen = 0;
		let pages = 0;
		do {
			const r = handler({ body: { Official_Account: '@TOA#_big', Limit: 200, Next: next }, app, state: demo.emu.state } as ApiContext);
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
		demo.emu.addOfficialAccount({ id: '@TOA#_loop', subscribers: 500, hostile: 'repeatNext' });
		const p1 = await ok(SUBS, { Official_Account: '@TOA#_loop', Limit: 100, Next: '' });
		const p2 = await ok(SUBS, { Official_Account: '@TOA#_loop', Limit: 100, Next: p1.Next });
		const p3 = await ok(SUBS, { Official_Account: '@TOA#_loop', Limit: 100, Next: p2.Next });
		expect(p2.Next).toBe(p1.Next);
		expect(p3.Next).toBe(p1.Next);
		expect(p3.SubscriberList).toEqual(p2.SubscriberList);

		demo.emu.addOfficialAccount({ id: '@TOA#_void', subscribers: 500, hostile: 'emptyPagesForever' });
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

