// The answers the pipeline sends that are not an API's own: Tencent's FAIL bodies, the injected faults,
// and a test's scripted answers.

import { failBody } from './errors';
import { JSON_HEADERS } from './http';
import { FAULT_KINDS, type EmulatorOptions, type FaultKind, type ScriptedAnswer } from './options';

/** What the server sends for one API call. */
export interface Answer {
	status: number;
	headers: Record<string, string>;
	body: string;
	/** the ErrorCode of the body, for the request log (null when it has none) */
	errorCode: number | null;
	fault?: FaultKind | 'intercept';
	/** destroy the socket instead of answering */
	reset?: boolean;
}

/** The kinds that run the API first, then fail the answer. */
export const APPLIED_FAULTS: readonly FaultKind[] = ['appliedThen502', 'appliedThenReset'];

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A FAIL answer with Tencent's envelope (HTTP 200, as the real service answers errors). */
export function fail(code: number, info?: string): Answer {
	return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(failBody(code, info)), errorCode: code };
}

/** The fault a draw `u` (0..1) picks, by the probabilities of `faults`; hangs are drawn apart. */
export function pickFault(faults: EmulatorOptions['faults'], u: number): FaultKind | null {
	let acc = 0;
	for (const kind of FAULT_KINDS.filter((k) => k !== 'hang')) {
		acc += faults[kind];
		if (u < acc) return kind;
	}
	return null;
}

/** The answer of a fault that stands in for the API's. */
export function faultAnswer(kind: FaultKind): Answer {
	switch (kind) {
		case 'http502':
			return { status: 502, headers: { 'Content-Type': 'text/html' }, body: HTML_502, errorCode: null };
		case 'error20005':
			return fail(20005);
		case 'error10002':
			return fail(10002);
		case 'rateLimited':
			return fail(60007);
		default:
			return {
				status: 200,
				headers: JSON_HEADERS,
				body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"SubscriberList":[{"Subscriber_Acc',
				errorCode: null,
			};
	}
}

/** The fault's answer once the API has run: a 502, a reset connection, or (a read API) its answer cut short. */
export function afterApplyAnswer(fault: FaultKind, answer: Answer): Answer {
	if (fault === 'appliedThen502') return { ...faultAnswer('http502'), fault };
	if (fault === 'appliedThenReset') return { status: 0, headers: {}, body: '', errorCode: null, fault, reset: true };
	// malformedJson on a read API: cut the real answer short, as a dropped connection would.
	return { status: 200, headers: JSON_HEADERS, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))), errorCode: null, fault };
}

export function scriptedAnswer(s: ScriptedAnswer): Answer {
	const body = s.body == null ? '' : typeof s.body === 'string' ? s.body : JSON.stringify(s.body);
	let errorCode = null;
	try {
		const parsed = JSON.parse(body);
		if (parsed && typeof parsed.ErrorCode === 'number') errorCode = parsed.ErrorCode;
	} catch {
		// not JSON: that is the point of many scripted answers
	}
	return { status: s.status || 200, headers: s.headers || JSON_HEADERS, body, errorCode, fault: 'intercept' };
}
