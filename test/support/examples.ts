// The expected results of the example workflows (examples/*.json) against the emulator's `demo` data set, in one
// place: the engine tests (test/examples*.test.ts) and the e2e suite (scripts/e2e/cases/examples.ts) both use them.
// Pure functions of the data set and of what they are given; no jest, no n8n.
import fs from 'node:fs';
import path from 'node:path';
import { datasets } from '../../emulator';

export const demo = datasets.demo;
export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
export const example = (name: string): any => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8'));
export const json = (items: { json: any }[]): any[] => items.map((item) => item.json);
export const userId = (n: number): string => `user${String(n).padStart(6, '0')}`;
export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A subscriber record as Tencent returns it (https://trtc.io/document/60759). */
export interface Subscriber {
	Subscriber_Account: string;
	SubscribeTime: number;
	MsgFlag: string;
	CustomString: string;
	[key: string]: unknown;
}

/** A group member with every field, as get_group_member_info returns it. */
export interface Member {
	Member_Account: string;
	Role: string;
	NameCard: string;
	JoinTime: number;
	AppMemberDefinedData: { Key: string; Value: string }[];
	[key: string]: unknown;
}

/** A demo official account's spec in the `demo` data set. */
function demoAccount(account: string) {
	const spec = demo.officialAccounts?.find((a) => a.id === account);
	if (!spec) throw new Error(`the demo data set has no official account ${account}`);
	return spec;
}

/** The subscribers of a demo official account as the data set generates them, in Tencent's order. */
export function demoSubscribers(account: string = demo.officialAccountId): Subscriber[] {
	const seed = datasets.seedFromString(account);
	const count = Number(demoAccount(account).subscribers);
	return range(0, count - 1).map((index) => ({ ...datasets.generatedSubscriber(seed, 'user', index) }));
}

/** subscriber-export: the "Subscriber Rows" of the given subscribers. */
export function subscriberRows(subscribers: Subscriber[]) {
	return subscribers.map((subscriber) => ({
		userId: subscriber.Subscriber_Account,
		subscribedAt: new Date(subscriber.SubscribeTime * 1000).toISOString(),
		notifications: subscriber.MsgFlag,
		customString: subscriber.CustomString,
	}));
}

/** crm-sync: who the sync adds (contacts not subscribed, in contact order) and removes (subscribers not contacts). */
export function crmSyncChanges(subscribers: string[], contacts: string[]): { toAdd: string[]; toRemove: string[] } {
	const subscribed = new Set(subscribers);
	const wanted = new Set(contacts);
	return { toAdd: contacts.filter((id) => !subscribed.has(id)), toRemove: subscribers.filter((id) => !wanted.has(id)) };
}

/** The items Subscriber Add or Remove gives for these IDs when each one succeeds. */
export function subscriberResults(account: string, ids: string[], result: 'added' | 'removed') {
	return ids.map((subscriberAccount) => ({ officialAccount: account, subscriberAccount, result, resultCode: 1 }));
}

const customFieldsOf = (member: Member): Record<string, string> =>
	Object.fromEntries(member.AppMemberDefinedData.map(({ Key, Value }) => [Key, Value]));

/** group-roster: the "Get Members" items (Role, NameCard, JoinTime asked for; custom fields flattened). */
export function rosterMembers(members: Member[]) {
	return members.map((source) => ({
		Member_Account: source.Member_Account,
		Role: source.Role,
		NameCard: source.NameCard,
		JoinTime: source.JoinTime,
		customFields: customFieldsOf(source),
	}));
}

/** group-roster: the "Roster Rows" of the given members. */
export function rosterRows(members: Member[]) {
	return members.map((member) => ({
		member: member.Member_Account,
		role: member.Role,
		joinedAt: new Date(member.JoinTime * 1000).toISOString().slice(0, 10),
		level: customFieldsOf(member).Level ?? '',
		team: customFieldsOf(member).Team ?? '',
	}));
}

/** message-archive: the sequence numbers Message Get Many returns, newest first, without holes and recalled ones. */
export function archiveSeqs(account: string = demo.officialAccountId): number[] {
	const { count, holes, recalled } = demoAccount(account).messages as { count: number; holes: number[]; recalled: number[] };
	return range(1, count)
		.filter((seq) => !holes.includes(seq) && !recalled.includes(seq))
		.reverse();
}

/** message-archive: the "Archive Rows" (every message with text). */
export function archiveRows(account: string = demo.officialAccountId) {
	const seed = datasets.seedFromString(account);
	return archiveSeqs(account).map((seq) => {
		const time = datasets.messageTime(seed, seq);
		const texts = datasets.generatedMessageBody(seed, seq).filter((element: any) => element.MsgType === 'TIMTextElem');
		return {
			seq,
			msgKey: datasets.msgKey(seq, time),
			sentAt: new Date(time * 1000).toISOString(),
			text: texts.map((element: any) => element.MsgContent.Text).join('\n'),
		};
	});
}

const TIERS = ['bronze', 'silver', 'gold'];

/** crm-tier-sync: the 20 followers user000201..user000220 get tier:<tier>; the 21st contact does not follow. */
export function tierWrites(account: string = demo.officialAccountId) {
	return range(201, 220).map((n) => ({ officialAccount: account, subscriberAccount: userId(n), customData: `tier:${TIERS[n % 3]}` }));
}

/** crm-tier-sync: the error item of the contact who does not follow the account. */
export const TIER_ERROR = /^Could not update subscriber "walk-in-customer" of official account "@TOA#_demo_news": .*\[Tencent error 6017\]$/;

/** A customer the group-onboarding example's Code node makes. */
export interface Customer {
	userId: string;
	name: string;
	company: string;
}

const byMemberAccount = (a: { Member_Account: string }, b: { Member_Account: string }) => a.Member_Account.localeCompare(b.Member_Account);

/** group-onboarding: one add_group_member call for every customer, then a name card per customer (in any order: sorted). */
export function onboardingCalls(group: string, customers: Customer[]) {
	return {
		add: [{ GroupId: group, MemberList: customers.map((c) => ({ Member_Account: c.userId })), Silence: 1 }],
		updates: customers.map((c) => ({ GroupId: group, Member_Account: c.userId, NameCard: `${c.name} (${c.company})` })).sort(byMemberAccount),
	};
}

/** group-onboarding: the two customers already in the community group, the last two of the Add's 42 results. */
export const onboardingAlreadyMembers = (group: string = demo.communityGroupId) =>
	['member000002', 'member000003'].map((memberAccount) => ({ groupId: group, memberAccount, result: 'alreadyMember', resultCode: 2 }));

/** Sorts update_group_member_info bodies as onboardingCalls does. */
export const sortedByMember = <T extends { Member_Account: string }>(bodies: T[]): T[] => [...bodies].sort(byMemberAccount);

/** weekly-broadcast: the send's body for this week's text (its Random aside, made once per item). */
export const broadcastBody = (account: string, text: string) => ({
	Official_Account: account,
	MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
	OfflinePushInfo: { PushFlag: 0, Title: 'This week at the store', Desc: text },
});

/** weekly-broadcast: the text of "This Week's Message". */
export const BROADCAST_TEXT = /^Week \d{1,2} at the store: 20% off all umbrellas until Sunday\./;
