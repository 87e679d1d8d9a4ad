// add_subscriber / delete_subscriber: per-item Results, limits, and what the subscriber list shows after.

import { SUBS, ADD, DEL, OA, useDemoEmulator } from './helpers';

const demo = useDemoEmulator();
const { ok, fails: errorCode } = demo;

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
		const subs = demo.emu.getSubscribers(OA);
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
		demo.emu.addOfficialAccount({ id: '@TOA#_small', subscribers: 8, maxSubscribers: 10 });
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
		expect(demo.emu.getSubscribers(OA)).not.toContain('user000002');
		expect(await errorCode(DEL, { Official_Account: OA, SubscriberToDel_Account: [] })).toBe(6017);
		const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
		expect(await errorCode(DEL, { Official_Account: OA, SubscriberToDel_Account: many })).toBe(6017);
		// Re-adding a deleted subscriber puts it at the end.
		await ok(ADD, { Official_Account: OA, SubscriberList: [{ Subscriber_Account: 'user000002' }] });
		const subs = demo.emu.getSubscribers(OA);
		expect(subs[subs.length - 1]).toBe('user000002');
	});
});

