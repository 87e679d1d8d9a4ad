// Error codes and the ErrorInfo texts sent with them (never echoing the request's UserSig).

export const INFO: Record<number, string> = {
	6017: 'Invalid request parameter. Please modify and retry.',
	10002: 'Internal server error. Try again.',
	10003: 'Invalid command word.',
	10004: 'Invalid parameter. Check the error description and troubleshoot the issue.',
	10007: 'No operation permissions.',
	10010: 'The group does not exist or has been deleted.',
	10014: 'The group is full.',
	10015: 'Invalid group ID. Use the correct group ID.',
	10023: 'Send frequency limit exceeded.',
	10030: 'The message does not exist.',
	10031: 'The message has already been recalled.',
	10018: 'The response exceeds the maximum size allowed (1 MB). Use Limit to pull the member data by page.',
	20001: 'Invalid request packet. Please modify and retry.',
	20005: 'Internal server error. Please try again.',
	60002: 'HTTP parse error. Check the HTTP request URL format.',
	60003: 'HTTP request JSON parse error. Check the JSON format.',
	60004: 'Incorrect account or signature in the request URL or JSON body.',
	60007: 'REST API call frequency exceeds the limit. Reduce the request rate.',
	60009: 'Request resource error. Check the request URL.',
	60012: 'SDKAppID is required for a REST API call. Check the SDKAppID in the request URL.',
	70001: 'UserSig has expired. Generate a new one.',
	70002: 'UserSig is empty.',
	70003: 'UserSig parse failed.',
	70005: 'UserSig parse failed: invalid ticket content.',
	70009: 'UserSig verification failed. Check that the secret key belongs to this SDKAppID.',
	70013: 'The UserID in the request does not match the UserID used to generate the UserSig.',
	70014: 'The SDKAppID in the request does not match the SDKAppID used to generate the UserSig.',
	70020: 'SDKAppID does not exist. Check the SDKAppID and the data center.',
	70050: 'UserSig verification failed too many times. Try again after 1 minute.',
	70052: 'UserSig has been invalidated. Generate a new one.',
	70402: 'Invalid parameter.',
	70403: 'The request requires app admin permissions.',
	130003: 'The official account ID is already in use.',
	130004: 'The official account user does not exist, or once existed but has now been terminated.',
	130006: 'The number of subscribers for this official account has reached its limit.',
	130007: 'Incorrect official account user ID. Please modify and retry.',
	131000: 'This AppId has not been enabled with official account service.',
};

/** Thrown by API handlers; the server turns it into a FAIL body. */
export class ApiError extends Error {
	code: number;

	constructor(code: number, info?: string) {
		super(info || INFO[code] || 'Error');
		this.code = code;
	}
}

/** Tencent's answer envelope: ActionStatus, ErrorInfo, ErrorCode and the API's own fields. */
export interface Envelope {
	ActionStatus: 'OK' | 'FAIL';
	ErrorInfo: string;
	ErrorCode: number;
	[field: string]: any;
}

export function failBody(code: number, info?: string): Envelope {
	return { ActionStatus: 'FAIL', ErrorInfo: info || INFO[code] || 'Error', ErrorCode: code };
}

export function okBody(fields: Record<string, unknown>): Envelope {
	return { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...fields };
}
