// A recorder on 127.0.0.1 that the trigger workflow's last node posts to (the same in n8n 1.x and 2.x), with the
// execution id, so a doubled run shows as a repeated index under two ids.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep } from '../../n8n/http';

export interface Recorder {
	url: string;
	/** What the workflows posted: { executionId, items }. */
	posts: any[];
	close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
	const posts: any[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			} catch {
				posts.push({ unreadable: true });
			}
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/record`, posts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Waits until `n` posts arrived (or `ms` passed), then a little longer so late doubles show too. */
export async function waitForPosts(recorder: Recorder, n: number, ms: number): Promise<any[]> {
	const end = Date.now() + ms;
	while (recorder.posts.length < n && Date.now() < end) await sleep(100);
	await sleep(1500);
	return recorder.posts;
}
