/**
 * How the transport reacts to a failure (error codes: https://trtc.io/document/34348).
 * - transient: may have been acted on; a repeatable call is retried, any other fails as "outcome unknown".
 * - notSent, rateLimited: Tencent provably did not act; every call is retried.
 * - staleTicket: a new UserSig, then one retry.
 * - credential: the credential is wrong; nothing more is sent with it in this run.
 * - permanent, local: not retried.
 */
export type FailureClass = 'transient' | 'notSent' | 'rateLimited' | 'staleTicket' | 'credential' | 'permanent' | 'local';

export const TRANSIENT_CODES = new Set([60008, 10002, 20004, 20005, 70169, 70500]);
export const RATE_LIMITED_CODES = new Set([60007, 60011, 60018, 60019, 10006, 10023]);
const STALE_TICKET = new Set([70001, 70052]);
/** A wrong key, SDKAppID, region or admin: every further call would fail the same way, and too many lock the app (70050). */
export const CREDENTIAL_CODES = new Set([70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 60006, 60010, 70403, 70050]);

/** On these official account commands 10004 is "internal error, retry"; elsewhere it is "invalid parameter". */
const SUBSCRIBER_COMMANDS = new Set(['get_subscriber_info', 'add_subscriber', 'delete_subscriber']);

export function classifyCode(code: number, command: string): FailureClass {
	if (TRANSIENT_CODES.has(code)) return 'transient';
	if (code === 10004 && SUBSCRIBER_COMMANDS.has(command)) return 'transient';
	if (RATE_LIMITED_CODES.has(code)) return 'rateLimited';
	if (STALE_TICKET.has(code)) return 'staleTicket';
	if (CREDENTIAL_CODES.has(code)) return 'credential';
	return 'permanent';
}

interface Explanation {
	problem: string;
	fix: string;
}

const CHECK_CREDENTIAL = 'Open the Tencent Cloud Chat API credential and check';

const EXPLANATIONS: Record<number, Explanation> = {
	70001: { problem: 'the UserSig has expired', fix: 'The node renews it automatically; if this persists, check the machine clock.' },
	70002: { problem: 'the UserSig is missing', fix: `${CHECK_CREDENTIAL} the Secret Key.` },
	70003: { problem: 'the UserSig is malformed', fix: `${CHECK_CREDENTIAL} the Secret Key and the SDKAppID for stray characters.` },
	70005: { problem: 'the UserSig is malformed', fix: `${CHECK_CREDENTIAL} the Secret Key and the SDKAppID for stray characters.` },
	70009: { problem: 'the Secret Key does not match the SDKAppID', fix: `${CHECK_CREDENTIAL} the Secret Key: copy it again from the console (Application Configuration > Basic Information).` },
	70013: { problem: 'the Identifier differs from the one in the UserSig', fix: `${CHECK_CREDENTIAL} the Identifier.` },
	70014: { problem: 'the SDKAppID differs from the one in the UserSig', fix: `${CHECK_CREDENTIAL} the SDKAppID.` },
	70016: { problem: 'Tencent has no key for this SDKAppID', fix: `${CHECK_CREDENTIAL} the SDKAppID and the Region.` },
	70020: { problem: 'Tencent does not know this SDKAppID in the chosen region', fix: `${CHECK_CREDENTIAL} the SDKAppID and the Region.` },
	60006: { problem: 'the SDKAppID is invalid or belongs to another region', fix: `${CHECK_CREDENTIAL} the SDKAppID and the Region.` },
	60010: { problem: 'the Identifier is not an app admin', fix: `${CHECK_CREDENTIAL} the Identifier: use an account from the console's App Admin list, such as "administrator".` },
	70403: { problem: 'the Identifier is not an app admin', fix: `${CHECK_CREDENTIAL} the Identifier: use an account from the console's App Admin list, such as "administrator".` },
	70050: { problem: 'too many wrong signatures: Tencent has locked this SDKAppID for a minute', fix: 'Fix the Secret Key, then wait a minute before running again. The node does not retry this error, because every retry extends the lock-out.' },
	70052: { problem: 'the UserSig was invalidated', fix: 'The node renews it automatically; if this persists, check whether another system revokes admin tickets.' },
	60007: { problem: 'the call rate limit (200 calls per second per API) was exceeded', fix: 'Lower "Max Calls Per Second" or spread the workflow runs out, since other systems share this quota.' },
	6017: { problem: 'a request parameter is invalid', fix: 'Check the official account ID and the other parameters.' },
	20001: { problem: 'the request packet is invalid', fix: 'Check the parameters for unusual characters.' },
	10003: { problem: 'the command is not valid for this service', fix: 'Report this to the node maintainers.' },
	10004: { problem: 'a request parameter is invalid', fix: 'Check the IDs and options of this item.' },
	10007: { problem: 'the admin has no permission for this group (AVChatRoom groups cannot list members through the REST API)', fix: 'Use a group of another type, or check that the Identifier is an app admin.' },
	10010: { problem: 'the group or official account does not exist or was dismissed', fix: 'Check the ID; copy it from the console or from the API that created it.' },
	10015: { problem: 'the group or official account ID is invalid', fix: 'Check the ID; group IDs look like @TGS#…' },
	10018: { problem: 'the response would exceed 1 MB', fix: 'Lower the Page Size option.' },
	130002: { problem: 'the admin has no permission for this official account operation', fix: 'Check the official account ID and that the Identifier is an app admin.' },
	130004: { problem: 'the official account does not exist, or was terminated', fix: 'Check the Official Account ID (it looks like @TOA#_…).' },
	130006: { problem: 'the official account has reached its subscriber limit', fix: 'Raise MaxSubscriberNum with "Modify Official Account Information" after upgrading the package.' },
	130007: { problem: 'the official account ID is invalid', fix: 'Check the Official Account ID (it looks like @TOA#_…).' },
	131000: { problem: 'the official account service is not enabled for this app', fix: 'Enable official accounts in the Tencent Cloud Chat console (an Enterprise edition feature).' },
};

/** 10004 on the subscriber APIs is Tencent's internal error, not a bad parameter. */
const SUBSCRIBER_INTERNAL: Explanation = { problem: 'Tencent reported an internal error', fix: 'The node retried; try again later.' };

/** The message APIs of official accounts share the group codes, but speak of official accounts. */
const OFFICIAL_ACCOUNT_MESSAGES: Record<number, Explanation> = {
	10004: { problem: 'a request parameter is invalid', fix: 'Check the official account ID, the message and the options of this item.' },
	10010: { problem: 'the official account does not exist or was dismissed', fix: 'Check the Official Account ID (it looks like @TOA#_…).' },
	10015: { problem: 'the official account ID is invalid', fix: 'Check the Official Account ID (it looks like @TOA#_…).' },
};

const PER_COMMAND: Record<string, Record<number, Explanation>> = {
	get_subscriber_info: {
		10004: SUBSCRIBER_INTERNAL,
		130010: { problem: 'this app has created more official accounts than its plan allows', fix: 'Dissolve some official accounts or upgrade the plan.' },
	},
	add_subscriber: {
		10004: SUBSCRIBER_INTERNAL,
		130010: { problem: 'a user follows more official accounts than allowed', fix: 'Ask the user to unsubscribe from some official accounts.' },
	},
	delete_subscriber: { 10004: SUBSCRIBER_INTERNAL },
	create_official_account: {
		130003: { problem: 'an official account with this Custom ID exists already', fix: 'Choose another Custom ID, or leave it out to let Tencent make one.' },
	},
	modify_subscriber_info: {
		6017: { problem: 'the user does not follow this official account, or a parameter is invalid', fix: 'Check the Subscriber Account; add the user with Subscriber → Add first.' },
	},
	send_official_account_msg: OFFICIAL_ACCOUNT_MESSAGES,
	official_account_msg_recall: OFFICIAL_ACCOUNT_MESSAGES,
	official_account_msg_get_simple: {
		10010: OFFICIAL_ACCOUNT_MESSAGES[10010],
		10015: OFFICIAL_ACCOUNT_MESSAGES[10015],
		10007: { problem: 'the admin has no permission to read this official account', fix: 'Check that the Identifier is an app admin.' },
	},
};

export function explainCode(code: number, command: string): Explanation {
	const explained = PER_COMMAND[command]?.[code] ?? EXPLANATIONS[code];
	if (explained) return explained;
	if (classifyCode(code, command) === 'transient') {
		return { problem: 'Tencent reported an internal error', fix: 'The node retried; try again later.' };
	}
	return { problem: 'Tencent rejected the request', fix: 'See Tencent\'s error code list for this code.' };
}
