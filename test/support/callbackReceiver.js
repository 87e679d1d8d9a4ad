'use strict';
// A real HTTP server on 127.0.0.1 that receives Tencent-style callbacks: it records each request (query, headers,
// parsed body) and answers with `reply(request)` (default: Tencent's OK envelope).
const http = require('node:http');

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

async function startCallbackReceiver({ reply = () => OK, delayMs = 0 } = {}) {
	const received = [];
	let answer = reply;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url, 'http://127.0.0.1');
			const text = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
			const request = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body };
			received.push(request);
			if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
			const out = JSON.stringify(await answer(request));
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(out) });
			res.end(out);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/tencent`;
	return {
		url,
		received,
		/** Requests for one CallbackCommand. */
		of: (command) => received.filter((r) => r.query.CallbackCommand === command),
		setReply(fn) {
			answer = fn;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startCallbackReceiver, OK };
