// The shapes of the emulator's state: apps, official accounts, groups, and the records their stores hand out
// (the field names are Tencent's, as the REST APIs return them).

import type { MemberStore } from './members';
import type { MessageStore } from './messages';
import type { SubscriberStore } from './subscribers';

/** A misbehaving cursor, for tests of a client's loop guards. */
export type Hostile = 'repeatNext' | 'emptyPagesForever' | 'wrongMemberNum';

export type GroupType = 'Private' | 'Public' | 'ChatRoom' | 'Work' | 'Meeting' | 'Community' | 'AVChatRoom';

export type MemberRole = 'Owner' | 'Admin' | 'Member';

export interface AppRecord {
	sdkAppId: number;
	secretKey: string;
	admins: string[];
	officialAccountService: boolean;
}

/** Generated groups of an app: `count` of them, types cycling through `types`, each with `members` members. */
export interface GeneratedGroupsSpec {
	count?: number;
	prefix?: string;
	types?: string[];
	members?: number;
	seed?: number;
}

export interface AppSpec {
	sdkAppId: number | string;
	secretKey: string;
	admins?: string[];
	officialAccountService?: boolean;
	generatedGroups?: number | GeneratedGroupsSpec;
}

export interface SubscriberRecord {
	Subscriber_Account: string;
	SubscribeTime: number;
	CustomString: string;
	MsgFlag: string;
	LastSendMsgTime: number;
}

export interface CustomDatum {
	Key: string;
	Value: string;
}

export interface MemberRecord {
	Member_Account: string;
	Role: string;
	JoinTime: number;
	MsgSeq: number;
	MsgFlag: string;
	LastSendMsgTime: number;
	MuteUntil: number;
	NameCard: string;
	AppMemberDefinedData: CustomDatum[];
}

export interface MessageElement {
	MsgType: string;
	MsgContent: any;
}

export interface MessageRecord {
	From_Account: string;
	/** 0 a message, 1 a hole, 2 recalled */
	IsPlaceMsg: number;
	MsgBody: MessageElement[];
	MsgSeq: number;
	MsgKey: string;
	MsgTimeStamp: number;
	CloudCustomData?: string;
}

/** The profile fields of create_official_account (https://trtc.io/document/60813). */
export interface AccountProfile {
	Name?: string;
	Owner_Account?: string;
	CreateTime?: number;
	Introduction?: string;
	FaceUrl?: string;
	Organization?: string;
	CustomString?: string;
}

export interface SendLimits {
	minIntervalMs: number;
	perHour: number;
	duplicateWindowSeconds: number;
}

/** Send bookkeeping of one account: the last call, and the messages stored in the last hour. */
export interface SendLog {
	lastAtMs: number;
	stored: { content: string; time: number; key: string }[];
}

export interface OfficialAccount {
	id: string;
	appId: number;
	hostile: Hostile | null;
	subscribers: SubscriberStore;
	messages: MessageStore;
	hostileCounter: number;
	profile: AccountProfile | null;
	sendLimits: Partial<SendLimits> | null;
	sendLog?: SendLog;
}

export interface OfficialAccountSpec {
	id: string;
	appId?: number | string;
	seed?: number;
	hostile?: Hostile | false | null;
	/** a generated count, or IDs / records */
	subscribers?: number | (string | Partial<SubscriberRecord>)[];
	subscriberPrefix?: string;
	maxSubscribers?: number | null;
	/** a generated count, records, or { count | list, holes, recalled, expiredBelowSeq } */
	messages?: any;
	expiredBelowSeq?: number;
	profile?: AccountProfile | null;
	sendLimits?: Partial<SendLimits> | null;
}

export interface Group {
	id: string;
	appId: number;
	type: GroupType;
	name: string;
	maxMembers: number;
	/** add_group_member answers Result 3 (invited, waiting for the user) instead of adding */
	inviteNeedsConfirmation: boolean;
	/** AVChatRoom: user -> muted until (no member list to hold it) */
	mutes: Map<string, number>;
	createTime: number;
	hostile: Hostile | null;
	members: MemberStore;
	hostileCounter: number;
}

export interface GroupSpec {
	id: string;
	appId?: number | string;
	type?: GroupType;
	name?: string;
	seed?: number;
	maxMembers?: number;
	inviteNeedsConfirmation?: boolean;
	createTime?: number;
	hostile?: Hostile | false | null;
	/** a generated count, or IDs / records */
	members?: number | (string | Partial<MemberRecord>)[];
	memberPrefix?: string;
	customFields?: string[];
	memberPaddingBytes?: number;
}

/** A data set: apps, and the official accounts and groups of its first app. */
export interface DataSet {
	apps?: AppSpec[];
	officialAccounts?: OfficialAccountSpec[];
	groups?: GroupSpec[];
	[key: string]: unknown;
}
