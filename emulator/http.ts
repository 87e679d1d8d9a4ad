// HTTP plumbing shared by the API server and the control routes: reading a body, answering JSON, and
// serving a table of control routes under /__emulator/.

import type { IncomingMessage, ServerResponse } from 'node:http';

export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const CONTROL_PREFIX = '/__emulator/';

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
			} else chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
	const body = JSON.stringify(value);
	res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/** The path below /__emulator/, without a trailing slash. */
export function controlPath(url: URL): string {
	return url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
}

/** A control route: "METHOD path" -> what it answers (undefined reads as { ok: true }). */
export type ControlRoutes<Host> = Record<string, (host: Host, body: any, query: URLSearchParams) => unknown>;

/** Answers one control call from `routes`: 404 for an unknown route, 400 {error} when the route throws. */
export async function serveControl<Host>(routes: ControlRoutes<Host>, host: Host, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const path = controlPath(url);
	const raw = await readBody(req);
	const route = routes[`${req.method} ${path}`];
	if (!route) return sendJson(res, 404, { error: `no control route ${req.method} ${CONTROL_PREFIX}${path}` });
	try {
		const body = raw ? JSON.parse(raw) : {};
		const result = await route(host, body || {}, url.searchParams);
		sendJson(res, 200, result === undefined ? { ok: true } : result);
	} catch (err) {
		sendJson(res, 400, { error: err.message });
	}
}
