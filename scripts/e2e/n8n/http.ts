// Small HTTP and port helpers for driving n8n from Node, with only Node built-ins.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface HttpAnswer {
	status: number | undefined;
	headers: http.IncomingHttpHeaders;
	text: string;
	json: any;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

/** Several distinct free ports (avoids handing out the same one twice). */
export async function freePorts(n: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < n) ports.add(await freePort());
	return [...ports];
}

function parseJson(text: string): any {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** One JSON request; resolves with the status, headers, text and parsed JSON (undefined when it is not JSON). */
export function httpJson(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const contentHeaders = payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {};
		const options = { method, headers: { accept: 'application/json', ...contentHeaders, ...headers }, timeout: 30000 };
		const req = http.request(url, options, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				resolve({ status: res.statusCode, headers: res.headers, text, json: parseJson(text) });
			});
		});
		req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
