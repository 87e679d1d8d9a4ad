import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredId } from '../../shared/parameters';

export const SERVICE = 'official_account_open_http_svc';

export const officialAccountProperty: INodeProperties = {
	displayName: 'Official Account',
	name: 'officialAccount',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. @TOA#_news',
	description: 'The ID of the official account, as Create returns it or the console shows it',
};

export function readOfficialAccount(this: IExecuteFunctions, itemIndex: number): string {
	return requiredId.call(this, 'officialAccount', 'Official Account', itemIndex);
}
