// official_account_open_http_svc/get_official_account_info (https://trtc.io/document/60758):
// at most 50 accounts a call, a field filter, one entry per account with its own ErrorCode.

import { ApiError, okBody, type Envelope } from '../errors';
import { requireOfficialAccountService } from './common';
import { INFO_FIELDS, accountInfo, readFieldFilter } from '../accounts';
import type { AppRecord } from '../records';
import type { State } from '../state';
import type { ApiContext } from './types';

const MAX_ACCOUNTS = 50;

/** One account's entry, with its own ErrorCode. */
function entryFor(state: State, app: AppRecord, item: any, fields: string[]): Record<string, unknown> {
	const id = item && typeof item === 'object' ? item.Official_Account : undefined;
	const fail = (code: number, info: string) => ({ Official_Account: typeof id === 'string' ? id : '', ErrorCode: code, ErrorInfo: info });
	if (typeof id !== 'string' || id.trim() === '') return fail(130007, 'Incorrect official account user ID.');
	const account = state.findAccount(app.sdkAppId, id);
	if (!account) return fail(130004, 'The official account user does not exist.');
	return { ...accountInfo(account, fields), ErrorCode: 0, ErrorInfo: '' };
}

function getOfficialAccountInfo({ body, app, state }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const list = body.OfficialAccountIdList;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ACCOUNTS) {
		throw new ApiError(6017, `Invalid request parameter: OfficialAccountIdList must hold 1 to ${MAX_ACCOUNTS} accounts.`);
	}
	const fields = readFieldFilter(body.ResponseFilter?.OfficialAccountBaseInfoFilter, 'OfficialAccountBaseInfoFilter', INFO_FIELDS);
	return okBody({ OfficialAccountInfoList: list.map((item) => entryFor(state, app, item, fields)) });
}

export const service = 'official_account_open_http_svc';
export const command = 'get_official_account_info';
export const mutates = false;
export const badJsonCode = 20001;
export { getOfficialAccountInfo as handler };
