import type { JsonObject, NodeApiError } from 'n8n-workflow';

import type { ChatCredentials } from '../credentials';
import { apiError } from '../errors';
import { explainCode } from './errorCodes';
import { redact, type Failure } from './failure';

const NETWORK_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	EPIPE: 'connection reset',
	UND_ERR_SOCKET: 'connection reset',
	ETIMEDOUT: 'no answer within the timeout',
	ESOCKETTIMEDOUT: 'no answer within the timeout',
	ECONNABORTED: 'no answer within the timeout',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
};

const LOCAL_PROBLEMS = {
	blocked: {
		problem: "n8n's SSRF protection blocked the request to the Base URL",
		fix: 'Ask your n8n administrator to allow this host (N8N_SSRF_ALLOWED_HOSTNAMES), or choose the Region instead of a custom Base URL.',
	},
	credential: { problem: 'n8n could not read the Tencent Cloud Chat API credential', fix: 'Open the node, select the credential again and save the workflow.' },
	internal: { problem: 'n8n could not send the request', fix: 'This is not a network problem, so the node did not retry. Report it to the node maintainers if it persists.' },
};

interface Described {
	problem: string;
	fix: string;
	code?: number;
}

export function describeFailure(failure: Failure, command: string, credentials: ChatCredentials): Described {
	switch (failure.kind) {
		case 'network':
			return {
				problem: `could not reach Tencent Cloud Chat at ${credentials.baseUrl} (${NETWORK_PROBLEMS[failure.code] ?? 'network error'})`,
				fix: 'Check the Region (or Base URL) in the credential and the network of the n8n server.',
			};
		case 'http':
			return {
				problem: `Tencent Cloud Chat answered HTTP ${failure.status}`,
				fix: failure.status >= 500 ? 'The service had a problem; the node retried. Try again later.' : 'Check the Region (or Base URL) in the credential.',
			};
		case 'malformed':
			return {
				problem: `Tencent Cloud Chat answered with ${failure.detail}`,
				fix: 'The node retried. If this persists, check that the Base URL points at the Tencent Cloud Chat REST API.',
			};
		case 'local': {
			const { problem, fix } = LOCAL_PROBLEMS[failure.reason];
			return { problem: `${problem} (${failure.detail.replace(/[.\s]+$/, '')})`, fix };
		}
		case 'api':
			if (failure.code === 0) return { problem: `Tencent reported a failure without an error code ("${failure.info}")`, fix: 'Try again later.' };
			return { ...explainCode(failure.code, command), code: failure.code };
	}
}

export interface FailedCall {
	service: string;
	command: string;
	purpose: string;
	itemIndex?: number;
	outcomeCheck?: string;
}

/** Joins sentences, so a message that ends in a full stop (inside quotes, too) gets no second one. */
export function sentence(text: string): string {
	return /[.!?]["')\]]*$/.test(text) ? text : `${text}.`;
}

/** Tencent's ErrorInfo quoted as one sentence: a message that ends in a full stop gets no second one after the quote. */
export function tencentSaid(info: string): string {
	return sentence(`Tencent said: "${info.trim()}"`);
}

/**
 * The error for a call that failed for good. `outcomeUnknown`: the call may have acted and was not sent
 * again, so the message says so and how to check.
 */
export function callError(
	node: Parameters<typeof apiError>[0],
	call: FailedCall,
	failure: Failure,
	attempts: number,
	credentials: ChatCredentials,
	outcomeUnknown = false,
): NodeApiError {
	const { problem, fix, code } = describeFailure(failure, call.command, credentials);
	const codeText = code === undefined ? '' : ` [Tencent error ${code}]`;
	const unknown = outcomeUnknown ? 'the outcome is unknown, because ' : '';
	const message = redact(`Could not ${call.purpose}: ${unknown}${problem}${codeText}`, credentials);
	const parts = outcomeUnknown
		? [
				'Tencent may have acted on the request before the answer was lost, so the node did not send it again.',
				call.outcomeCheck ?? 'Check in the Tencent Cloud Chat console whether it took effect before you run this item again.',
			]
		: [fix];
	if (failure.kind === 'api' && failure.info.trim()) parts.push(tencentSaid(failure.info));
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	const description = redact(`${parts.map(sentence).join(' ')}${tries}`, credentials);
	const details: JsonObject = { service: call.service, command: call.command, tencentCode: code ?? null, outcome: outcomeUnknown ? 'unknown' : 'failed' };
	if (failure.kind === 'http') details.httpStatus = failure.status;
	const error = apiError(node, message, { description, itemIndex: call.itemIndex, details });
	if (failure.kind === 'http') error.httpCode = String(failure.status);
	return error;
}
