import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * Simplify: on by default from node version 2; version 1 workflows keep Tencent's raw fields.
 * The property is absent in version 1, so reading it there gives false.
 */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	displayOptions: { hide: { '@version': [1] } },
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function readSimplify(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('simplify', itemIndex, false) === true;
}

/** Tencent's Unix seconds as an ISO time; 0 (Tencent's "never" or "not muted") and missing values give null. */
export function isoTime(seconds: unknown): string | null {
	const value = Number(seconds);
	return Number.isFinite(value) && value > 0 ? new Date(value * 1000).toISOString() : null;
}

/** Copies the raw fields Tencent returned under readable names; a field Tencent left out stays out. */
function rename(raw: IDataObject, names: Record<string, string>, times: string[] = []): IDataObject {
	const simple: IDataObject = {};
	for (const [rawName, name] of Object.entries(names)) {
		if (raw[rawName] === undefined) continue;
		simple[name] = times.includes(rawName) ? isoTime(raw[rawName]) : raw[rawName];
	}
	return simple;
}

/** A subscriber of get_subscriber_info (https://trtc.io/document/60759). */
export function simplifySubscriber(raw: IDataObject, officialAccount: string): IDataObject {
	return {
		officialAccount,
		...rename(
			raw,
			{ Subscriber_Account: 'userId', SubscribeTime: 'subscribedAt', CustomString: 'customData', MsgFlag: 'notifications', LastSendMsgTime: 'lastMessageAt' },
			['SubscribeTime', 'LastSendMsgTime'],
		),
	};
}

/** AppMemberDefinedData [{Key, Value}] as { key: value }; keys such as "__proto__" stay plain own properties. */
export function customFieldsObject(data: unknown): IDataObject {
	const customFields: IDataObject = {};
	for (const entry of Array.isArray(data) ? (data as IDataObject[]) : []) {
		if (typeof entry?.Key === 'string') {
			Object.defineProperty(customFields, entry.Key, { value: entry.Value, enumerable: true, writable: true, configurable: true });
		}
	}
	return customFields;
}

/**
 * A group member of get_group_member_info (https://trtc.io/document/34948) or get_specified_group_member_info,
 * raw or with its custom fields already flattened.
 */
export function simplifyMember(raw: IDataObject, groupId: string): IDataObject {
	const simple: IDataObject = {
		groupId,
		...rename(
			raw,
			{ Member_Account: 'userId', Role: 'role', JoinTime: 'joinedAt', NameCard: 'nameCard', MuteUntil: 'mutedUntil', MsgFlag: 'notifications', LastSendMsgTime: 'lastMessageAt' },
			['JoinTime', 'MuteUntil', 'LastSendMsgTime'],
		),
	};
	if (raw.AppMemberDefinedData !== undefined) simple.customFields = customFieldsObject(raw.AppMemberDefinedData);
	else if (raw.customFields !== undefined) simple.customFields = raw.customFields;
	if (raw.isMember !== undefined) simple.isMember = raw.isMember;
	return simple;
}

/** IsPlaceMsg of official_account_msg_get_simple: 1 a deleted or expired message, 2 a recalled one. */
const MESSAGE_STATUS: Record<number, string> = { 0: 'sent', 1: 'deleted', 2: 'recalled' };

/** A message of official_account_msg_get_simple (https://trtc.io/document/60812), with the text already extracted. */
export function simplifyMessage(raw: IDataObject, officialAccount: string): IDataObject {
	const simple: IDataObject = {
		officialAccount,
		...rename(raw, { MsgKey: 'msgKey', MsgSeq: 'seq', From_Account: 'sender', MsgTimeStamp: 'sentAt', text: 'text' }, ['MsgTimeStamp']),
		status: MESSAGE_STATUS[Number(raw.IsPlaceMsg ?? 0)] ?? 'sent',
	};
	// A custom message has no text: its Data is what the app reads (https://trtc.io/document/60810).
	const body = Array.isArray(raw.MsgBody) ? (raw.MsgBody as IDataObject[]) : [];
	const custom = body.find((element) => element?.MsgType === 'TIMCustomElem');
	if (custom) simple.customData = (custom.MsgContent as IDataObject | undefined)?.Data ?? '';
	return simple;
}

/** Official account fields, named as Create and Update name their parameters (https://trtc.io/document/60758). */
const ACCOUNT_NAMES = {
	Official_Account: 'officialAccount',
	Name: 'name',
	Owner_Account: 'ownerAccount',
	CreateTime: 'createdAt',
	LastMsgTime: 'lastMessageAt',
	SubscriberNum: 'subscriberCount',
	MaxSubscriberNum: 'maxSubscribers',
	Introduction: 'introduction',
	FaceUrl: 'faceUrl',
	Organization: 'organization',
	CustomString: 'customData',
};

export function simplifyOfficialAccount(raw: IDataObject): IDataObject {
	const simple = rename(raw, ACCOUNT_NAMES, ['CreateTime', 'LastMsgTime']);
	// get_subscribed_official_account_list (https://trtc.io/document/60763): the user's own subscription.
	const self = raw.SelfInfo as IDataObject | undefined;
	if (self && typeof self === 'object') {
		Object.assign(simple, rename(self, { SubscribeTime: 'subscribedAt', CustomString: 'subscriberCustomData' }, ['SubscribeTime']));
	}
	return simple;
}

/** Simplifies, in place, the output items whose input item has Simplify on; error items stay as they are. */
export function simplifyOutput(
	this: IExecuteFunctions,
	output: INodeExecutionData[],
	simplify: (json: IDataObject, itemIndex: number) => IDataObject,
): INodeExecutionData[] {
	const wanted = new Map<number, boolean>();
	for (const item of output) {
		const itemIndex = (item.pairedItem as { item: number }).item;
		if (!wanted.has(itemIndex)) wanted.set(itemIndex, readSimplify.call(this, itemIndex));
		if (wanted.get(itemIndex) && item.json.error === undefined) item.json = simplify(item.json, itemIndex);
	}
	return output;
}
