// What each example workflow (examples/*.json, run as it is with `n8n execute`) must give against the demo data
// set. The expected results come from test/support/examples.ts, which the engine tests use too.
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { DEMO } from '../config';
import { assertSubscriberPaging, batchSizes, ceilDiv, outputItems, outputJson, sortDesc } from '../workflows';
import type { Workflow } from '../workflows';
import {
	BROADCAST_TEXT, TIER_ERROR, archiveRows, archiveSeqs, broadcastBody, crmSyncChanges, demoSubscribers, onboardingAlreadyMembers, onboardingCalls,
	rosterMembers, rosterRows, sortedByMember, subscriberResults, subscriberRows, tierWrites,
} from '../../../test/support/examples';
import type { Customer } from '../../../test/support/examples';
import type { E2eCase, Emulator } from './types';

/** An example's expectations: an E2eCase without its name and workflow (those come from the file). */
export interface ExampleCase extends Omit<E2eCase, 'name' | 'workflow'> {
	what: string;
}

export function nodeOf(wf: Workflow, name: string): any {
	const node = wf.nodes.find((n) => n.name === name);
	assert.ok(node, `the example has no node "${name}" (the e2e check reads it)`);
	return node;
}

/** Runs a Code node's JavaScript (one that reads no input) outside n8n: its items, JSON-copied. */
function runCodeNodeAlone(node: any): any[] {
	const result = vm.runInNewContext(`(function () {\n${node.parameters.jsCode}\n})()`, {}, { timeout: 10000 });
	return JSON.parse(JSON.stringify(result));
}

/** The account an example's node works on, and its subscribers before the run. */
const subscribersBefore = (node: string) => async (emu: Emulator, wf: Workflow) => {
	const account = nodeOf(wf, node).parameters.officialAccount;
	return { account, initial: await emu.getSubscribers(account) };
};

/** The CRM contacts: the Code node's own logic, run here, and what n8n's Code node made. */
function crmContacts(res: any, wf: Workflow): string[] {
	const produced = outputJson(res.json, 'CRM Contacts');
	let expected: any[];
	try {
		expected = runCodeNodeAlone(nodeOf(wf, 'CRM Contacts')).map((i) => i.json);
	} catch (e: any) {
		throw new Error(`could not run the "CRM Contacts" code outside n8n (${e.message}); update this check`);
	}
	assert.deepEqual(produced, expected, 'n8n\'s Code node output differs from its code');
	const contacts = expected.map((c) => c.userId);
	assert.equal(new Set(contacts).size, contacts.length, 'contacts are distinct');
	return contacts;
}

const crmSync: ExampleCase = {
	what: 'CRM sync end to end: the subscribers become exactly the CRM contacts',
	before: subscribersBefore('Get Subscribers'),
	items: [{ node: 'Get Subscribers', pick: (i) => i.json.Subscriber_Account, equals: (ctx) => ctx.before.initial }],
	async check(res, ctx) {
		const { account, initial } = ctx.before;
		assert.equal(account, DEMO.officialAccountId);
		assert.equal(initial.length, 3000, 'the demo account starts with 3,000 subscribers');
		for (const name of ['Add Subscribers', 'Remove Subscribers']) {
			assert.equal(nodeOf(ctx.workflow as Workflow, name).parameters.officialAccount, account, `${name}: same official account`);
		}
		const contacts = crmContacts(res, ctx.workflow as Workflow);
		const app = DEMO.sdkAppId;
		const pages = ceilDiv(initial.length, 200);
		assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: account, app }), pages, 'Get Subscribers');
		// Adds and removes: exactly the differences, in batches of at most 100.
		const { toAdd, toRemove } = crmSyncChanges(initial, contacts);
		const adds = ctx.calls({ command: 'add_subscriber', id: account, app }).map((c) => c.body.SubscriberList.map((s: any) => s.Subscriber_Account));
		const dels = ctx.calls({ command: 'delete_subscriber', id: account, app }).map((c) => c.body.SubscriberToDel_Account);
		assert.deepEqual(sortDesc(adds.map((batch) => batch.length)), batchSizes(toAdd.length), 'add_subscriber batch sizes');
		assert.deepEqual(sortDesc(dels.map((batch) => batch.length)), batchSizes(toRemove.length), 'delete_subscriber batch sizes');
		assert.deepEqual(adds.flat().sort(), [...toAdd].sort(), 'added IDs (each once)');
		assert.deepEqual(dels.flat().sort(), [...toRemove].sort(), 'removed IDs (each once)');
		assert.deepEqual(outputJson(res.json, 'Add Subscribers'), subscriberResults(account, toAdd, 'added'));
		assert.deepEqual(outputJson(res.json, 'Remove Subscribers'), subscriberResults(account, toRemove, 'removed'));
		assert.equal(ctx.calls({ app }).length, adds.length + dels.length + pages, 'no other calls');
		// The final subscriber set is exactly the CRM contacts.
		const final = await ctx.emu.getSubscribers(account);
		assert.equal(final.length, contacts.length, 'final subscriber count');
		assert.deepEqual([...final].sort(), [...contacts].sort(), 'final subscribers = CRM contacts');
		return `${contacts.length} contacts, ${initial.length} subscribers: ${pages} pages, add batches [${adds.map((b) => b.length)}], delete batches [${dels.map((b) => b.length)}]`;
	},
};

const subscriberExport: ExampleCase = {
	what: `Return All over the ${(3000).toLocaleString('en')} subscribers of the demo account, rows in order`,
	before: subscribersBefore('Get All Subscribers'),
	items: [
		{ node: 'Get All Subscribers', pick: (i) => i.json.Subscriber_Account, equals: (ctx) => ctx.before.initial },
		{ node: 'Subscriber Rows', equals: (ctx) => subscriberRows(demoSubscribers(ctx.before.account)) },
	],
	check(res, ctx) {
		const { account, initial } = ctx.before;
		assert.equal(initial.length, 3000);
		assertSubscriberPaging(ctx.calls({ command: 'get_subscriber_info', id: account, app: DEMO.sdkAppId }), ceilDiv(initial.length, 200), 'export');
		return `${outputItems(res.json, 'Subscriber Rows').length} rows, ${ceilDiv(initial.length, 200)} calls`;
	},
};

const groupRoster: ExampleCase = {
	what: 'Community group roster over Next: every member, custom fields flattened',
	async before(emu, wf) {
		const groupId = nodeOf(wf, 'Get Members').parameters.groupId;
		return { groupId, members: await emu.getMembers(groupId, { full: true }) };
	},
	items: [
		{ node: 'Get Members', equals: (ctx) => rosterMembers(ctx.before.members) },
		{ node: 'Roster Rows', equals: (ctx) => rosterRows(ctx.before.members) },
	],
	check(res, ctx) {
		const { groupId, members } = ctx.before;
		assert.equal(groupId, DEMO.communityGroupId);
		assert.equal(members.length, 1234);
		const calls = ctx.calls({ command: 'get_group_member_info', id: groupId, app: DEMO.sdkAppId });
		assert.equal(calls.length, ceilDiv(members.length, 100), 'calls');
		assert.equal(calls[0].body.Next, '');
		assert.ok(calls.every((c) => c.body.Limit === 100 && c.body.Offset === undefined), 'pages of 100 over Next');
		assert.ok(calls.slice(1).every((c) => typeof c.body.Next === 'string' && c.body.Next !== ''), 'Next cursors');
		assert.deepEqual(calls[0].body.AppDefinedDataFilter_GroupMember, ['Level', 'Team']);
		return `${members.length} members in ${calls.length} calls`;
	},
};

const messageArchive: ExampleCase = {
	what: 'message archive: every message with text, newest first',
	before: (emu, wf) => ({ account: nodeOf(wf, 'Get Message History').parameters.officialAccount }),
	items: [
		{ node: 'Get Message History', pick: (i) => i.json.MsgSeq, equals: (ctx) => archiveSeqs(ctx.before.account) },
		{ node: 'Has Text?', output: 1, equals: [] }, // no message without text
		{ node: 'Archive Rows', equals: (ctx) => archiveRows(ctx.before.account) },
	],
	check(res, ctx) {
		const { account } = ctx.before;
		const spec = DEMO.officialAccounts.find((a: any) => a.id === account);
		assert.ok(spec, `${account} is not in the demo data set`);
		const { count, recalled } = spec.messages;
		const rows = outputJson(res.json, 'Archive Rows');
		assert.ok(rows.length > 0 && rows.every((r) => typeof r.text === 'string' && r.text !== ''), 'every row has text');
		const calls = ctx.calls({ command: 'official_account_msg_get_simple', id: account, app: DEMO.sdkAppId });
		assert.equal(calls.length, ceilDiv(count - recalled.length, 20), 'calls (20 a page, recalled ones skipped by the server)');
		return `${rows.length} rows with text in ${calls.length} calls`;
	},
};

const crmTierSync: ExampleCase = {
	what: 'CRM tier sync: each follower gets tier:<tier> as Custom Data, the one who does not follow is an error item',
	before: (emu, wf) => ({ account: nodeOf(wf, 'Write Tier').parameters.officialAccount }),
	check(res, ctx) {
		const { account } = ctx.before;
		const written = outputJson(res.json, 'Write Tier');
		assert.deepEqual(written.slice(0, 20), tierWrites(account), 'Write Tier: the followers');
		assert.equal(written.length, 21, 'Write Tier: items');
		assert.match(written[20].error, TIER_ERROR);
		const calls = ctx.calls({ command: 'modify_subscriber_info', id: account, app: DEMO.sdkAppId, expectOk: false });
		// Update runs items concurrently: the calls may arrive in any order.
		assert.deepEqual(calls.map((c) => c.errorCode || 0).sort((a, b) => a - b), [...Array(20).fill(0), 6017], 'modify_subscriber_info calls');
		return `${written.length - 1} tiers written, 1 error item`;
	},
};

const groupOnboarding: ExampleCase = {
	what: 'group onboarding: the CRM customers added in one call, 2 already members, each with its name card',
	check(res, ctx) {
		const group = DEMO.communityGroupId;
		const customers: Customer[] = outputJson(res.json, 'CRM Customers');
		assert.equal(customers.length, 42, 'CRM Customers: items');
		const expected = onboardingCalls(group, customers);
		assert.deepEqual(ctx.calls({ command: 'add_group_member', id: group, app: DEMO.sdkAppId }).map((c) => c.body), expected.add, 'add_group_member calls');
		const added = outputJson(res.json, 'Add to Community Group');
		assert.equal(added.filter((a) => a.result === 'added').length, 40, 'Add: added');
		assert.deepEqual(added.slice(40), onboardingAlreadyMembers(group), 'Add: already members');
		// Update runs items concurrently: the calls may arrive in any order.
		const updates = ctx.calls({ command: 'modify_group_member_info', id: group, app: DEMO.sdkAppId }).map((c) => c.body);
		assert.deepEqual(sortedByMember(updates), expected.updates, 'modify_group_member_info calls');
		return `${added.length} customers: 1 add call, ${updates.length} name cards`;
	},
};

const weeklyBroadcast: ExampleCase = {
	what: "weekly broadcast: one send with this week's text, its message key in the output",
	check(res, ctx) {
		const account = DEMO.officialAccountId;
		const [text] = outputJson(res.json, "This Week's Message").map((message) => message.text);
		assert.match(text, BROADCAST_TEXT);
		const sends = ctx.calls({ command: 'send_official_account_msg', id: account, app: DEMO.sdkAppId });
		assert.equal(sends.length, 1, 'one send');
		const { Random, ...body } = sends[0].body;
		assert.ok(Number.isInteger(Random), 'Random: a whole number');
		assert.deepEqual(body, broadcastBody(account, text), 'send_official_account_msg body');
		const [sent] = outputJson(res.json, 'Send Broadcast');
		assert.equal(sent.officialAccount, account);
		assert.match(String(sent.msgKey), /\S/, 'Send Broadcast: msgKey');
		return `sent "${text.slice(0, 30)}…" as ${sent.msgKey}`;
	},
};

/** By example file name (without .json); the trigger examples run in the trigger cases. */
export const EXAMPLE_CASES: Record<string, ExampleCase> = {
	'crm-sync': crmSync,
	'subscriber-export': subscriberExport,
	'group-roster': groupRoster,
	'message-archive': messageArchive,
	'crm-tier-sync': crmTierSync,
	'group-onboarding': groupOnboarding,
	'weekly-broadcast': weeklyBroadcast,
};
