import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

interface ErrorDetails {
	description?: string;
	itemIndex?: number;
	/** Kept on the error for callers (never secrets). */
	details?: JsonObject;
}

export const CHECK_ANSWER =
	'The answer does not match the API; try again later, and check that the Base URL points at the Tencent Cloud Chat REST API.';

/** n8n's error classes swap any message containing words like "EPERM" (even inside an ID) for a generic one. */
function keepMessage<E extends NodeApiError | NodeOperationError>(error: E, message: string): E {
	error.message = message;
	error.messages = [];
	return error;
}

/** Tencent answered, but not as it should: a failed call, an inconsistent page, a cursor that goes nowhere. */
export function apiError(node: INode, message: string, { description, itemIndex, details = {} }: ErrorDetails): NodeApiError {
	return keepMessage(new NodeApiError(node, { message, ...details }, { message, description, itemIndex }), message);
}

/** The node was set up or used in a way that cannot work: a parameter or credential field to fix. */
export function usageError(node: INode, message: string, { description, itemIndex }: ErrorDetails): NodeOperationError {
	return keepMessage(new NodeOperationError(node, message, { description, itemIndex }), message);
}
