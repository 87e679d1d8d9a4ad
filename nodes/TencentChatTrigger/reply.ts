import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** The reply Tencent expects: HTTP 200 with this body within about 2 s (https://trtc.io/document/34354). */
export const OK_REPLY: IDataObject = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

/** Tencent's envelope with a non-zero code: for a Before callback it also refuses the action. */
export function failReply(errorInfo: string): IDataObject {
	return { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: errorInfo };
}

/** Writes the answer itself (a status other than the webhook's 200) and starts no execution. */
export function answerNow(context: IWebhookFunctions, status: number, body: IDataObject, workflowData?: IWebhookResponseData['workflowData']): IWebhookResponseData {
	const res = context.getResponseObject();
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
	return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
}
