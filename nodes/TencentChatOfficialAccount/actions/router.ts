import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import * as message from './message/Message.resource';
import * as officialAccount from './officialAccount/OfficialAccount.resource';
import * as subscriber from './subscriber/Subscriber.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, { subscriber: subscriber.operations, message: message.operations, officialAccount: officialAccount.operations });
}
