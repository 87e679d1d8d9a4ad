import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

export type OperationExecute = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

/** resource -> operation -> execute, as each node's actions/ folder lays them out. */
export type OperationTable = Record<string, Record<string, { execute: OperationExecute }>>;

/** Dispatches to the operation chosen in the node; resource and operation are the same for every item. */
export async function routeOperation(this: IExecuteFunctions, operations: OperationTable): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for the resource "${resource}"`);
	}
	return [await handler.execute.call(this, this.getInputData())];
}
