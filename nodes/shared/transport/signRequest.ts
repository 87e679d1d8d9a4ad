import { randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { readCredentials } from '../credentials';
import { getUserSig } from '../userSig';

/** The credential's `authenticate`: every request gets the admin ticket and a fresh `random`. */
export async function signRequest(
	data: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = readCredentials(data);
	return {
		...requestOptions,
		baseURL: credentials.baseUrl,
		qs: {
			...requestOptions.qs,
			sdkappid: credentials.sdkAppId,
			identifier: credentials.identifier,
			usersig: getUserSig(credentials),
			random: randomBytes(4).readUInt32BE(0),
			contenttype: 'json',
		},
	};
}
