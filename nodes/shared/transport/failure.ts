import type { ChatCredentials } from '../credentials';
import { classifyCode, type FailureClass } from './errorCodes';

/** What went wrong with one attempt, with nothing in it that could hold a secret. */
export type Failure =
	| { kind: 'network'; code: string }
	| { kind: 'http'; status: number }
	| { kind: 'malformed'; detail: string }
	| { kind: 'api'; code: number; info: string };

export function classifyFailure(failure: Failure, command: string): FailureClass {
	switch (failure.kind) {
		case 'network':
		case 'malformed':
			return 'transient';
		case 'http':
			if (failure.status === 429) return 'rateLimited';
			return failure.status >= 500 ? 'transient' : 'permanent';
		case 'api':
			return failure.code === 0 ? 'permanent' : classifyCode(failure.code, command);
	}
}

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_CANCELED'];

/** Reads the network error code from an error that n8n may have wrapped, without keeping the error. */
export function networkFailure(error: unknown): Failure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && NETWORK_CODES.includes(code)) return { kind: 'network', code };
		if (typeof message === 'string' && /timeout/i.test(message)) return { kind: 'network', code: 'ETIMEDOUT' };
		current = (current as { cause?: unknown }).cause;
	}
	return { kind: 'network', code: 'UNKNOWN' };
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

/** Removes the secret key and anything shaped like a UserSig from text shown to users. */
export function redact(text: string, credentials: Pick<ChatCredentials, 'secretKey'>): string {
	let clean = text.split(credentials.secretKey).join('[redacted]');
	clean = clean.replace(/[A-Za-z0-9*_-]{120,}/g, '[redacted]');
	return clean.replace(/usersig=[^&\s"']*/gi, 'usersig=[redacted]');
}
