// official_account_open_http_svc/modify_official_account_base_info (https://trtc.io/document/60757):
// Official_Account (the sample's key) and any of Name, Introduction, FaceUrl, Organization,
// CustomString, MaxSubscriberNum, with the create limits.

import { okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, findSubscriberAccount } from './common';
import { badParam, checkTextFields, profileOf } from '../accounts';
import type { AccountProfile } from '../records';
import type { ApiContext } from './types';

const FIELDS = ['Name', 'Introduction', 'FaceUrl', 'Organization', 'CustomString', 'MaxSubscriberNum'];

function modifyBaseInfo({ body, app, state, identifier, callbacks }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	const given = FIELDS.filter((f) => body[f] !== undefined);
	if (given.length === 0) throw badParam(`give at least one of ${FIELDS.join(', ')}.`);
	checkTextFields(body);
	if (body.Name !== undefined && body.Name.trim() === '') throw badParam('Name must not be empty.');
	const profile = profileOf(account);
	for (const f of given) {
		if (f === 'MaxSubscriberNum') account.subscribers.maxSubscribers = body.MaxSubscriberNum;
		else profile[f as keyof AccountProfile] = body[f];
	}
	const changed = Object.fromEntries(given.map((f) => [f, body[f]]));
	callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterOfficialAccountInfoChanged', { Official_Account: account.id, Operator_Account: identifier, ...changed });
	return okBody({});
}

export const service = 'official_account_open_http_svc';
export const command = 'modify_official_account_base_info';
export const mutates = true;
export const badJsonCode = 20001;
export { modifyBaseInfo as handler };
