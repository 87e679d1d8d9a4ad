/** The node's resources and their operation values; the router and each Operation selector are checked against it. */
export type TencentChatOfficialAccountMap = {
	message: 'getAll' | 'recall' | 'send';
	officialAccount: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	subscriber: 'add' | 'getAll' | 'remove' | 'update';
};
