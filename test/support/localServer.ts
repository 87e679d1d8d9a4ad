// A real HTTP server on 127.0.0.1 (a free port) that hands each request to `handle` with its whole body: what the
// test servers (callback receiver, webhook server, fake n8n, a plain web server) have in common.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer) => unknown;

export interface LocalServer {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	/** Stops listening and drops open connections. */
	close(): Promise<void>;
}

/** Starts the server; a handler that throws answers 500 with `{ message }`. */
export async function startLocalServer(handle: RequestHandler): Promise<LocalServer> {
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			Promise.resolve()
				.then(() => handle(req, res, Buffer.concat(chunks)))
				.catch((error) => {
					res.writeHead(500, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ message: error.message }));
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** The path and query of a request. */
export function requestUrl(req: http.IncomingMessage): { path: string; query: Record<string, string> } {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

/** Answers `status` with `text` (JSON unless `contentType` says otherwise). */
export function sendJson(res: http.ServerResponse, status: number, text: string, contentType = 'application/json'): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}
