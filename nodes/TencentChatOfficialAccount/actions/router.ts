import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../shared/router';
import * as message from './message/Message.resource';
import type { TencentChatOfficialAccountMap } from './node.type';
import * as officialAccount from './officialAccount/OfficialAccount.resource';
import * as subscriber from './subscriber/Subscriber.resource';

const operations: OperationTable<TencentChatOfficialAccountMap> = {
	message: message.operations,
	officialAccount: officialAccount.operations,
	subscriber: subscriber.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}
