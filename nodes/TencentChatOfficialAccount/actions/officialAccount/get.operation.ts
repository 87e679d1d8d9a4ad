import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { runBatched } from '../../../shared/batches';
import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { apiError } from '../../../shared/errors';
import { readMaxCallsPerSecond } from '../../../shared/parameters';
import { simplifyOfficialAccount, simplifyOutput, simplifyProperty } from '../../../shared/simplify';
import { apiRequest } from '../../../shared/transport';
import { SERVICE, officialAccountProperty, readOfficialAccount } from '../common';

/** get_official_account_info takes at most 50 accounts a call (https://trtc.io/document/60758). */
const BATCH_SIZE = 50;
/** Every field its filter offers. */
const INFO_FIELDS = ['CreateTime', 'Name', 'Owner_Account', 'LastMsgTime', 'SubscriberNum', 'Introduction', 'FaceUrl', 'Organization', 'CustomString'];
/** Tencent's per-account status, not part of the account. */
const STATUS_FIELDS = ['ErrorCode', 'ErrorInfo', 'ActionStatus'];
/** All official accounts of the run go in one list, however many items name them. */
const ALL = 'all';

const properties: INodeProperties[] = [officialAccountProperty, simplifyProperty, optionsCollection([maxCallsPerSecondOption])];

export const description = updateDisplayOptions({ show: { resource: ['officialAccount'], operation: ['get'] } }, properties);

type AccountInfo = { info: IDataObject } | { code: number; info: string };

function readEntries(ids: string[], list: unknown): Map<string, AccountInfo> {
	const entries = Array.isArray(list) ? (list as IDataObject[]) : [];
	const results = new Map<string, AccountInfo>();
	ids.forEach((id, position) => {
		const entry = entries.find((e) => e?.Official_Account === id) ?? (entries[position]?.Official_Account === undefined ? entries[position] : undefined);
		if (!entry) results.set(id, { code: -1, info: 'Tencent returned nothing for this official account' });
		else if (entry.ErrorCode !== undefined && entry.ErrorCode !== 0) results.set(id, { code: Number(entry.ErrorCode), info: String(entry.ErrorInfo ?? '') });
		else {
			const info = Object.fromEntries(Object.entries(entry).filter(([key]) => !STATUS_FIELDS.includes(key)));
			results.set(id, { info: { ...info, Official_Account: id } });
		}
	});
	return results;
}

function describeMissing(code: number, info: string): string {
	if (code === 130004) return 'The official account does not exist, or was deleted';
	if (code === 130007) return 'The official account ID is invalid';
	return `Tencent could not read this official account${code > 0 ? ` [Tencent error ${code}]` : ''}${info ? `: ${info}` : ''}`;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const callsPerSecond = readMaxCallsPerSecond.call(this);
	const output = await runBatched.call(this, items, {
		targetNoun: 'official accounts',
		doing: 'Getting official accounts',
		batchSize: BATCH_SIZE,
		readItem: (itemIndex) => ({ target: ALL, ids: [readOfficialAccount.call(this, itemIndex)] }),
		sendBatch: async (batch) => {
			const answer = await apiRequest.call(this, {
				service: SERVICE,
				command: 'get_official_account_info',
				repeatable: true,
				body: {
					OfficialAccountIdList: batch.ids.map((id) => ({ Official_Account: id })),
					ResponseFilter: { OfficialAccountBaseInfoFilter: INFO_FIELDS },
				},
				purpose: `get official accounts ${batch.label.slice(batch.label.lastIndexOf('('))}`,
				callsPerSecond,
			});
			return readEntries(batch.ids, answer.OfficialAccountInfoList);
		},
		toJson: (_request, id, result?: AccountInfo) => {
			if (!result) return { officialAccount: id };
			if ('code' in result) return { officialAccount: id, error: describeMissing(result.code, result.info), errorCode: result.code };
			return result.info;
		},
	});
	return simplifyOutput.call(this, failMissing.call(this, output), simplifyOfficialAccount);
}

/** An account Tencent could not read fails its item, or becomes an error item under Continue On Fail. */
function failMissing(this: IExecuteFunctions, output: INodeExecutionData[]): INodeExecutionData[] {
	return output.map((item) => {
		if (typeof item.json.errorCode !== 'number') return item;
		const itemIndex = (item.pairedItem as { item: number }).item;
		const { officialAccount, error } = item.json as { officialAccount: string; error: string };
		const description = 'Check the Official Account ID (it looks like @TOA#_…); copy it from Create or from the console.';
		if (!this.continueOnFail()) {
			throw apiError(this.getNode(), `${error}: "${officialAccount}" in item ${itemIndex}`, { itemIndex, description });
		}
		return { json: { error: `${error}: "${officialAccount}"`, description, officialAccount }, pairedItem: item.pairedItem };
	});
}
