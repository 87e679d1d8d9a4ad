// The editor's copy speaks the user's language: no Tencent field or API name in what the nodes and the
// credential show (display names, descriptions, hints, option names, notices). The README keeps them.
/** Each class with a loader of its built file (static paths, so the lint rule sees they are in dist/). */
const NODES: [string, () => any][] = [
	['TencentChatOfficialAccount', () => require('../../dist/nodes/TencentChatOfficialAccount/TencentChatOfficialAccount.node.js')],
	['TencentChatGroupMembers', () => require('../../dist/nodes/TencentChatGroupMembers/TencentChatGroupMembers.node.js')],
	['TencentChatTrigger', () => require('../../dist/nodes/TencentChatTrigger/TencentChatTrigger.node.js')],
	['TencentCloudChatApi', () => require('../../dist/credentials/TencentCloudChatApi.credentials.js')],
];
const API_WORDS = [
	'Official_Account', 'Member_Account', 'Subscriber_Account', 'GroupId', 'CustomString', 'MsgFlag', 'MsgKey', 'MsgSeq',
	'IsPlaceMsg', 'MemberInfoFilter', 'MemberRoleFilter', 'AppDefinedDataFilter_GroupMember', 'AppMemberDefinedData',
	'TIMTextElem', 'TIMCustomElem', 'CloudCustomData', 'LastSendMsgTime', 'MuteUntil', 'SubscribeAccountList',
	'NewMemberList', 'RequestTime', 'UserSig', 'Next', 'Offset', '1 MB',
];

/** Every text the editor shows for a list of properties, with where it is. */
function shownTexts(properties: any[] | undefined, path: string[] = []): [string, string][] {
	const texts: [string, string][] = [];
	for (const property of properties ?? []) {
		const at = [...path, property.name ?? property.displayName];
		for (const key of ['displayName', 'description', 'hint']) if (property[key]) texts.push([at.join(' > '), property[key]]);
		for (const option of property.options ?? []) {
			if (option.values || option.type) texts.push(...shownTexts(option.values ?? [option], at));
			else for (const key of ['name', 'description']) if (option[key]) texts.push([`${at.join(' > ')} > ${option.value}`, option[key]]);
		}
	}
	return texts;
}

/** The description of a built node, or the credential itself (its fields are on the instance). */
function descriptionOf(className: string, load: () => any) {
	const instance = new (load()[className])();
	return instance.description ?? instance;
}

test.each(NODES)('%s: no Tencent field names in the editor copy', (className, load) => {
	const description = descriptionOf(className, load);
	const texts: [string, string][] = [['node', description.description ?? ''], ...shownTexts(description.properties)];
	expect(texts.length).toBeGreaterThan(5);
	const found = texts.flatMap(([where, text]) => API_WORDS.filter((word) => new RegExp(`\\b${word}\\b`).test(text)).map((word) => `${where}: ${word}`));
	expect(found).toEqual([]);
});

test.each(NODES)('%s: no doubled punctuation, and expressions in hints never break across lines', (className, load) => {
	const description = descriptionOf(className, load);
	const texts = shownTexts(description.properties).map(([, text]) => text);
	expect(texts.filter((text) => /[.!?]["')\]]*[.!?]$|\.\.(?!\.)/.test(text))).toEqual([]);
	const hints = texts.filter((text) => text.includes('{{') && /<code>/.test(text));
	for (const hint of hints) expect(hint).not.toMatch(/<code>[^<]*\s[^<]*<\/code>/);
});

test('the ID list hint shows the expression as code, without spaces', () => {
	const { idListProperty } = require('../../dist/nodes/shared/idList');
	expect(idListProperty('Subscriber Accounts', 'subscriberAccounts', 'add').hint).toBe('For an array, use an expression, e.g. <code>{{$json.userIds}}</code>');
});
