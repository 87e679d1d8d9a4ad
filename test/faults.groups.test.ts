// Group members under faults, hostile cursors, persistent failures and odd answers.
import { useBackend, json } from './support/backend';

const NODE = 'tencentChatGroupMembers';
const FAULTS = { http502: 0.025, error20005: 0, error10002: 0.05, malformedJson: 0.025, rateLimited: 0.05 };
const getAll = (groupId: string, more = {}) => ({ resource: 'member', operation: 'getAll', groupId, returnAll: true, ...more });

const backend = useBackend({ fast: true });
beforeAll(() => {
	backend().emu.addGroup({ id: '@TGS#_COMMUNITY50K', type: 'Community', members: 50000 });
	backend().emu.addGroup({ id: '@TGS#2PUBLIC50K', type: 'Public', members: 50000 });
	backend().emu.addGroup({ id: '@TGS#2SMALL', type: 'Public', members: 300 });
});
beforeEach(() => {
	backend().emu.setOptions({ faults: { http502: 0, error20005: 0, error10002: 0, malformedJson: 0, rateLimited: 0, hang: 0 }, intercept: null });
	backend().emu.clearRequests();
});

test.each([
	['a Community group over Next', '@TGS#_COMMUNITY50K', 500],
	['a Public group over Offset', '@TGS#2PUBLIC50K', 500],
])('Return All under faults on %s: 50,000 members, none missing and none twice', async (_name, groupId, pages) => {
	backend().emu.setOptions({ faults: FAULTS, faultSeed: 5 });
	// One call in twenty refused as over the rate limit: the pacer slows down at each, so a run takes about 25 s.
	const { items, error } = await backend().run(NODE, getAll(groupId), [{}], { timeoutMs: 100_000 });
	expect(error).toBeUndefined();
	const accounts = json(items).map((member) => member.Member_Account);
	expect(new Set(accounts).size).toBe(50000);
	expect(accounts).toEqual(backend().emu.getMembers(groupId));
	const calls = backend().calls('get_group_member_info');
	const faulted = calls.filter((call) => call.fault).length;
	expect(faulted).toBeGreaterThan(20);
	expect(calls.length - faulted).toBe(pages);
}, 120000);

describe('hostile cursors', () => {
	test.each([
		['repeatNext', /Tencent sent the same cursor ".+" twice$/, 2],
		['emptyPagesForever', /Tencent sent 5 empty pages in a row with a cursor to continue$/, 7],
	] as const)('a Community group that sends %s', async (hostile, reason, maxCalls) => {
		backend().emu.addGroup({ id: `@TGS#_${hostile}`, type: 'Community', members: 500, hostile });
		const { error } = await backend().run(NODE, getAll(`@TGS#_${hostile}`));
		expect(error.message).toMatch(new RegExp(`^Stopped paging members of group "@TGS#_${hostile}" after page \\d+: ${reason.source}`));
		expect(backend().calls('get_group_member_info').length).toBeLessThanOrEqual(maxCalls);
	});
});

describe('persistent failure', () => {
	test('names the group, the page and the Tencent code, in bounded time', async () => {
		let calls = 0;
		backend().emu.setOptions({ intercept: () => (++calls > 1 ? { body: { ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: 'busy' } } : undefined) });
		const { error } = await backend().run(NODE, getAll('@TGS#2SMALL', { options: { pageSize: 100 } }));
		expect(error.message).toMatch(/^Could not get members of group "@TGS#2SMALL" \(page [23]\): Tencent reported an internal error \[Tencent error 10002\]$/);
		expect(backend().calls('get_group_member_info').length).toBeLessThanOrEqual(1 + 2 * 6);
	});

	test('with continueOnFail the failing group is an error item and the others succeed', async () => {
		backend().emu.setOptions({ intercept: (request) => (request.body.GroupId === '@TGS#2PUBLIC50K' ? { body: { ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: 'busy' } } : undefined) });
		const { items, error } = await backend().run(NODE, getAll('={{ $json.group }}', { returnAll: false, limit: 2 }), [{ group: '@TGS#2SMALL' }, { group: '@TGS#2PUBLIC50K' }, { group: '@TGS#2SMALL' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem.item, item.json.Member_Account ?? item.json.error])).toEqual([
			[0, backend().emu.getMembers('@TGS#2SMALL')[0]],
			[0, backend().emu.getMembers('@TGS#2SMALL')[1]],
			[1, 'Could not get members of group "@TGS#2PUBLIC50K" (page 1): Tencent reported an internal error [Tencent error 10002]'],
			[2, backend().emu.getMembers('@TGS#2SMALL')[0]],
			[2, backend().emu.getMembers('@TGS#2SMALL')[1]],
		]);
	});
});

describe('bad input and odd answers', () => {
	test.each([
		['a Page Size of 0', { pageSize: 0 }, 'Page Size must be a whole number of 1 or more, but is 0 in item 0'],
		['a negative Page Size', { pageSize: -10 }, 'Page Size must be a whole number of 1 or more, but is -10 in item 0'],
	])('%s is refused before any call', async (_name, options, message) => {
		const { error } = await backend().run(NODE, getAll('@TGS#2SMALL', { options }));
		expect(error.message).toBe(message);
		expect(backend().calls('get_group_member_info')).toHaveLength(0);
	});

	test('a whitespace group ID is refused before any call', async () => {
		const { error } = await backend().run(NODE, getAll('   '));
		expect(error.message).toBe('Group ID is empty in item 0');
		expect(backend().calls('get_group_member_info')).toHaveLength(0);
	});

	test('a member entry without Member_Account', async () => {
		backend().emu.setOptions({ intercept: () => ({ body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MemberNum: 2, MemberList: [{ Member_Account: 'a' }, { Role: 'Member' }] } }) });
		const { error } = await backend().run(NODE, getAll('@TGS#2SMALL'));
		expect(error.message).toBe('Tencent returned a MemberList that is not a list of members with Member_Account on page 1 of members of group "@TGS#2SMALL"');
	});

	test('an answer 10 times larger than asked for', async () => {
		const list = Array.from({ length: 1000 }, (_, index) => ({ Member_Account: `m${index}` }));
		backend().emu.setOptions({ intercept: () => ({ body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MemberNum: 5000, MemberList: list } }) });
		const { error } = await backend().run(NODE, getAll('@TGS#2SMALL'));
		expect(error.message).toBe('Tencent returned 1000 members on page 1 of members of group "@TGS#2SMALL", but at most 100 were asked for');
	});
});
