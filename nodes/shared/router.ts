import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

export type OperationExecute = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

/** Each resource's operation values, as a node's actions/node.type.ts declares them (Airtable v2's layout). */
export type ResourceMap = Record<string, string>;

/** resource -> operation -> execute: a resource or operation of the map missing here does not compile. */
export type OperationTable<Map extends ResourceMap> = {
	[Resource in keyof Map]: Record<Map[Resource], { execute: OperationExecute }>;
};

/** Dispatches to the operation chosen in the node; resource and operation are the same for every item. */
export async function routeOperation<Map extends ResourceMap>(
	this: IExecuteFunctions,
	operations: OperationTable<Map>,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Saved workflows and expressions can still carry any string, so the lookup is checked at run time too.
	const table = operations as Record<string, Record<string, { execute: OperationExecute }> | undefined>;
	const handler = table[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for the resource "${resource}"`);
	}
	return [await handler.execute.call(this, this.getInputData())];
}
