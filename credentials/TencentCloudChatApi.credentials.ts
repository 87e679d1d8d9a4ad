import type {
	IAuthenticate,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { REGIONS } from '../nodes/shared/regions';
import { signRequest } from '../nodes/shared/transport/signRequest';

function failsWith(code: number, message: string): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key: 'ErrorCode', value: code, message } };
}

const CHECK_KEY = 'The Secret Key does not match this SDKAppID. Copy the key again from the Tencent Cloud Chat console.';
const CHECK_APP = 'Tencent does not know this SDKAppID in the chosen region. Check the SDKAppID and the Region.';
const CHECK_ADMIN = 'The Identifier is not an app admin. Use an admin account, such as "administrator", from the console\'s App Admin list.';

export class TencentCloudChatApi implements ICredentialType {
	name = 'tencentCloudChatApi';

	displayName = 'Tencent Cloud Chat API';

	icon: Icon = { light: 'file:tencentCloudChat.svg', dark: 'file:tencentCloudChat.dark.svg' };

	documentationUrl = 'https://trtc.io/document/34579';

	properties: INodeProperties[] = [
		{
			displayName: 'SDKAppID',
			name: 'sdkAppId',
			type: 'number',
			default: 0,
			required: true,
			placeholder: 'e.g. 1400000001',
			description: 'The application ID shown in the Tencent Cloud Chat console',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'china',
			description: 'The data centre of the application, as chosen when it was created',
			options: [
				...Object.entries(REGIONS).map(([value, region]) => ({
					name: region.name,
					value,
					description: region.domain,
				})),
				{ name: 'Custom', value: 'custom', description: 'A base URL of your own (private deployments, the local emulator)' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:8080',
			description: 'Full URL of the REST API, without the /v4 path',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: 'administrator',
			description: 'An app admin account; the REST API accepts only admins',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key used to compute the UserSig; it never leaves n8n',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		signRequest(credentials, requestOptions);

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/v4/im_open_login_svc/account_check',
			body: { CheckItem: [{ UserID: '={{ String($credentials.identifier).trim() }}' }] },
		},
		rules: [
			failsWith(70009, CHECK_KEY),
			failsWith(70003, CHECK_KEY),
			failsWith(70013, CHECK_ADMIN),
			failsWith(70014, CHECK_APP),
			failsWith(70020, CHECK_APP),
			failsWith(60006, CHECK_APP),
			failsWith(60010, CHECK_ADMIN),
			failsWith(70403, CHECK_ADMIN),
			failsWith(70050, 'Too many wrong signatures: Tencent has locked this SDKAppID for a minute. Fix the Secret Key, wait, then test again.'),
		],
	};
}
