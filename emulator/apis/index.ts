'use strict';
// The API table: "service/command" -> { handler, mutates, badJsonCode, ratePerSecond? }.

const modules = [
	require('./account_check'),
	require('./get_subscriber_info'),
	require('./add_subscriber'),
	require('./delete_subscriber'),
	require('./official_account_msg_get_simple'),
	require('./get_group_member_info'),
	require('./add_group_member'),
	require('./delete_group_member'),
	require('./get_specified_group_member_info'),
	require('./get_role_in_group'),
	require('./modify_group_member_info'),
	require('./forbid_send_msg'),
	require('./get_group_muted_account'),
	require('./get_appid_group_list'),
	require('./get_group_info'),
	require('./create_official_account'),
	require('./get_official_account_info'),
	require('./get_subscribed_official_account_list'),
	require('./modify_official_account_base_info'),
	require('./destroy_official_account'),
	require('./modify_subscriber_info'),
	require('./send_official_account_msg'),
	require('./official_account_msg_recall'),
];

const API = new Map(modules.map((m) => [`${m.service}/${m.command}`, m]));

/** Services with their own "invalid command word" code; the rest answer the common 60009. */
function unknownCommandCode(service) {
	return service === 'group_open_http_svc' || service === 'official_account_open_http_svc' ? 10003 : 60009;
}

module.exports = { API, unknownCommandCode };
