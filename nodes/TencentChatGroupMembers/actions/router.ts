import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../shared/router';
import * as member from './member/Member.resource';
import type { TencentChatGroupMembersMap } from './node.type';

const operations: OperationTable<TencentChatGroupMembersMap> = { member: member.operations };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}
