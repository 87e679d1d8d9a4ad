// Deterministic generated data. Every generated record is a pure function of
// (seed, index), so a data set of 780k subscribers costs nothing until a page
// of it is read, and the same seed always yields the same records.

import type { DataSet, MemberRecord, MemberRole, MessageElement, SubscriberRecord } from './records';

const SUBSCRIBE_BASE_TIME = 1698800000; // around the sample SubscribeTime of https://trtc.io/document/60759
const MESSAGE_BASE_TIME = 1698700000;
const JOIN_BASE_TIME = 1425976500;
const MUTE_UNTIL_TIME = 4102444800; // 2100-01-01: muted members stay muted in any test run

/** mulberry32: a tiny seeded PRNG (sequence form, used for fault decisions). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One mulberry32 step keyed by (seed, index): random access, O(1) per record. */
export function hash32(seed: number, index: number): number {
	let t = ((seed >>> 0) + Math.imul(index + 1, 0x6d2b79f5)) >>> 0;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return (t ^ (t >>> 14)) >>> 0;
}

/** FNV-1a, so an account or group id gives its own default seed. */
export function seedFromString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export const MSG_FLAGS = ['AcceptAndNotify', 'AcceptNotNotify', 'Discard'];

function pickMsgFlag(h: number): string {
	const r = h % 20;
	if (r === 0) return MSG_FLAGS[2];
	if (r < 4) return MSG_FLAGS[1];
	return MSG_FLAGS[0];
}

// ---- subscribers -------------------------------------------------------

export function subscriberId(prefix: string, index: number): string {
	return prefix + String(index + 1).padStart(6, '0');
}

/** Inverse of subscriberId; -1 when the id is not in canonical generated form. */
export function subscriberIndex(prefix: string, id: unknown): number {
	if (typeof id !== 'string' || !id.startsWith(prefix)) return -1;
	const digits = id.slice(prefix.length);
	if (digits.length < 6 || digits.length > 12 || !/^\d+$/.test(digits)) return -1;
	const index = Number(digits) - 1;
	if (index < 0 || subscriberId(prefix, index) !== id) return -1;
	return index;
}

export function generatedSubscriber(seed: number, prefix: string, index: number): SubscriberRecord {
	const h = hash32(seed, index);
	const subscribeTime = SUBSCRIBE_BASE_TIME + index * 3 + (h % 3);
	return {
		Subscriber_Account: subscriberId(prefix, index),
		SubscribeTime: subscribeTime,
		CustomString: h % 10 === 0 ? `tier:${(h >>> 8) % 5}` : '',
		MsgFlag: pickMsgFlag(h >>> 4),
		LastSendMsgTime: (h >>> 12) % 4 === 0 ? 0 : subscribeTime + ((h >>> 3) % 86400),
	};
}

// ---- official account messages ------------------------------------------

export function msgKey(seq: number, time: number): string {
	return `${seq}_1_${time}`;
}

export function messageTime(seed: number, seq: number): number {
	return MESSAGE_BASE_TIME + seq * 90 + (hash32(seed, seq) % 60); // strictly increasing
}

export function generatedMessageBody(seed: number, seq: number): MessageElement[] {
	const h = hash32(seed ^ 0x5bd1e995, seq);
	const body: MessageElement[] = [{ MsgType: 'TIMTextElem', MsgContent: { Text: `News #${seq}: update ${h % 1000}` } }];
	if (h % 5 === 0) {
		body.unshift({
			MsgType: 'TIMCustomElem',
			MsgContent: { Data: JSON.stringify({ kind: 'card', id: seq }), Desc: 'MIF', Ext: '' },
		});
	}
	if (h % 7 === 0) body.push({ MsgType: 'TIMFaceElem', MsgContent: { Index: h % 30, Data: '' } });
	return body;
}

/** True for a deterministic `ratio` share of seqs (salt keeps holes and recalls apart). */
export function pickedByRatio(seed: number, salt: number, seq: number, ratio: number): boolean {
	return ratio > 0 && hash32(seed ^ salt, seq) / 4294967296 < ratio;
}

// ---- group members ---------------------------------------------------------

export function memberId(prefix: string, index: number): string {
	return prefix + String(index + 1).padStart(6, '0');
}

const TEAMS = ['red', 'blue', 'green', 'gold', 'silver'];

function customValue(key: string, h: number, index: number): string {
	if (key === 'Level') return String(1 + (h % 60));
	if (key === 'Team') return TEAMS[(h >>> 6) % TEAMS.length];
	return `${key.toLowerCase()}-${(h >>> 10) % 1000}-${index + 1}`;
}

export function generatedRole(seed: number, index: number): MemberRole {
	if (index === 0) return 'Owner';
	return hash32(seed, index) % 20 === 0 ? 'Admin' : 'Member'; // about 5% admins
}

/** A full member record; `padding` (shared string) goes into NameCard to inflate size. */
export function generatedMember(seed: number, prefix: string, index: number, customFields: string[], padding: string): MemberRecord {
	const h = hash32(seed, index);
	const joinTime = JOIN_BASE_TIME + index * 60 + (h % 60);
	const member: MemberRecord = {
		Member_Account: memberId(prefix, index),
		Role: generatedRole(seed, index),
		JoinTime: joinTime,
		MsgSeq: (h >>> 3) % 5000,
		MsgFlag: pickMsgFlag(h >>> 5),
		LastSendMsgTime: (h >>> 9) % 3 === 0 ? 0 : joinTime + ((h >>> 2) % 864000),
		MuteUntil: (h >>> 13) % 50 === 0 ? MUTE_UNTIL_TIME : 0,
		NameCard: padding || ((h >>> 7) % 3 === 0 ? `Card ${index + 1}` : ''),
		AppMemberDefinedData: customFields.map((key) => ({ Key: key, Value: customValue(key, h, index) })),
	};
	return member;
}

// ---- the demo seed ----------------------------------------------------------

export const demo = deepFreeze({
	sdkAppId: 1400000001,
	secretKey: 'demo-secret-key-do-not-use',
	identifier: 'administrator',
	officialAccountId: '@TOA#_demo_news',
	publicGroupId: '@TGS#2DEMOPUB',
	communityGroupId: '@TGS#_@TGS#cDEMOCOMMUNITY',
	apps: [{ sdkAppId: 1400000001, secretKey: 'demo-secret-key-do-not-use', admins: ['administrator'] }],
	officialAccounts: [
		{
			id: '@TOA#_demo_news',
			subscribers: 3000,
			messages: { count: 240, holes: [17, 18, 64, 101, 102, 103, 190], recalled: [5, 50, 77, 120, 233] },
		},
	],
	groups: [
		{ id: '@TGS#2DEMOPUB', type: 'Public', name: 'Demo Lounge', members: 730 },
		{ id: '@TGS#_@TGS#cDEMOCOMMUNITY', type: 'Community', name: 'Demo Community', members: 1234, customFields: ['Level', 'Team'] },
	],
} satisfies DataSet);

function deepFreeze<T extends object>(o: T): Readonly<T> {
	for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
	return Object.freeze(o);
}

export const named: Record<string, DataSet> = { demo };

/** Picks a named data set (string) or takes a data set object as is. */
export function resolveSeed(seed: string | DataSet | null | undefined): DataSet | null {
	if (seed == null) return null;
	if (typeof seed === 'string') {
		const ds = named[seed];
		if (!ds) throw new Error(`unknown seed ${seed}; known: ${Object.keys(named).join(', ')}`);
		return ds;
	}
	if (typeof seed === 'object') return seed;
	throw new Error('seed must be a data set name or object');
}
