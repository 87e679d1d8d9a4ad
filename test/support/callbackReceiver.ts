// A real HTTP server on 127.0.0.1 that receives Tencent-style callbacks: it records each request (query, headers,
// parsed body) and answers with `reply(request)` (default: Tencent's OK envelope).
import type { IncomingHttpHeaders } from 'node:http';
import { requestUrl, sendJson, startLocalServer } from './localServer';

export const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

/** One callback as the receiver recorded it. */
export interface ReceivedCallback {
	method: string | undefined;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** The parsed JSON, or the text when it is not JSON. */
	body: any;
}

export type CallbackReply = (request: ReceivedCallback) => unknown;

export interface CallbackReceiver {
	url: string;
	received: ReceivedCallback[];
	/** Requests for one CallbackCommand. */
	of(command: string): ReceivedCallback[];
	setReply(fn: CallbackReply): void;
	close(): Promise<void>;
}

function parsed(text: string): any {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export async function startCallbackReceiver({ reply = () => OK, delayMs = 0 }: { reply?: CallbackReply; delayMs?: number } = {}): Promise<CallbackReceiver> {
	const received: ReceivedCallback[] = [];
	let answer = reply;
	const server = await startLocalServer(async (req, res, rawBody) => {
		const { path, query } = requestUrl(req);
		const request = { method: req.method, path, query, headers: req.headers, body: parsed(rawBody.toString('utf8')) };
		received.push(request);
		if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
		sendJson(res, 200, JSON.stringify(await answer(request)));
	});
	return {
		url: `${server.origin}/tencent`,
		received,
		of: (command) => received.filter((r) => r.query.CallbackCommand === command),
		setReply(fn) {
			answer = fn;
		},
		close: server.close,
	};
}
