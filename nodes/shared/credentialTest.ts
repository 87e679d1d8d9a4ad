import type { IAuthenticateRuleResponseSuccessBody, ICredentialTestRequest } from 'n8n-workflow';

import { RATE_LIMITED_CODES, TRANSIENT_CODES } from './transport/errorCodes';

export const CHECK_KEY = 'The Secret Key does not match this SDKAppID. Copy the key again from the Tencent Cloud Chat console.';
export const CHECK_APP = 'Tencent does not know this SDKAppID in the chosen region. Check the SDKAppID and the Region.';
const CHECK_ADMIN = 'The Identifier is not an app admin. Use an admin account, such as "administrator", from the console\'s App Admin list.';
const CHECK_CHARACTERS = 'Tencent could not read the signature. Check the Secret Key and the SDKAppID for stray characters.';
export const NOT_TENCENT = 'The answer is not from the Tencent Cloud Chat REST API. Check the Region, or the Base URL.';

/** What the Test button says for each error code of account_check (https://trtc.io/document/34348). */
const CODE_MESSAGES: Array<[number, string]> = [
	[70001, 'Tencent says the signature has expired. Check the clock of the n8n server, then test again.'],
	[70002, CHECK_CHARACTERS],
	[70003, CHECK_CHARACTERS],
	[70005, CHECK_CHARACTERS],
	[70009, CHECK_KEY],
	[70013, CHECK_ADMIN],
	[70014, CHECK_APP],
	[70016, CHECK_APP],
	[70020, CHECK_APP],
	[60006, CHECK_APP],
	[60010, CHECK_ADMIN],
	[70403, CHECK_ADMIN],
	[70050, 'Too many wrong signatures: Tencent has locked this SDKAppID for a minute. Fix the Secret Key, wait, then test again.'],
	[70052, 'Tencent says the signature was invalidated. Test again in a minute.'],
	...[...RATE_LIMITED_CODES].map((code): [number, string] => [code, `Tencent is limiting the calls of this app right now (error ${code}). Test again in a minute.`]),
	...[...TRANSIENT_CODES].map((code): [number, string] => [code, `Tencent reported an internal error (${code}). Test again later.`]),
];

function failsWhen(key: string, value: unknown, message: string): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key, value, message } };
}

/**
 * The Test button's request and rules. n8n fails the test at the first rule whose field equals its value,
 * so the rules name every failing shape: each known code, any other FAIL, and an answer that is not
 * Tencent's (no ActionStatus, no result for the Identifier); n8n fails any HTTP error itself. Only Tencent's
 * OK passes them all.
 */
export const credentialTest: ICredentialTestRequest = {
	request: {
		method: 'POST',
		url: '/v4/im_open_login_svc/account_check',
		body: { CheckItem: [{ UserID: '={{ String($credentials.identifier || "administrator").trim() }}' }] },
	},
	rules: [
		...CODE_MESSAGES.map(([code, message]) => failsWhen('ErrorCode', code, message)),
		failsWhen('ActionStatus', 'FAIL', 'Tencent refused the test. Check the SDKAppID, the Region and the Identifier.'),
		failsWhen('ActionStatus', undefined, NOT_TENCENT),
		failsWhen('ResultItem[0].UserID', undefined, NOT_TENCENT),
	],
};
