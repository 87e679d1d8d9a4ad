import { fromFunction, webhookDescriptionFields, type INodeParameters } from 'n8n-workflow';

/*
 * When n8n answers Tencent: at once ("allow"), or with the last node's first item ("workflow"). The
 * functions must not close over anything: n8n inlines their source into the expression template.
 */
const responseMode = (parameters: INodeParameters) =>
	(parameters.options as { beforeEventReply?: string } | undefined)?.beforeEventReply === 'workflow' ? 'lastNode' : 'onReceived';
const responseData = (parameters: INodeParameters) =>
	(parameters.options as { beforeEventReply?: string } | undefined)?.beforeEventReply === 'workflow' ? 'firstEntryJson' : '';

/**
 * The webhook's responseMode and responseData. n8n 2.x resolves fields built by webhookDescriptionFields
 * natively instead of starting its expression engine on every callback; n8n 1.x has no such helper and
 * evaluates the same template.
 */
export function replyFields(): { responseMode: string; responseData: string } {
	if (typeof webhookDescriptionFields === 'function' && typeof fromFunction === 'function') {
		return webhookDescriptionFields({ responseMode: fromFunction(responseMode), responseData: fromFunction(responseData) });
	}
	return { responseMode: `={{(${String(responseMode)})($parameter)}}`, responseData: `={{(${String(responseData)})($parameter)}}` };
}
