// official_account_open_http_svc/create_official_account (https://trtc.io/document/60813):
// Owner_Account and Name required, byte limits per field, an optional custom ID that starts with @TOA#_.

import { ApiError, okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, isValidUserId } from './common';
import { ID_PREFIX, DEFAULT_MAX_SUBSCRIBERS, badParam, checkTextFields, newAccountId, OPTIONAL_TEXT_FIELDS } from '../accounts';
import type { AccountProfile } from '../records';
import type { State } from '../state';
import type { ApiContext } from './types';

const MAX_ID_BYTES = 48; // undocumented; room for the prefix and a readable name
/** Tencent documents no code for a custom ID already in use: the emulator's choice. */
export const ID_IN_USE = 130003;

function customId(body: any, state: State, appId: number): string {
	const id = body.OfficialAccountUserID;
	if (id === undefined || id === '') return newAccountId(state, appId);
	if (typeof id !== 'string' || !id.startsWith(ID_PREFIX) || id.length === ID_PREFIX.length) {
		throw badParam(`OfficialAccountUserID must start with ${ID_PREFIX} and name the account.`);
	}
	if (Buffer.byteLength(id) > MAX_ID_BYTES) throw badParam(`OfficialAccountUserID is longer than ${MAX_ID_BYTES} bytes.`);
	if (state.findAccount(appId, id)) throw new ApiError(ID_IN_USE);
	return id;
}

function createOfficialAccount({ body, app, state, nowSeconds, identifier, callbacks }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	if (!isValidUserId(body.Owner_Account)) throw badParam('Owner_Account must be an imported user ID.');
	checkTextFields(body, ['Name']);
	const id = customId(body, state, app.sdkAppId);
	const profile: AccountProfile = { Name: body.Name, Owner_Account: body.Owner_Account, CreateTime: nowSeconds };
	for (const field of OPTIONAL_TEXT_FIELDS) profile[field] = body[field] ?? '';
	state.addOfficialAccount({
		id,
		appId: app.sdkAppId,
		subscribers: 0,
		messages: 0,
		maxSubscribers: body.MaxSubscriberNum ?? DEFAULT_MAX_SUBSCRIBERS,
		profile,
	});
	// https://trtc.io/document/60796
	callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterCreateOfficialAccount', {
		Official_Account: id, Operator_Account: identifier, Owner_Account: body.Owner_Account, Name: body.Name,
	});
	return okBody({ OfficialAccountUserID: id });
}

export const service = 'official_account_open_http_svc';
export const command = 'create_official_account';
export const mutates = true;
export const badJsonCode = 20001;
export { createOfficialAccount as handler };
