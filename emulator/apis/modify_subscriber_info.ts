// official_account_open_http_svc/modify_subscriber_info (https://trtc.io/document/60762):
// sets one subscriber's CustomString; get_subscriber_info shows it from then on.

import { okBody, type Envelope } from '../errors';
import { requireOfficialAccountService, findSubscriberAccount, isValidUserId } from './common';
import { badParam } from '../accounts';
import type { ApiContext } from './types';

const MAX_CUSTOM_BYTES = 3000; // as the account's own CustomString; the page gives no other limit

function modifySubscriberInfo({ body, app, state }: ApiContext): Envelope {
	requireOfficialAccountService(app);
	const account = findSubscriberAccount(state, app, body.Official_Account);
	if (!isValidUserId(body.Subscriber_Account)) throw badParam('Subscriber_Account must be a user ID.');
	if (typeof body.CustomString !== 'string') throw badParam('CustomString is required and must be a string.');
	const bytes = Buffer.byteLength(body.CustomString);
	if (bytes > MAX_CUSTOM_BYTES) throw badParam(`CustomString is ${bytes} bytes; at most ${MAX_CUSTOM_BYTES} bytes are allowed.`);
	if (!account.subscribers.setCustomString(body.Subscriber_Account, body.CustomString)) {
		throw badParam('Subscriber_Account does not follow this official account.');
	}
	return okBody({});
}

export const service = 'official_account_open_http_svc';
export const command = 'modify_subscriber_info';
export const mutates = true;
export const badJsonCode = 20001;
export { modifySubscriberInfo as handler };
