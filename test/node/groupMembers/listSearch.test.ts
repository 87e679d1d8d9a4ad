// The Group picker (methods.listSearch.searchGroups), called as n8n calls it: this = ILoadOptionsFunctions,
// (filter, paginationToken). Pages of get_appid_group_list (1 call a second), named through get_group_info (50 a call).
import { APP } from '../../support/backend';
import { startGroupBackend, loadOptionsContext, nodeClass } from '../../support/groupMembers';
import type { GroupBackend } from '../../support/groupMembers';

const search = (backend: GroupBackend, filter?: string, token?: string) => nodeClass().methods.listSearch.searchGroups.call(loadOptionsContext(backend.credentials), filter, token);

describe('a 20,000-group app', () => {
	let backend: GroupBackend;
	beforeAll(async () => {
		backend = await startGroupBackend([], { latencyMs: 50 });
		backend.emu.addApp({ ...APP, generatedGroups: { count: 20000, types: ['Public', 'Community', 'Work'] } });
	});
	afterAll(async () => backend.close());

	test('the first page: 100 groups as "name (ID)" in under 2 s, 1 list call and 2 name calls of 50', async () => {
		const started = Date.now();
		const page = await search(backend);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(page.results).toHaveLength(100);
		expect(page.paginationToken).toBe('100');
		expect(page.results[0]).toEqual({ name: expect.stringMatching(/^[A-Z]\w+ [A-Z]\w+ 1 \(@TGS#GEN000001\)$/), value: '@TGS#GEN000001' });
		expect(page.results[1].value).toBe('@TGS#_GEN000002');
		expect(backend.calls('get_appid_group_list').map((c) => c.body)).toEqual([{ Limit: 100, Next: 0 }]);
		const named = backend.calls('get_group_info').map((c) => c.body);
		expect(named.map((b) => b.GroupIdList.length)).toEqual([50, 50]);
		expect(named[0].ResponseFilter).toEqual({ GroupBaseInfoFilter: ['Name'] });
		// The names are Tencent's: the same as get_group_info gives for the ID.
		const info = await backend.emu.state!.findGroup(APP.sdkAppId, '@TGS#_GEN000002');
		expect(page.results[1].name).toBe(`${info?.name} (@TGS#_GEN000002)`);
	});

	test('the token pages on, one list call a second, never rate-limited', async () => {
		backend.emu.clearRequests();
		const second = await search(backend, undefined, '100');
		const third = await search(backend, undefined, second.paginationToken);
		expect(second.results[0].value).toBe('@TGS#_GEN000101'); // 100 % 3 = 1: Community
		expect(third.results[0].value).toBe('@TGS#GEN000201');
		expect(third.paginationToken).toBe('300');
		const list = backend.calls('get_appid_group_list');
		expect(list.map((c) => c.body.Next)).toEqual([100, 200]);
		expect(list.every((c) => c.errorCode === 0)).toBe(true);
		expect(list[1].time - list[0].time).toBeGreaterThanOrEqual(900);
	});
});

describe('search', () => {
	let backend: GroupBackend;
	beforeAll(async () => {
		backend = await startGroupBackend();
		backend.emu.addApp({ ...APP, generatedGroups: { count: 2500 } });
		backend.emu.addGroup({ id: '@TGS#2SUPPORT', type: 'Public', name: 'Customer Support Lounge' });
	});
	afterAll(async () => backend.close());
	beforeEach(() => backend.emu.clearRequests());

	test('a name found only at the end: the search reads on, page by page, and ends without a token', async () => {
		const page = await search(backend, 'support LOUNGE');
		expect(page).toEqual({ results: [{ name: 'Customer Support Lounge (@TGS#2SUPPORT)', value: '@TGS#2SUPPORT' }], paginationToken: undefined });
		expect(backend.calls('get_appid_group_list').map((c) => c.body)).toEqual([
			{ Limit: 1000, Next: 0 },
			{ Limit: 1000, Next: 1000 },
			{ Limit: 1000, Next: 2000 },
		]);
		expect(backend.calls('get_group_info')).toHaveLength(51); // 2,501 groups, 50 a call
	});

	test('part of an ID matches, case-insensitive; the search reads to the end', async () => {
		const page = await search(backend, 'gen00000');
		expect(page.results.map((r) => r.value)).toEqual(Array.from({ length: 9 }, (_, i) => `@TGS#GEN00000${i + 1}`));
	});

	test('a common word: stops once 20 matched and hands n8n the token to read on', async () => {
		const first = await search(backend, 'otters');
		expect(first.results.length).toBeGreaterThanOrEqual(20);
		expect(first.results.every((r) => /otters/i.test(r.name))).toBe(true);
		expect(first.paginationToken).toBe('1000');
		const next = await search(backend, 'otters', first.paginationToken);
		expect(next.results.every((r) => /otters/i.test(r.name))).toBe(true);
		expect(next.results[0].value > first.results[first.results.length - 1].value).toBe(true);
		const list = backend.calls('get_appid_group_list');
		expect(list.map((c) => [c.body.Next, c.errorCode])).toEqual([[0, 0], [1000, 0]]);
	});
});
