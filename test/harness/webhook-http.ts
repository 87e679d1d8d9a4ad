// The request and response objects n8n's webhook server hands a webhook node, as far as nodes read and write them.
import type { WebhookRequest } from './types';

export interface FakeResponse {
	statusCode: number;
	headers: Record<string, string>;
	text: string | undefined;
	headersSent: boolean;
	writableEnded: boolean;
	setHeader(name: string, value: string): void;
	writeHead(status: number, headers?: Record<string, string>): FakeResponse;
	status(code: number): FakeResponse;
	json(value: unknown): FakeResponse;
	end(text?: unknown): FakeResponse;
}

/** What n8n's webhook server answered: status, headers, body text and its JSON. */
export function fakeResponse(): FakeResponse {
	const res: FakeResponse = {
		statusCode: 200,
		headers: {},
		text: undefined,
		headersSent: false,
		writableEnded: false,
		setHeader(name, value) {
			res.headers[name.toLowerCase()] = value;
		},
		writeHead(status, headers = {}) {
			res.statusCode = status;
			for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
			res.headersSent = true;
			return res;
		},
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(value) {
			res.setHeader('content-type', 'application/json');
			return res.end(JSON.stringify(value));
		},
		end(text = '') {
			res.text = String(text);
			res.headersSent = true;
			res.writableEnded = true;
			return res;
		},
	};
	return res;
}

/** The request as n8n's body parser leaves it: query, lower-case headers, parsed body, rawBody (a Buffer). */
export function fakeRequest({ query = {}, headers = {}, body, rawBody }: WebhookRequest) {
	const raw = rawBody ?? (body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
	const lower: Record<string, any> = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	if (raw && lower['content-length'] === undefined) lower['content-length'] = String(raw.length);
	return {
		method: 'POST',
		query,
		params: {},
		headers: { 'content-type': 'application/json', ...lower },
		contentType: (lower['content-type'] ?? 'application/json').split(';')[0],
		body: body === undefined ? {} : body,
		rawBody: raw,
	};
}
