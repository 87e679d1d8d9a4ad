import type { ChatCredentials } from '../credentials';
import { classifyCode, type FailureClass } from './errorCodes';
import { issuedUserSigs } from '../userSig';

/** What went wrong with one attempt, with nothing in it that could hold a secret. */
export type Failure =
	/** `sent` is false when the request provably never reached Tencent (refused, host not found). */
	| { kind: 'network'; code: string; sent: boolean }
	| { kind: 'http'; status: number }
	| { kind: 'malformed'; detail: string }
	| { kind: 'api'; code: number; info: string }
	/** n8n did not send the request: its SSRF protection, a credential it could not resolve, a bug. */
	| { kind: 'local'; reason: 'blocked' | 'credential' | 'internal'; detail: string };

export function classifyFailure(failure: Failure, command: string): FailureClass {
	switch (failure.kind) {
		case 'network':
			return failure.sent ? 'transient' : 'notSent';
		case 'malformed':
			return 'transient';
		case 'http':
			if (failure.status === 429) return 'rateLimited';
			return failure.status >= 500 ? 'transient' : 'permanent';
		case 'api':
			return failure.code === 0 ? 'permanent' : classifyCode(failure.code, command);
		case 'local':
			return 'local';
	}
}

/** Errors raised before a connection existed: Tencent cannot have seen the request. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
const SENT_CODES = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_CANCELED', 'UND_ERR_SOCKET', 'ESOCKETTIMEDOUT'];

interface ErrorLink {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	cause?: unknown;
}

function chainOf(error: unknown): ErrorLink[] {
	const links: ErrorLink[] = [];
	for (let current = error; current && typeof current === 'object' && !links.includes(current as ErrorLink); current = (current as ErrorLink).cause) {
		links.push(current as ErrorLink);
	}
	return links;
}

/**
 * Reads what an error thrown by n8n's request helper means, without keeping the error. Only errors
 * of the network are network failures; n8n's SSRF block, an unresolvable credential and bugs are local.
 */
export function thrownFailure(error: unknown): Failure {
	const links = chainOf(error);
	for (const link of links) {
		if (typeof link.name === 'string' && link.name.startsWith('SsrfBlocked')) {
			return { kind: 'local', reason: 'blocked', detail: String(link.message) };
		}
		if (link.name === 'CredentialSetupError') return { kind: 'local', reason: 'credential', detail: String(link.message) };
	}
	for (const link of links) {
		if (typeof link.code !== 'string') continue;
		if (NOT_SENT_CODES.includes(link.code)) return { kind: 'network', code: link.code, sent: false };
		if (SENT_CODES.includes(link.code)) return { kind: 'network', code: link.code, sent: true };
	}
	for (const link of links) {
		if (typeof link.message === 'string' && /\btime(d)?[ -]?out\b/i.test(link.message)) return { kind: 'network', code: 'ETIMEDOUT', sent: true };
	}
	const innermost = links[links.length - 1];
	const credential = links.some((link) => typeof link.message === 'string' && /credential/i.test(link.message));
	return { kind: 'local', reason: credential ? 'credential' : 'internal', detail: String(innermost?.message ?? error) };
}

/** Parses Tencent's answer. A body that is not Tencent's JSON envelope is a malformed answer. */
export function readAnswer(status: number, body: unknown): { ok: true; data: Record<string, unknown> } | { ok: false; failure: Failure } {
	if (status !== 200) return { ok: false, failure: { kind: 'http', status } };
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
	if (!text.trim()) return { ok: false, failure: { kind: 'malformed', detail: 'an empty body' } };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, failure: { kind: 'malformed', detail: 'a body that is not valid JSON' } };
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) {
		return { ok: false, failure: { kind: 'malformed', detail: 'JSON that is not an object' } };
	}
	const answer = data as Record<string, unknown>;
	if (answer.ActionStatus !== 'OK' && answer.ActionStatus !== 'FAIL') {
		return { ok: false, failure: { kind: 'malformed', detail: 'JSON without an ActionStatus' } };
	}
	const code = Number(answer.ErrorCode ?? 0);
	if (answer.ActionStatus === 'OK' && code === 0) return { ok: true, data: answer };
	return { ok: false, failure: { kind: 'api', code: Number.isFinite(code) ? code : -1, info: String(answer.ErrorInfo ?? '') } };
}

/** Removes the secret key and the UserSigs this process issued from text shown to users; other data stays as it is. */
export function redact(text: string, credentials: Pick<ChatCredentials, 'secretKey'>): string {
	let clean = credentials.secretKey ? text.split(credentials.secretKey).join('[redacted]') : text;
	for (const userSig of issuedUserSigs()) clean = clean.split(userSig).join('[redacted]');
	return clean.replace(/usersig=[^&\s"']*/gi, 'usersig=[redacted]');
}
