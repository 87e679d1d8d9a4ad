import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBatched, type Batch, type BatchedOperation } from '../../../shared/batches';
import { readMaxCallsPerSecond } from '../../../shared/parameters';
import type { TencentAnswer } from '../../../shared/transport';
import { groupIdReader, groupRequest, memberAccountsReader } from './common';

/** A batched member operation: the IDs of all items, per group, de-duplicated, `batchSize` a call. */
export interface MemberBatchOperation<R> {
	command: string;
	/** 'add members to', for errors. */
	verb: string;
	/** 'Adding members', for a run that stopped half-way. */
	doing: string;
	batchSize: number;
	body(groupId: string, ids: string[], batch: MemberBatch): IDataObject;
	results(answer: TencentAnswer, ids: string[], batch: MemberBatch): Map<string, R>;
	/** The output of one (item, ID); without a result (its batch failed), the fields that identify it. */
	toJson(groupId: string, memberAccount: string, result?: R): IDataObject;
	/** When items of one group may differ in a setting (e.g. the mute duration): that setting, which splits batches. */
	setting?: { read(itemIndex: number): string; describe(value: string): string };
}

export interface MemberBatch extends Batch {
	groupId: string;
	/** The item setting shared by this batch, if the operation has one. */
	setting?: string;
}

/** Batches are planned per target; with a setting the target is the group and the setting, apart. */
const SEPARATOR = '\n';

export async function runMemberBatches<R>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	op: MemberBatchOperation<R>,
): Promise<INodeExecutionData[]> {
	const readIds = memberAccountsReader.call(this, items);
	const readGroup = groupIdReader.call(this);
	const callsPerSecond = readMaxCallsPerSecond.call(this);
	const split = (target: string) => {
		const at = op.setting ? target.lastIndexOf(SEPARATOR) : -1;
		return at < 0
			? { groupId: target }
			: { groupId: target.slice(0, at), setting: target.slice(at + 1) };
	};
	return await runBatched.call<IExecuteFunctions, [INodeExecutionData[], BatchedOperation<R>], Promise<INodeExecutionData[]>>(this, items, {
		targetNoun: 'group',
		doing: op.doing,
		batchSize: op.batchSize,
		readItem: (itemIndex) => {
			const groupId = readGroup(itemIndex);
			const ids = readIds(itemIndex);
			return {
				target: op.setting ? `${groupId}${SEPARATOR}${op.setting.read(itemIndex)}` : groupId,
				ids,
			};
		},
		sendBatch: async (batch) => {
			const { groupId, setting } = split(batch.target);
			const where =
				setting === undefined ? `"${groupId}"` : `"${groupId}" ${op.setting!.describe(setting)}`;
			const memberBatch: MemberBatch = {
				...batch,
				groupId,
				setting,
				label: batch.label.replace(`"${batch.target}"`, where),
			};
			const answer = await groupRequest.call(this, {
				command: op.command,
				body: op.body(groupId, batch.ids, memberBatch),
				purpose: `${op.verb} ${memberBatch.label}`,
				groupId,
				callsPerSecond,
			});
			return op.results(answer, batch.ids, memberBatch);
		},
		toJson: (request, id, result) => op.toJson(split(request.target).groupId, id, result),
	});
}

/** A list in an answer, keyed by Member_Account. */
export function byAccount(list: unknown): Map<string, IDataObject> {
	const found = new Map<string, IDataObject>();
	if (Array.isArray(list)) {
		for (const entry of list as IDataObject[]) {
			if (typeof entry?.Member_Account === 'string') found.set(entry.Member_Account, entry);
		}
	}
	return found;
}
