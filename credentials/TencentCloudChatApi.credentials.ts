import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialTest } from '../nodes/shared/credentialTest';
import { REGIONS } from '../nodes/shared/regions';
import { signRequest } from '../nodes/shared/transport/signRequest';


export class TencentCloudChatApi implements ICredentialType {
	name = 'tencentCloudChatApi';

	displayName = 'Tencent Cloud Chat API';

	icon: Icon = { light: 'file:../icons/tencentChat.svg', dark: 'file:../icons/tencentChat.dark.svg' };

	documentationUrl = 'https://trtc.io/document/34579';

	properties: INodeProperties[] = [
		{
			displayName: 'SDKAppID',
			name: 'sdkAppId',
			// Text, not a number field: a number field starts at 0 and hides the placeholder. Credentials saved
			// with a number keep working, since both are read the same way.
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1400000001',
			description: 'The application ID shown in the Tencent Cloud Chat console, a number such as 1400000001',
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
			description: 'The full address of the Tencent Cloud Chat server, e.g. a backup domain or your own deployment',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: 'administrator',
			description: 'An app admin account, e.g. administrator; Tencent accepts only admins here',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key that signs every request; it never leaves n8n',
		},
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The callback token set in the Tencent Cloud Chat console (Callback Configuration). With it, the Tencent Chat Trigger accepts only callbacks signed with this token.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		signRequest(credentials, requestOptions);

	test: ICredentialTestRequest = credentialTest;
}
