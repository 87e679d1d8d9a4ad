// The API table: "service/command" -> { handler, mutates, badJsonCode, ratePerSecond? }.

import * as accountCheck from './account_check';
import * as getSubscriberInfo from './get_subscriber_info';
import * as addSubscriber from './add_subscriber';
import * as deleteSubscriber from './delete_subscriber';
import * as officialAccountMsgGetSimple from './official_account_msg_get_simple';
import * as getGroupMemberInfo from './get_group_member_info';
import * as addGroupMember from './add_group_member';
import * as deleteGroupMember from './delete_group_member';
import * as getSpecifiedGroupMemberInfo from './get_specified_group_member_info';
import * as getRoleInGroup from './get_role_in_group';
import * as modifyGroupMemberInfo from './modify_group_member_info';
import * as forbidSendMsg from './forbid_send_msg';
import * as getGroupMutedAccount from './get_group_muted_account';
import * as getAppidGroupList from './get_appid_group_list';
import * as getGroupInfo from './get_group_info';
import * as createOfficialAccount from './create_official_account';
import * as getOfficialAccountInfo from './get_official_account_info';
import * as getSubscribedOfficialAccountList from './get_subscribed_official_account_list';
import * as modifyOfficialAccountBaseInfo from './modify_official_account_base_info';
import * as destroyOfficialAccount from './destroy_official_account';
import * as modifySubscriberInfo from './modify_subscriber_info';
import * as sendOfficialAccountMsg from './send_official_account_msg';
import * as officialAccountMsgRecall from './official_account_msg_recall';
import type { ApiModule } from './types';

const modules: ApiModule[] = [
	accountCheck,
	getSubscriberInfo,
	addSubscriber,
	deleteSubscriber,
	officialAccountMsgGetSimple,
	getGroupMemberInfo,
	addGroupMember,
	deleteGroupMember,
	getSpecifiedGroupMemberInfo,
	getRoleInGroup,
	modifyGroupMemberInfo,
	forbidSendMsg,
	getGroupMutedAccount,
	getAppidGroupList,
	getGroupInfo,
	createOfficialAccount,
	getOfficialAccountInfo,
	getSubscribedOfficialAccountList,
	modifyOfficialAccountBaseInfo,
	destroyOfficialAccount,
	modifySubscriberInfo,
	sendOfficialAccountMsg,
	officialAccountMsgRecall,
];

export const API = new Map<string, ApiModule>(modules.map((m) => [`${m.service}/${m.command}`, m]));

/** Services with their own "invalid command word" code; the rest answer the common 60009. */
export function unknownCommandCode(service: string): number {
	return service === 'group_open_http_svc' || service === 'official_account_open_http_svc' ? 10003 : 60009;
}
