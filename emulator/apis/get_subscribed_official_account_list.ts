// official_account_open_http_svc/get_subscribed_official_account_list (https://trtc.io/document/60763):
// the accounts one user follows, paged by Limit (at most 200) and Offset; the reply's CompleteFlag
// (1 when done), TotalCount and Next (the Offset of the next page).

import { okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, isValidUserId, isIntIn } from './common';
import { INFO_FIELDS, badParam, accountInfo, readFieldFilter } from '../accounts';
import type { SubscriberRecord } from '../records';
import type { ApiContext } from './types';

const MAX_LIMIT = 200;
const SELF_FIELDS = ['SubscribeTime', 'CustomString'];

function getSubscribedList({ body, app, state }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const user = body.Subscriber_Account;
	if (!isValidUserId(user)) throw badParam('Subscriber_Account must be a user ID.');
	const limit = body.Limit ?? MAX_LIMIT;
	if (!isIntIn(limit, 1, MAX_LIMIT)) throw badParam(`Limit must be 1 to ${MAX_LIMIT}.`);
	const offset = body.Offset ?? 0;
	if (!Number.isInteger(offset) || offset < 0) throw badParam('Offset must be a non-negative integer.');
	const baseFields = readFieldFilter(body.ResponseFilter?.OfficialAccountBaseInfoFilter, 'OfficialAccountBaseInfoFilter', INFO_FIELDS);
	const selfFields = readFieldFilter(body.ResponseFilter?.SelfInfoFilter, 'SelfInfoFilter', SELF_FIELDS);

	const followed = state.accountsOf(app.sdkAppId).filter((account) => account.subscribers.has(user));
	const page = followed.slice(offset, offset + limit).map((account) => {
		const self = account.subscribers.recordOf(user) as SubscriberRecord; // every followed account has it
		const SelfInfo: Record<string, unknown> = {};
		for (const f of selfFields) SelfInfo[f] = self[f as keyof SubscriberRecord];
		return { ...accountInfo(account, baseFields), SelfInfo };
	});
	const end = offset + page.length;
	return okBody({
		OfficialAccountInfoList: page,
		TotalCount: followed.length,
		CompleteFlag: end >= followed.length ? 1 : 0,
		Next: end >= followed.length ? 0 : end,
	});
}

export const service = 'official_account_open_http_svc';
export const command = 'get_subscribed_official_account_list';
export const mutates = false;
export const badJsonCode = 20001;
export { getSubscribedList as handler };
