import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { apiError, CHECK_ANSWER, usageError } from '../../../shared/errors';
import { forEachItem } from '../../../shared/items';
import { requiredId } from '../../../shared/parameters';
import { apiRequest, isOutcomeUnknown, type ApiCall, type TencentAnswer } from '../../../shared/transport';
import { SERVICE } from '../common';
import { NAME_FIELD, OPTIONAL_FIELDS, readAccountFields } from './accountFields';

const ID_PREFIX = '@TOA#_';

const properties: INodeProperties[] = [
	{
		displayName: 'Owner Account',
		name: 'ownerAccount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. admin01',
		description: 'The user who owns the official account; it must be an imported user of the app',
	},
	{ ...NAME_FIELD.property, required: true },
	optionsCollection([
		{
			displayName: 'Custom ID',
			name: 'customId',
			type: 'string',
			default: '',
			placeholder: 'e.g. @TOA#_store_news',
			description: 'Your own ID for the official account, starting with @TOA#_. Without it Tencent makes one.',
		},
		...OPTIONAL_FIELDS.map((field) => field.property),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['officialAccount'], operation: ['create'] } }, properties);

function readCustomId(this: IExecuteFunctions, options: IDataObject, itemIndex: number): string | undefined {
	const customId = String(options.customId ?? '').trim();
	if (!customId) return undefined;
	if (!customId.startsWith(ID_PREFIX) || customId.length === ID_PREFIX.length) {
		throw usageError(this.getNode(), `Custom ID "${customId}" in item ${itemIndex} does not start with ${ID_PREFIX}`, {
			itemIndex,
			description: `Tencent requires custom official account IDs to start with ${ID_PREFIX}, e.g. ${ID_PREFIX}store_news. Or leave Custom ID out and Tencent makes one.`,
		});
	}
	return customId;
}

/** Everything is checked before the call: a create cannot be taken back by a retry. */
function readCreate(this: IExecuteFunctions, itemIndex: number) {
	const ownerAccount = requiredId.call(this, 'ownerAccount', 'Owner Account', itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (!name) {
		throw usageError(this.getNode(), `Name is empty in item ${itemIndex}`, { itemIndex, description: 'Enter a name for the official account.' });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const customId = readCustomId.call(this, options, itemIndex);
	const named = readAccountFields.call(this, { name }, [NAME_FIELD], itemIndex);
	const optional = readAccountFields.call(this, options, OPTIONAL_FIELDS, itemIndex);
	const body: IDataObject = { Owner_Account: ownerAccount, ...named.body, ...optional.body };
	if (customId) body.OfficialAccountUserID = customId;
	const output: IDataObject = { ownerAccount, name, ...(customId ? { customId } : {}), ...optional.output };
	return { body, output, customId };
}

/**
 * After a lost answer to a create with a Custom ID, asks Get (a read, safe to repeat) whether the account
 * now exists with this owner and name. Never sends the create again.
 */
async function confirmCreated(this: IExecuteFunctions, lost: Error, customId: string, body: IDataObject, itemIndex: number): Promise<TencentAnswer> {
	let entry: IDataObject | undefined;
	try {
		const answer = await apiRequest.call(this, {
			service: SERVICE,
			command: 'get_official_account_info',
			repeatable: true,
			body: { OfficialAccountIdList: [{ Official_Account: customId }], ResponseFilter: { OfficialAccountBaseInfoFilter: ['Name', 'Owner_Account'] } },
			purpose: `check whether official account "${customId}" was created`,
			itemIndex,
		});
		entry = (answer.OfficialAccountInfoList as IDataObject[] | undefined)?.[0];
	} catch {
		throw lost; // the check failed too: the outcome stays unknown
	}
	if (entry && (entry.ErrorCode ?? 0) === 0 && entry.Owner_Account === body.Owner_Account && entry.Name === body.Name) {
		return { OfficialAccountUserID: customId };
	}
	const described = lost as Error & { description?: string | null };
	described.description = `${described.description ?? ''} Official Account → Get finds ${
		entry && (entry.ErrorCode ?? 0) === 0 ? 'an account with this ID but another owner or name' : 'no account with this ID, so it was most likely not created'
	}.`.trim();
	throw lost;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const { body, output: fields, customId } = readCreate.call(this, itemIndex);
		const call: ApiCall = {
			service: SERVICE,
			command: 'create_official_account',
			// A second create makes a second account (or fails on a taken Custom ID): never repeated.
			repeatable: false,
			outcomeCheck: customId
				? `Check with Official Account → Get for "${customId}" whether it was created before you run this item again.`
				: 'Check in the Tencent Cloud Chat console whether the account was created before you run this item again.',
			body,
			purpose: `create official account "${fields.name as string}"`,
			itemIndex,
		};
		const sent = await apiRequest.call(this, call).then(
			(answer) => ({ answer }),
			(error: Error) => ({ error }),
		);
		if ('error' in sent && (!customId || !isOutcomeUnknown(sent.error))) throw sent.error;
		const answer = 'error' in sent ? await confirmCreated.call(this, sent.error, customId!, body, itemIndex) : sent.answer;
		const officialAccount = answer.OfficialAccountUserID;
		if (typeof officialAccount !== 'string' || !officialAccount) {
			throw apiError(this.getNode(), `Tencent created official account "${fields.name as string}" but returned no OfficialAccountUserID`, {
				itemIndex,
				description: CHECK_ANSWER,
			});
		}
		output.push({ json: { officialAccount, ...fields }, pairedItem: { item: itemIndex } });
	}, (itemIndex) => ({ name: this.getNodeParameter('name', itemIndex, '') as string }));
}
