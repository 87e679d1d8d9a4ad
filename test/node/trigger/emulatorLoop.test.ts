// The whole loop in one process: one workflow adds subscribers through the Official Account node, the emulator
// posts its real, signed callbacks over HTTP, and another workflow, started by the trigger, receives them.
import { useBackend, APP } from '../../support/backend';
import { startTriggerServer } from '../../support/triggerServer';
import type { TriggerServer } from '../../support/triggerServer';
import { TOKEN, triggerCredentials, triggerWorkflow, emitted } from '../../support/trigger';

const OA = '@TOA#_loop';
const BEFORE = 'OfficialAccount.CallbackBeforeAddSubscriber';
const AFTER = 'OfficialAccount.CallbackAfterAddSubscriber';
const GROUP = '@TGS#loop';
const backend = useBackend({ emulator: { officialAccounts: [{ id: OA, subscribers: ['old1'] }], groups: [{ id: GROUP, type: 'Public', members: [{ Member_Account: 'owner', Role: 'Owner' }] }] } });

let server: TriggerServer;
beforeAll(async () => {
	server = await startTriggerServer({ workflow: triggerWorkflow({ events: [AFTER], options: { splitAccounts: true } }), credentials: { 'cred-1': triggerCredentials() } });
});
afterAll(() => server?.close());
beforeEach(() => {
	const { emu } = backend();
	emu.reset();
	emu.setOptions({ callbackUrl: server.url, callbackToken: TOKEN });
	server.calls.length = 0;
});

const addSubscribers = (ids: string[], options = {}) =>
	backend().run('tencentChatOfficialAccount', { resource: 'subscriber', operation: 'add', officialAccount: OA, idSource: 'field', idField: 'userId' }, ids.map((userId) => ({ userId })), options);

test('subscribers added in Tencent reach the triggered workflow, one item per new subscriber', async () => {
	const { items, error } = await addSubscribers(['n1', 'old1', 'n2']);
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.result)).toEqual(['added', 'alreadySubscribed', 'added']);
	await backend().emu.callbacksIdle();
	// Before (not selected: answered OK, no run) and After (one run).
	expect(server.calls.map((c) => [c.status, c.started])).toEqual([[200, false], [200, true]]);
	const [run] = server.executions();
	expect(emitted(run).map((j) => [j.event, j.account, j.Official_Account, j.sdkAppId])).toEqual([
		[AFTER, 'n1', OA, APP.sdkAppId],
		[AFTER, 'n2', OA, APP.sdkAppId],
	]);
	expect(backend().emu.callbackLog().map((e) => e.reply)).toEqual([
		{ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
		{ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
	]);
});

test('a Before event refused by the workflow leaves the emulator\'s state unchanged', async () => {
	server.setWorkflow(triggerWorkflow({ events: [BEFORE], options: { beforeEventReply: 'workflow' }, values: { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'closed' } }));
	try {
		const { items } = await addSubscribers(['n3']);
		expect(items.map((i) => i.json.resultCode)).toEqual([0]);
		await backend().emu.callbacksIdle();
		expect(backend().emu.getSubscribers(OA)).toEqual(['old1']);
		expect(server.calls).toHaveLength(1); // no After callback: nothing was added
		expect(backend().emu.callbackLog()[0].reply).toMatchObject({ ErrorCode: 1, ErrorInfo: 'closed' });
	} finally {
		server.setWorkflow(triggerWorkflow({ events: [AFTER], options: { splitAccounts: true } }));
	}
});

test('a callback signed with another token is refused with 401 and starts nothing', async () => {
	backend().emu.setOptions({ callbackToken: 'not-the-console-token' });
	await addSubscribers(['n4']);
	await backend().emu.callbacksIdle();
	expect(server.calls.map((c) => [c.status, c.started])).toEqual([[401, false], [401, false]]);
	// Tencent goes ahead when a Before callback fails; the emulator does the same.
	expect(backend().emu.getSubscribers(OA)).toContain('n4');
});

test('members added with the Group Members node reach a trigger on Member Joined, one item per member', async () => {
	server.setWorkflow(triggerWorkflow({ events: ['Group.CallbackAfterNewMemberJoin'], options: { splitAccounts: true } }));
	try {
		const { items, error } = await backend().run(
			'tencentChatGroupMembers',
			{ resource: 'member', operation: 'add', groupId: { __rl: true, mode: 'id', value: GROUP }, memberAccounts: 'g1, g2' },
			[{}],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		await backend().emu.callbacksIdle();
		const [run] = server.executions();
		expect(emitted(run).map((j) => [j.event, j.GroupId, j.account, j.JoinType])).toEqual([
			['Group.CallbackAfterNewMemberJoin', GROUP, 'g1', 'Invited'],
			['Group.CallbackAfterNewMemberJoin', GROUP, 'g2', 'Invited'],
		]);
	} finally {
		server.setWorkflow(triggerWorkflow({ events: [AFTER], options: { splitAccounts: true } }));
	}
});
