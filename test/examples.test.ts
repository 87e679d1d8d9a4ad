// The workflows in examples/ -- the files users import and `npm run demo` runs --
// through n8n's engine with n8n's own nodes (n8n-nodes-base, the Code node in an
// in-process task runner), against the emulator's `demo` data set. Each test
// starts from the fresh data set and asserts exact results and API calls.
import fs from 'node:fs';
import path from 'node:path';
import { CORE_NODES } from './harness';
import { useDemoExamples } from './support/demoExamples';
import {
	EXAMPLES_DIR, archiveRows, archiveSeqs, crmSyncChanges, demo, demoSubscribers, example, json, range, rosterMembers, rosterRows, subscriberResults, subscriberRows, userId,
} from './support/examples';

const CREDENTIAL = { id: 'tencent-chat-demo', name: 'Tencent Cloud Chat API' };
const ACCOUNT = demo.officialAccountId; // @TOA#_demo_news: 3,000 subscribers, user000001..user003000
const COMMUNITY = demo.communityGroupId; // 1,234 members, custom fields Level and Team

const ctx = useDemoExamples();
const { runExample, calls, commands } = ctx;

// Started by Tencent's callbacks (the Tencent Chat Trigger), not by hand: test/node/trigger/examples.test.js runs them.
const TRIGGERED = ['new-subscriber-to-crm.json', 'subscriber-guard.json'];

test('every example is importable as is: known node types, the demo credential, a Manual Trigger or the Tencent Chat Trigger', () => {
	const files = fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	expect(files.sort()).toEqual(['crm-sync.json', 'crm-tier-sync.json', 'group-onboarding.json', 'group-roster.json', 'message-archive.json', 'new-subscriber-to-crm.json', 'subscriber-export.json', 'subscriber-guard.json', 'weekly-broadcast.json']);
	for (const file of files) {
		const workflow = example(path.basename(file, '.json'));
		expect(workflow.name).toMatch(/^Tencent Chat: /);
		const names = workflow.nodes.map((node: any) => node.name);
		expect(new Set(names).size).toBe(names.length);
		for (const node of workflow.nodes) {
			const [pkg, type] = node.type.split('.');
			if (pkg === 'n8n-nodes-base') expect(CORE_NODES).toContain(type);
			else expect(pkg).toBe('n8n-nodes-tencent-chat');
			expect(() => ctx.harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion)).not.toThrow();
			if (pkg === 'n8n-nodes-tencent-chat') expect(node.credentials).toEqual({ tencentCloudChatApi: CREDENTIAL });
		}
		for (const [from, { main }] of Object.entries<any>(workflow.connections)) {
			expect(names).toContain(from);
			for (const target of main.flat()) expect(names).toContain(target.node);
		}
		// One Manual Trigger, so the editor's button and `n8n execute` can run it; or one Tencent Chat Trigger.
		const starter = TRIGGERED.includes(file) ? 'n8n-nodes-tencent-chat.tencentChatTrigger' : 'n8n-nodes-base.manualTrigger';
		expect(workflow.nodes.filter((node: any) => node.type === starter)).toHaveLength(1);
		if (TRIGGERED.includes(file)) expect(workflow.nodes.find((node: any) => node.type === starter).webhookId).toMatch(/^[0-9a-f-]{36}$/);
	}
});

test('CRM sync: the subscribers become exactly the CRM contacts, in batches of 100', async () => {
	const result = await runExample('crm-sync');

	// CRM Contacts (Code node): user000101..user003150; the account has user000001..user003000.
	const contacts = json(result.items('CRM Contacts')).map((contact) => contact.userId);
	expect(contacts).toEqual(range(101, 3150).map(userId));
	expect(result.items('Get Subscribers')).toHaveLength(3000);
	const compare = result.run.data.resultData.runData['Compare Datasets'][0].data.main;
	expect(compare.map((output) => output.length)).toEqual([150, 0, 2900, 100]); // In A only, Same, Different, In B only

	// The emulator's final subscriber set is the CRM's contact list.
	expect([...ctx.emu.getSubscribers(ACCOUNT)].sort()).toEqual([...contacts].sort());

	const { toAdd, toRemove } = crmSyncChanges(demoSubscribers().map((subscriber) => subscriber.Subscriber_Account), contacts);
	expect(toAdd).toEqual(range(3001, 3150).map(userId));
	expect(toRemove).toEqual(range(1, 100).map(userId));
	expect(json(result.items('Add Subscribers'))).toEqual(subscriberResults(ACCOUNT, toAdd, 'added'));
	expect(json(result.items('Remove Subscribers'))).toEqual(subscriberResults(ACCOUNT, toRemove, 'removed'));

	// Calls: 15 pages of 200 over Next, then 2 add batches (100 + 50) and 1 delete batch (100).
	expect(commands()).toEqual(['add_subscriber', 'delete_subscriber', 'get_subscriber_info']);
	const pages = calls('get_subscriber_info');
	expect(pages).toHaveLength(15);
	expect(pages.map((page) => page.body.Limit)).toEqual(Array(15).fill(200));
	expect(pages[0].body.Next ?? '').toBe('');
	expect(pages.slice(1).every((page) => typeof page.body.Next === 'string' && page.body.Next !== '')).toBe(true);
	const adds = calls('add_subscriber').map((call) => call.body.SubscriberList);
	expect(adds.map((batch) => batch.length)).toEqual([100, 50]);
	expect(adds.flat().every((entry) => Object.keys(entry).join() === 'Subscriber_Account')).toBe(true); // [{ Subscriber_Account }]
	expect(adds.flat().map((entry) => entry.Subscriber_Account)).toEqual(toAdd);
	const deletes = calls('delete_subscriber').map((call) => call.body.SubscriberToDel_Account);
	expect(deletes.map((batch) => batch.length)).toEqual([100]);
	expect(deletes.flat()).toEqual(toRemove); // plain IDs
	expect(ctx.emu.requests().every((request) => request.status === 200 && !request.errorCode)).toBe(true);
});

test('subscriber export: one row per subscriber, in Tencent order, from 15 pages', async () => {
	const result = await runExample('subscriber-export');
	const rows = json(result.items('Subscriber Rows'));
	expect(rows).toHaveLength(3000);
	expect(rows).toEqual(subscriberRows(demoSubscribers(ACCOUNT)));
	expect(rows[0]).toMatchObject({ userId: 'user000001', subscribedAt: expect.stringMatching(/^2023-11-01T/) });
	expect(new Set(rows.map((row) => row.notifications))).toEqual(new Set(['AcceptAndNotify', 'AcceptNotNotify', 'Discard']));
	expect(rows.some((row) => row.customString.startsWith('tier:'))).toBe(true);
	expect(commands()).toEqual(['get_subscriber_info']);
	expect(calls('get_subscriber_info')).toHaveLength(15);
});

test('group roster: 1,234 Community members over Next in 13 calls, custom fields flattened', async () => {
	const result = await runExample('group-roster');
	const members = json(result.items('Get Members'));
	const expected = ctx.emu.getMembers(COMMUNITY, { full: true });
	expect(expected).toHaveLength(1234);
	// Fields asked for: Role, NameCard, JoinTime (Member_Account always); custom fields flattened.
	expect(members).toEqual(rosterMembers(expected));
	expect(Object.keys(members[0].customFields)).toEqual(['Level', 'Team']);

	const rows = json(result.items('Roster Rows'));
	expect(rows).toHaveLength(1234);
	expect(rows).toEqual(rosterRows(expected));
	expect(rows[0]).toMatchObject({ member: 'member000001', role: 'Owner' });
	expect(rows.every((row) => row.level !== '' && row.team !== '')).toBe(true);

	expect(commands()).toEqual(['get_group_member_info']);
	const pages = calls('get_group_member_info');
	expect(pages).toHaveLength(13);
	expect(pages.every((page) => page.body.GroupId === COMMUNITY && page.body.Limit === 100 && page.body.Offset === undefined)).toBe(true);
	expect(pages[0].body.Next).toBe('');
	expect(pages.slice(1).every((page) => page.body.Next !== '')).toBe(true);
	expect(pages[0].body.AppDefinedDataFilter_GroupMember).toEqual(['Level', 'Team']);
});

test('message archive: every message with text, newest first, without holes and recalled ones', async () => {
	const result = await runExample('message-archive');
	const left = archiveSeqs(ACCOUNT);
	expect(left).toHaveLength(228);

	const messages = json(result.items('Get Message History'));
	expect(messages.map((message) => message.MsgSeq)).toEqual(left);
	expect(result.run.data.resultData.runData['Has Text?'][0].data.main.map((output) => output.length)).toEqual([228, 0]);

	const rows = json(result.items('Archive Rows'));
	expect(rows).toEqual(archiveRows(ACCOUNT));
	expect(rows[0]).toMatchObject({ seq: 240, text: expect.stringMatching(/^News #240: update \d+$/) });

	expect(commands()).toEqual(['official_account_msg_get_simple']);
	const pages = calls('official_account_msg_get_simple');
	expect(pages).toHaveLength(12);
	expect(pages[0].body.LastMsgKey ?? '').toBe('');
	expect(pages.slice(1).every((page) => /^\d+_1_\d+$/.test(page.body.LastMsgKey))).toBe(true);
});
