import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, CredentialSetupError, readCredentials, type ChatCredentials } from '../credentials';
import { usageError } from '../errors';
import { discardUserSig } from '../userSig';
import { callError } from './describe';
import { classifyFailure, readAnswer, thrownFailure, type Failure } from './failure';
import { DEFAULT_CALLS_PER_SECOND, pacerFor, pause, type CallPacer } from './limiter';
import { credentialGate, runPacer } from './runState';
import { transportSettings } from './settings';

export { transportSettings } from './settings';

export type TencentAnswer = Record<string, unknown>;

/** Every n8n context that calls Tencent: node runs, list pickers, trigger set-up and webhooks. */
export type ChatContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ApiCall {
	service: 'official_account_open_http_svc' | 'group_open_http_svc';
	command: string;
	body: IDataObject;
	/** What the call is for, as errors show it: 'get subscribers of official account "@TOA#_x" (page 3)'. */
	purpose: string;
	itemIndex?: number;
	/**
	 * Whether sending the call twice is harmless (reads, Add, Remove). A call that is not (send, create,
	 * recall, delete) is re-sent only when Tencent provably did not act on it.
	 */
	repeatable: boolean;
	/** For a call that is not repeatable: how the user can check whether it took effect after a lost answer. */
	outcomeCheck?: string;
	/** Tencent codes the caller handles itself: they are returned instead of thrown. */
	passCodes?: number[];
	/** The workflow's Max Calls Per Second: paces this run only. */
	callsPerSecond?: number;
	/** Tencent's own limit for this API per app, when below 200 calls per second; shared by every run. */
	apiCallsPerSecond?: number;
}

/** Thrown when the user stopped the execution; nothing is retried after it. */
export class ExecutionCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		// n8n records a run as cancelled when its error's name contains "Cancelled".
		this.name = 'ExecutionCancelledError';
	}
}

/** Reads and checks the credential; a bad field becomes an error naming it. */
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

type Outcome = { ok: true; data: TencentAnswer } | { ok: false; failure: Failure };

async function sendOnce(this: ChatContext, call: ApiCall): Promise<Outcome> {
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
		return { ok: false, failure: thrownFailure(error) };
	}
}

/** The Tencent code of an error thrown by `apiRequest`, if it carries one. */
export function tencentCodeOf(error: unknown): number | undefined {
	const details = (error as { errorResponse?: { tencentCode?: unknown } })?.errorResponse;
	return typeof details?.tencentCode === 'number' ? details.tencentCode : undefined;
}

/** Whether an error thrown by `apiRequest` is a call that may have acted although its answer was lost. */
export function isOutcomeUnknown(error: unknown): boolean {
	return (error as { errorResponse?: { outcome?: unknown } })?.errorResponse?.outcome === 'unknown';
}

/** Waits for this run's own pace (Max Calls Per Second), then for the app's shared one; returns that one's ticket. */
async function waitForTurn(this: ChatContext, call: ApiCall, credentials: ChatCredentials, appPacer: CallPacer, signal?: AbortSignal): Promise<number> {
	if (call.callsPerSecond !== undefined && call.callsPerSecond < DEFAULT_CALLS_PER_SECOND) {
		await runPacer(this, credentials, call.command, call.callsPerSecond).acquire(call.callsPerSecond, signal);
	}
	if (signal?.aborted) return 0;
	return await appPacer.acquire(call.apiCallsPerSecond ?? DEFAULT_CALLS_PER_SECOND, signal);
}

/**
 * Calls `POST v4/{service}/{command}` with the credential's ticket, paced per API. Retries what is safe
 * to retry (see FailureClass), renews a stale ticket once, and stops the run's calls after a credential failure.
 */
export async function apiRequest(this: ChatContext, call: ApiCall): Promise<TencentAnswer> {
	const credentials = await getChatCredentials.call(this, call.itemIndex);
	const gate = credentialGate(this, credentials);
	const signal = (this as IExecuteFunctions).getExecutionCancelSignal?.();
	const fail = (failure: Failure, attempts: number, unknown = false) => callError(this.getNode(), call, failure, attempts, credentials, unknown);
	const pacer = pacerFor(credentials.baseUrl, credentials.sdkAppId, call.command);
	let release = await gate.enter();
	let firstSent: number | undefined;
	let renewedTicket = false;
	try {
		for (let attempt = 1; ; attempt++) {
			const ticket = await waitForTurn.call(this, call, credentials, pacer, signal);
			if (signal?.aborted) throw new ExecutionCancelledError();
			firstSent ??= Date.now();
			const outcome = await sendOnce.call(this, call);
			if (signal?.aborted) throw new ExecutionCancelledError();
			const failureClass = outcome.ok ? 'ok' : classifyFailure(outcome.failure, call.command);
			if (outcome.ok || failureClass === 'permanent') {
				pacer.succeeded(ticket); // within the app's quota
				gate.accepted(); // Tencent checked the signature and went on: the other calls may go
				release();
				release = () => {};
			}
			if (outcome.ok) return outcome.data;
			const { failure } = outcome;
			if (failure.kind === 'api' && call.passCodes?.includes(failure.code)) {
				return { ActionStatus: 'FAIL', ErrorCode: failure.code, ErrorInfo: failure.info };
			}
			if (failureClass === 'staleTicket' && !renewedTicket) {
				discardUserSig(credentials);
				renewedTicket = true;
				continue;
			}
			if (failureClass === 'credential' || failureClass === 'staleTicket') {
				const error = fail(failure, attempt);
				gate.refused(error);
				throw error;
			}
			if (failureClass === 'transient' && !call.repeatable) throw fail(failure, attempt, true);
			if (failureClass === 'rateLimited') pacer.rateLimited(transportSettings.rateLimitPauseMs, ticket);
			const retryable = failureClass === 'transient' || failureClass === 'rateLimited' || failureClass === 'notSent';
			const delay = backoffMs(failureClass, attempt);
			if (!retryable || attempt >= transportSettings.maxAttempts || Date.now() - firstSent + delay > transportSettings.retryBudgetMs) {
				throw fail(failure, attempt);
			}
			await pause(delay, signal);
		}
	} finally {
		release();
	}
}
