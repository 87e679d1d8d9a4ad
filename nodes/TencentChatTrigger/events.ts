import type { INodePropertyOptions } from 'n8n-workflow';

/** Any Event: every CallbackCommand the console sends to this URL. */
export const ANY_EVENT = '*';

/**
 * The events, by source; each value is Tencent's CallbackCommand (https://trtc.io/document/34354).
 * Names start with the source so the sorted list stays grouped.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Any Event', value: ANY_EVENT, description: 'Every callback Tencent sends to this URL' },
	{ name: 'Group: Before Invite to Join', value: 'Group.CallbackBeforeInviteJoinGroup', description: 'A member is about to be invited; the reply can refuse it' },
	{ name: 'Group: Before Join Request', value: 'Group.CallbackBeforeApplyJoinGroup', description: 'A user asks to join; the reply can refuse it' },
	{ name: 'Group: Before Message Sent', value: 'Group.CallbackBeforeSendMsg', description: 'A group message is about to be sent; the reply can refuse or drop it' },
	{ name: 'Group: Group Created', value: 'Group.CallbackAfterCreateGroup' },
	{ name: 'Group: Group Destroyed', value: 'Group.CallbackAfterGroupDestroyed' },
	{ name: 'Group: Group Info Changed', value: 'Group.CallbackAfterGroupInfoChanged' },
	{ name: 'Group: Member Joined', value: 'Group.CallbackAfterNewMemberJoin' },
	{ name: 'Group: Member Left', value: 'Group.CallbackAfterMemberExit', description: 'A member quit or was removed' },
	{ name: 'Group: Message Recalled', value: 'Group.CallbackAfterRecallMsg' },
	{ name: 'Group: Message Sent', value: 'Group.CallbackAfterSendMsg' },
	{ name: 'Official Account: Account Changed', value: 'OfficialAccount.CallbackAfterOfficialAccountInfoChanged' },
	{ name: 'Official Account: Account Created', value: 'OfficialAccount.CallbackAfterCreateOfficialAccount' },
	{ name: 'Official Account: Account Destroyed', value: 'OfficialAccount.CallbackAfterOfficialAccountDestroyed' },
	{ name: 'Official Account: Account Full', value: 'OfficialAccount.CallbackAfterOfficialAccountFull', description: 'The account reached its maximum number of subscribers' },
	{ name: 'Official Account: Before Message Sent', value: 'OfficialAccount.CallbackBeforeSendMsg', description: 'A message is about to be sent; the reply can refuse it' },
	{ name: 'Official Account: Before Subscriber Added', value: 'OfficialAccount.CallbackBeforeAddSubscriber', description: 'Users are about to subscribe; the reply can refuse them' },
	{ name: 'Official Account: Message Recalled', value: 'OfficialAccount.CallbackAfterMsgWithDraw' },
	{ name: 'Official Account: Message Sent', value: 'OfficialAccount.CallbackAfterSendMsg' },
	{ name: 'Official Account: Subscriber Added', value: 'OfficialAccount.CallbackAfterAddSubscriber' },
	{ name: 'Official Account: Subscriber Removed', value: 'OfficialAccount.CallbackAfterDeleteSubscriber' },
];

/** Before callbacks wait for the reply, which allows or refuses the action; After callbacks' replies are ignored. */
export function isBeforeEvent(command: string): boolean {
	return /\.CallbackBefore/.test(command);
}

export function isSelected(events: string[], command: string): boolean {
	return events.includes(ANY_EVENT) || events.includes(command);
}
