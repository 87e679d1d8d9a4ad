/** The node's resources and their operation values; the router and each Operation selector are checked against it. */
export type TencentChatGroupMembersMap = {
	member: 'add' | 'get' | 'getAll' | 'getMuted' | 'getRole' | 'mute' | 'remove' | 'unmute' | 'update';
};
