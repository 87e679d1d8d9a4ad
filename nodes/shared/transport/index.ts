import {
	NodeOperationError,
	sleep,
	type NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, CredentialSetupError, readCredentials, type ChatCredentials } from '../credentials';
import { apiError, usageError } from '../errors';
import { discardUserSig } from '../userSig';
import { explainCode } from './errorCodes';
import { classifyFailure, networkFailure, readAnswer, redact, type Failure } from './failure';
import { DEFAULT_CALLS_PER_SECOND, pacerFor } from './limiter';
import { transportSettings } from './settings';

export { transportSettings } from './settings';

export type TencentAnswer = Record<string, unknown>;

/** Every n8n context that calls Tencent: node runs, list pickers, trigger set-up and webhooks. */
export type ChatContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ApiCall {
	service: 'official_account_open_http_svc' | 'group_open_http_svc';
	command: string;
	body: IDataObject;
	/** What the call is for, as shown in errors: 'get subscribers of official account "@TOA#_x", page 3'. */
	purpose: string;
	itemIndex?: number;
	/**
	 * Whether sending the call twice is harmless (reads, Add, Remove). A call that is not (send, create,
	 * recall, delete) is re-sent only when Tencent provably did not act on it.
	 */
	repeatable: boolean;
	/** Tencent codes the caller handles itself: they are returned instead of thrown. */
	passCodes?: number[];
	callsPerSecond?: number;
}

/** Thrown when the user stopped the execution; nothing is retried after it. */
export class ExecutionCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
	}
}

/** Reads and checks the credential once per node run; a bad field becomes an error naming it. */
export async function getChatCredentials(this: ChatContext, itemIndex = 0): Promise<ChatCredentials> {
	try {
		return readCredentials(await this.getCredentials(CREDENTIAL_TYPE, itemIndex));
	} catch (error) {
		if (error instanceof CredentialSetupError) {
			throw usageError(this.getNode(), `Tencent Cloud Chat API credential: ${error.message}`, {
				itemIndex,
				description: `Fix the "${error.field}" field of the credential.`,
			});
		}
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
}

function backoffMs(failureClass: string, attempt: number): number {
	if (failureClass === 'rateLimited') {
		return transportSettings.rateLimitDelayMs * attempt + Math.random() * transportSettings.rateLimitDelayMs;
	}
	const ceiling = transportSettings.transientDelayMs * 2 ** (attempt - 1);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

async function sendOnce(this: ChatContext, call: ApiCall): Promise<{ ok: true; data: TencentAnswer } | { ok: false; failure: Failure }> {
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'POST',
			url: `/v4/${call.service}/${call.command}`,
			body: JSON.stringify(call.body),
			headers: { 'Content-Type': 'application/json' },
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: transportSettings.timeoutMs,
		})) as { statusCode: number; body: unknown };
		return readAnswer(response.statusCode, response.body);
	} catch (error) {
		return { ok: false, failure: networkFailure(error) };
	}
}

const NETWORK_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	EPIPE: 'connection reset',
	ETIMEDOUT: 'no answer within the timeout',
	ECONNABORTED: 'no answer within the timeout',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
};

function describeFailure(failure: Failure, command: string, credentials: ChatCredentials): { problem: string; fix: string; code?: number } {
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
		case 'api': {
			if (failure.code === 0) {
				return { problem: `Tencent reported a failure without an error code ("${failure.info}")`, fix: 'Try again later.' };
			}
			return { ...explainCode(failure.code, command), code: failure.code };
		}
	}
}

function toNodeError(this: ChatContext, call: ApiCall, failure: Failure, attempts: number, credentials: ChatCredentials): NodeApiError {
	const { problem, fix, code } = describeFailure(failure, call.command, credentials);
	const codeText = code === undefined ? '' : ` [Tencent error ${code}]`;
	const message = redact(`Could not ${call.purpose}: ${problem}${codeText}`, credentials);
	const info = failure.kind === 'api' && failure.info ? ` Tencent said: "${failure.info}".` : '';
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	const description = redact(`${fix}${info}${tries}`, credentials);
	const details: JsonObject = { service: call.service, command: call.command, tencentCode: code ?? null };
	if (failure.kind === 'http') details.httpStatus = failure.status;
	const error = apiError(this.getNode(), message, { description, itemIndex: call.itemIndex, details });
	if (failure.kind === 'http') error.httpCode = String(failure.status);
	return error;
}

/** The Tencent code of an error thrown by `apiRequest`, if it carries one. */
export function tencentCodeOf(error: unknown): number | undefined {
	const details = (error as { errorResponse?: { tencentCode?: unknown } })?.errorResponse;
	return typeof details?.tencentCode === 'number' ? details.tencentCode : undefined;
}

/**
 * Calls `POST v4/{service}/{command}` with the credential's ticket, paced per API,
 * retrying transient failures and rate limits with back-off and a stale ticket once.
 */
export async function apiRequest(this: ChatContext, call: ApiCall): Promise<TencentAnswer> {
	const credentials = await getChatCredentials.call(this, call.itemIndex);
	const pacer = pacerFor(credentials.baseUrl, credentials.sdkAppId, call.command);
	const signal = (this as IExecuteFunctions).getExecutionCancelSignal?.();
	const started = Date.now();
	let renewedTicket = false;

	for (let attempt = 1; ; attempt++) {
		await pacer.acquire(call.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND, signal);
		if (signal?.aborted) throw new ExecutionCancelledError();
		const outcome = await sendOnce.call(this, call);
		if (outcome.ok) {
			pacer.succeeded();
			return outcome.data;
		}
		if (signal?.aborted) throw new ExecutionCancelledError();
		const { failure } = outcome;
		if (failure.kind === 'api' && call.passCodes?.includes(failure.code)) {
			return { ActionStatus: 'FAIL', ErrorCode: failure.code, ErrorInfo: failure.info };
		}
		const failureClass = classifyFailure(failure, call.command);
		if (failureClass === 'staleTicket' && !renewedTicket) {
			discardUserSig(credentials);
			renewedTicket = true;
			continue;
		}
		if (failureClass === 'rateLimited') pacer.rateLimited(transportSettings.rateLimitDelayMs);
		const retryable = failureClass === 'transient' || failureClass === 'rateLimited';
		const delay = backoffMs(failureClass, attempt);
		if (!retryable || attempt >= transportSettings.maxAttempts || Date.now() - started + delay > transportSettings.retryBudgetMs) {
			throw toNodeError.call(this, call, failure, attempt, credentials);
		}
		await sleep(delay);
	}
}
