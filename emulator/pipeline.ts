// The per-call check pipeline: params -> app -> ticket -> admin (auth.ts) -> intercept -> command ->
// rate limit -> faults -> body -> API. Each step answers, or passes the call on.

import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterApplyAnswer, APPLIED_FAULTS, fail, faultAnswer, pickFault, scriptedAnswer, type Answer } from './answers';
import { API, unknownCommandCode } from './apis';
import type { ApiModule } from './apis/types';
import { checkCaller, type AuthHost, type Caller } from './auth';
import type { Callbacks } from './callbacks';
import { ApiError } from './errors';
import { JSON_HEADERS } from './http';
import type { RateLimiter } from './limits';
import type { FaultKind } from './options';
import type { LogEntry } from './requestLog';

/** One API call as the server read it. */
export interface ApiCall {
	req: IncomingMessage;
	url: URL;
	service: string;
	command: string;
	entry: LogEntry;
	/** the parsed JSON, or the raw text when it is not JSON */
	body: any;
	bodyIsObject: boolean;
	/** settles when the client leaves before the answer */
	abortPromise: Promise<void>;
	isAborted(): boolean;
}

/** What the pipeline uses of the emulator. */
export interface PipelineHost extends AuthHost {
	rates: RateLimiter;
	rng: () => number;
	callbacks: Callbacks;
	sleep(ms: number, until?: Promise<unknown>): Promise<void>;
}

/** 5. A test's scripted answer, if its intercept gives one for this call. */
async function intercepted(host: PipelineHost, call: ApiCall, caller: Caller): Promise<Answer | null> {
	const intercept = host.opts.intercept;
	if (!intercept) return null;
	const scripted = await intercept({
		service: call.service,
		command: call.command,
		sdkAppId: caller.sdkAppId,
		identifier: caller.identifier,
		random: call.entry.random,
		body: call.body,
		headers: call.req.headers,
	});
	return scripted ? scriptedAnswer(scripted) : null;
}

/** 7. The token bucket of this app and API; some APIs allow less than 200/s. */
function rateLimited(host: PipelineHost, call: ApiCall, caller: Caller, api: ApiModule): boolean {
	const rate = Math.min(host.opts.ratePerSecond, api.ratePerSecond ?? Infinity);
	return host.opts.rateLimit && !host.rates.take(`${caller.sdkAppId}/${call.service}/${call.command}`, rate, performance.now());
}

/**
 * 8. The fault for this call, decided before the API runs, so a failed add/delete changes nothing. A hang
 * waits first; `undefined` when the client gave up during it.
 */
async function drawFault(host: PipelineHost, call: ApiCall): Promise<FaultKind | null | undefined> {
	const hangDraw = host.rng();
	const faultDraw = host.rng();
	if (hangDraw < host.opts.faults.hang) {
		call.entry.hung = true;
		call.entry.fault = 'hang';
		await host.sleep(host.opts.hangMs, call.abortPromise); // a client that gives up ends the hang
		if (call.isAborted()) {
			call.entry.status = 0;
			return undefined;
		}
	}
	return pickFault(host.opts.faults, faultDraw);
}

/** 10. The API itself; its ApiError becomes a FAIL answer. */
async function runApi(host: PipelineHost, call: ApiCall, caller: Caller, api: ApiModule): Promise<Answer> {
	try {
		// Handlers that post a Before callback wait for its answer, so they may be async.
		const result = await api.handler({
			body: call.body,
			app: caller.app,
			state: host.state,
			nowSeconds: caller.nowSeconds,
			options: host.opts,
			identifier: caller.identifier,
			callbacks: host.callbacks,
		});
		return { status: 200, headers: JSON_HEADERS, body: result.json ?? JSON.stringify(result), errorCode: 0 };
	} catch (err) {
		if (!(err instanceof ApiError)) throw err;
		return fail(err.code, err.message);
	}
}

/** The answer to send, or null when the client left during a hang (nothing was applied). */
export async function answerCall(host: PipelineHost, call: ApiCall): Promise<Answer | null> {
	const checked = checkCaller(host, call.url.searchParams, call.entry);
	if ('answer' in checked) return checked.answer;
	const caller = checked.caller;
	const scripted = await intercepted(host, call, caller);
	if (scripted) return scripted;
	const api = API.get(`${call.service}/${call.command}`);
	if (!api) return fail(unknownCommandCode(call.service), `Invalid command word: ${call.service}/${call.command}.`);
	if (rateLimited(host, call, caller, api)) return fail(60007);
	const fault = await drawFault(host, call);
	if (fault === undefined) return null;
	const afterApply = fault === 'malformedJson' || (fault !== null && APPLIED_FAULTS.includes(fault));
	if (fault && !afterApply) return { ...faultAnswer(fault), fault };
	if (!call.bodyIsObject) return fail(api.badJsonCode); // 9. the body
	if (fault === 'malformedJson' && api.mutates) return { ...faultAnswer(fault), fault };
	const answer = await runApi(host, call, caller, api);
	return fault ? afterApplyAnswer(fault, answer) : answer;
}
