// official_account_open_http_svc/destroy_official_account (https://trtc.io/document/60756):
// the account, its subscribers and its history are gone; a second destroy answers 130004.

import { okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, findSubscriberAccount } from './common';
import type { ApiContext } from './types';

function destroyOfficialAccount({ body, app, state, identifier, callbacks }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	state.removeAccount(app.sdkAppId, account.id);
	callbacks?.emit(app.sdkAppId, 'OfficialAccount.CallbackAfterOfficialAccountDestroyed', { Official_Account: account.id, Operator_Account: identifier });
	return okBody({});
}

export const service = 'official_account_open_http_svc';
export const command = 'destroy_official_account';
export const mutates = true;
export const badJsonCode = 20001;
export { destroyOfficialAccount as handler };
