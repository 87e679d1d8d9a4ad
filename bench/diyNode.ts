// The do-it-yourself baseline as an n8n node (`harness.diyAddSubscriber`, bench only): what a user
// builds from a loop and the HTTP Request node. For every item, one after the other: sign a new
// UserSig with Tencent's own library, then one add_subscriber call with that one subscriber,
// through n8n's own HTTP helper (axios, the HTTP Request node's client).

import TLSSigAPIv2 from 'tls-sig-api-v2';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

class DiyAddSubscriber implements INodeType {
	description: INodeTypeDescription;

	constructor() {
		this.description = {
			displayName: 'DIY Add Subscriber',
			name: 'diyAddSubscriber',
			group: ['transform'],
			version: 1,
			description: 'One add_subscriber call per item, new UserSig per call (benchmark baseline)',
			defaults: { name: 'DIY' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
				{ displayName: 'SDKAppID', name: 'sdkAppId', type: 'number', default: 0 },
				{ displayName: 'Secret Key', name: 'secretKey', type: 'string', default: '' },
				{ displayName: 'Official Account', name: 'officialAccount', type: 'string', default: '' },
				{ displayName: 'Subscriber', name: 'subscriber', type: 'string', default: '' },
			],
		};
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let item = 0; item < items.length; item++) {
			const baseUrl = this.getNodeParameter('baseUrl', item);
			const sdkAppId = this.getNodeParameter('sdkAppId', item);
			const secretKey = this.getNodeParameter('secretKey', item);
			const userSig = new TLSSigAPIv2.Api(sdkAppId, secretKey).genUserSig('administrator', 86400);
			const answer = await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/v4/official_account_open_http_svc/add_subscriber`,
				qs: {
					sdkappid: sdkAppId,
					identifier: 'administrator',
					usersig: userSig,
					random: Math.floor(Math.random() * 4294967295),
					contenttype: 'json',
				},
				body: {
					Official_Account: this.getNodeParameter('officialAccount', item),
					SubscriberList: [{ Subscriber_Account: this.getNodeParameter('subscriber', item) }],
				},
				json: true,
			});
			output.push({ json: answer, pairedItem: { item } });
		}
		return [output];
	}
}

export { DiyAddSubscriber };
