// What each example is about, for `npm run demo`'s report: a line before the run's figures and its outcome.
import { fmt } from './format';
import type { DemoRun, SamplePart } from './report';

export interface Story {
	what: (run: DemoRun) => string;
	outcome?: (run: DemoRun) => string;
	sample?: SamplePart[];
}

const items = (run: DemoRun, node: string): any[] => (run.result.ran(node) ? run.result.items(node) : []);

/** How many items of a node's output have each value of a field: "40 added, 2 alreadyMember". */
function countBy(list: any[], field: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { json } of list) counts[json[field]] = (counts[json[field]] ?? 0) + 1;
	return counts;
}

function crmSyncOutcome(run: DemoRun): string {
	const contacts = items(run, 'CRM Contacts').map((i) => i.json.userId);
	const after = new Set(run.emu.getSubscribers(run.demo.officialAccountId));
	const same = after.size === contacts.length && contacts.every((id) => after.has(id));
	const added = items(run, 'Add Subscribers').length;
	const removed = items(run, 'Remove Subscribers').length;
	return (
		`${fmt(run.before.length)} -> ${fmt(after.size)} subscribers (+${fmt(added)} added, -${fmt(removed)} removed, ` +
		`${fmt(contacts.length - added)} already subscribed left alone): ` +
		(same ? `exactly the ${fmt(contacts.length)} CRM contacts` : 'NOT equal to the CRM contacts')
	);
}

function rosterOutcome(run: DemoRun): string {
	const roles = countBy(items(run, 'Get Members'), 'Role');
	const counts = ['Owner', 'Admin', 'Member'].filter((role) => roles[role]).map((role) => `${fmt(roles[role])} ${role}`);
	return `${fmt(items(run, 'Roster Rows').length)} roster rows (${counts.join(', ')}), custom fields Level and Team flattened`;
}

function archiveOutcome(run: DemoRun): string {
	const rows = items(run, 'Archive Rows');
	const { count } = run.demo.officialAccounts[0].messages;
	return (
		`${fmt(rows.length)} messages with text, seq ${rows[0]?.json.seq} down to ${rows.at(-1)?.json.seq}; ` +
		`${fmt(count - items(run, 'Get Message History').length)} of ${fmt(count)} left out (deleted or recalled)`
	);
}

export const STORIES: Record<string, Story> = {
	'crm-sync': {
		what: ({ demo }) => `keep ${demo.officialAccountId}'s subscribers equal to the CRM contacts (matched on userId = Subscriber_Account)`,
		outcome: crmSyncOutcome,
		sample: [
			{ node: 'Add Subscribers', rows: 2 },
			{ node: 'Remove Subscribers', rows: 2 },
		],
	},
	'subscriber-export': {
		what: ({ demo }) => `read every subscriber of ${demo.officialAccountId} (200 per call over Next) into export rows`,
		outcome: (run) => `${fmt(items(run, 'Subscriber Rows').length)} rows, one per subscriber (after the CRM sync above)`,
	},
	'group-roster': {
		what: ({ demo }) => `list every member of the Community group ${demo.communityGroupId} (100 per call over Next)`,
		outcome: rosterOutcome,
	},
	'message-archive': {
		what: ({ demo }) => `read ${demo.officialAccountId}'s whole message history, newest first (20 per call via LastMsgKey), into rows`,
		outcome: archiveOutcome,
	},
	'weekly-broadcast': {
		what: ({ demo }) => `send this week's message to every subscriber of ${demo.officialAccountId} (Message -> Send)`,
		outcome: (run) => {
			const [sent] = items(run, 'Send Broadcast');
			return sent ? `sent as MsgKey ${sent.json.msgKey}: the newest message in the account's history` : 'nothing sent';
		},
	},
	'crm-tier-sync': {
		what: ({ demo }) => `write each contact's CRM tier into its Custom Data on ${demo.officialAccountId} (Subscriber -> Update)`,
		outcome: (run) => {
			const written = items(run, 'Write Tier');
			const failed = written.filter((i) => i.json.error).length;
			return `${fmt(written.length - failed)} subscribers updated, ${fmt(failed)} contact who does not follow the account kept as an error item`;
		},
	},
	'group-onboarding': {
		what: ({ demo }) => `add the new CRM customers to the Community group ${demo.communityGroupId} (300 per call), then set each one's name card`,
		outcome: (run) => {
			const counts = Object.entries(countBy(items(run, 'Add to Community Group'), 'result')).map(([result, count]) => `${fmt(count)} ${result}`);
			return `${counts.join(', ')}; ${fmt(items(run, 'Update Name Card').length)} name cards set`;
		},
		sample: [
			{ node: 'Add to Community Group', rows: 2 },
			{ node: 'Update Name Card', rows: 2 },
		],
	},
};
