// The Simplify shapes, one per kind of record, on Tencent's documented fields.
const { isoTime, simplifyMember, simplifyMessage, simplifyOfficialAccount, simplifySubscriber } = require('../../dist/nodes/shared/simplify');

describe('isoTime', () => {
	test.each([
		[1698821747, '2023-11-01T06:55:47.000Z'],
		['1698821747', '2023-11-01T06:55:47.000Z'],
		[0, null],
		[undefined, null],
		[-5, null],
		['soon', null],
	])('%p -> %p', (seconds, iso) => expect(isoTime(seconds)).toBe(iso));
});

test('a subscriber: readable names, times as ISO, LastSendMsgTime 0 as null', () => {
	const raw = { Subscriber_Account: 'millaccount13356', SubscribeTime: 1698821747, CustomString: 'tier:gold', MsgFlag: 'AcceptNotNotify', LastSendMsgTime: 0 };
	expect(simplifySubscriber(raw, '@TOA#_news')).toEqual({
		officialAccount: '@TOA#_news',
		userId: 'millaccount13356',
		subscribedAt: '2023-11-01T06:55:47.000Z',
		customData: 'tier:gold',
		notifications: 'AcceptNotNotify',
		lastMessageAt: null,
	});
	expect(raw.Subscriber_Account).toBe('millaccount13356'); // the raw record is left alone
});

test('a member, raw or flattened: custom fields as an object, MuteUntil 0 as null, fields Tencent left out stay out', () => {
	const raw = {
		Member_Account: 'bob',
		Role: 'Admin',
		JoinTime: 1700000000,
		MsgSeq: 12,
		MsgFlag: 'AcceptAndNotify',
		LastSendMsgTime: 1700000100,
		MuteUntil: 0,
		NameCard: 'Bob (Acme)',
		AppMemberDefinedData: [{ Key: 'Level', Value: '8' }, { Key: '__proto__', Value: 'x' }],
	};
	const simple = simplifyMember(raw, '@TGS#_g');
	expect(simple).toEqual({
		groupId: '@TGS#_g',
		userId: 'bob',
		role: 'Admin',
		joinedAt: '2023-11-14T22:13:20.000Z',
		nameCard: 'Bob (Acme)',
		mutedUntil: null,
		notifications: 'AcceptAndNotify',
		lastMessageAt: '2023-11-14T22:15:00.000Z',
		customFields: { Level: '8', ['__proto__']: 'x' },
	});
	expect(Object.getPrototypeOf(simple.customFields)).toBe(Object.prototype);
	expect(simplifyMember({ Member_Account: 'amy', MuteUntil: 4102444800, customFields: { Team: 'gold' }, isMember: true }, 'g')).toEqual({
		groupId: 'g',
		userId: 'amy',
		mutedUntil: '2100-01-01T00:00:00.000Z',
		customFields: { Team: 'gold' },
		isMember: true,
	});
});

test.each([
	[0, 'sent'],
	[1, 'deleted'],
	[2, 'recalled'],
	[undefined, 'sent'],
])('a message with IsPlaceMsg %p is %p', (isPlaceMsg, status) => {
	const raw = { From_Account: '@TOA#_news', MsgSeq: 71, MsgKey: '71_1_1698741698', MsgTimeStamp: 1698741698, IsPlaceMsg: isPlaceMsg, MsgBody: [], text: 'Hello' };
	expect(simplifyMessage(raw, '@TOA#_news')).toEqual({
		officialAccount: '@TOA#_news',
		msgKey: '71_1_1698741698',
		seq: 71,
		sender: '@TOA#_news',
		sentAt: '2023-10-31T08:41:38.000Z',
		text: 'Hello',
		status,
	});
});

test('a custom message carries its Data as customData', () => {
	const raw = { MsgKey: '9_1_1698741698', MsgSeq: 9, MsgTimeStamp: 1698741698, IsPlaceMsg: 0, text: '', MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"card":"sale"}', Desc: 'Sale' } }] };
	expect(simplifyMessage(raw, '@TOA#_news')).toEqual({ officialAccount: '@TOA#_news', msgKey: '9_1_1698741698', seq: 9, sentAt: '2023-10-31T08:41:38.000Z', text: '', status: 'sent', customData: '{"card":"sale"}' });
});

test('an official account, with the followed user\'s own subscription when Tencent sends SelfInfo', () => {
	const raw = {
		Official_Account: '@TOA#_news',
		CreateTime: 1698741698,
		Name: 'News',
		Owner_Account: 'boss',
		LastMsgTime: 0,
		SubscriberNum: 3,
		MaxSubscriberNum: 100000,
		Introduction: 'Daily news',
		FaceUrl: 'https://example.com/a.png',
		Organization: 'Acme',
		CustomString: 'region:eu',
	};
	const account = {
		officialAccount: '@TOA#_news',
		name: 'News',
		ownerAccount: 'boss',
		createdAt: '2023-10-31T08:41:38.000Z',
		lastMessageAt: null,
		subscriberCount: 3,
		maxSubscribers: 100000,
		introduction: 'Daily news',
		faceUrl: 'https://example.com/a.png',
		organization: 'Acme',
		customData: 'region:eu',
	};
	expect(simplifyOfficialAccount(raw)).toEqual(account);
	expect(simplifyOfficialAccount({ ...raw, SelfInfo: { SubscribeTime: 1698821747, CustomString: 'mine' } })).toEqual({
		...account,
		subscribedAt: '2023-11-01T06:55:47.000Z',
		subscriberCustomData: 'mine',
	});
});
