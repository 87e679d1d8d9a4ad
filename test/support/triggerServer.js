'use strict';
// A stand-in for n8n's webhook server on 127.0.0.1: each POST goes through n8n's body parsing rules (JSON when the
// content type says so, 422 when that JSON is broken) and then the harness's callWebhook for `workflow`, so the
// emulator's real callbacks reach the trigger. Records every call: status, reply, whether an execution ran.
const http = require('node:http');
const { createHarness } = require('../harness');

async function startTriggerServer({ workflow, credentials, harnessOptions = {} }) {
	const harness = await createHarness(harnessOptions);
	const calls = [];
	const state = { workflow };
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => handle(req, res, Buffer.concat(chunks)).catch((error) => {
			res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: error.message }));
		}));
	});

	async function handle(req, res, rawBody) {
		const url = new URL(req.url, 'http://127.0.0.1');
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
		let body = {};
		if (rawBody.length && contentType === 'application/json') {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				res.writeHead(422, { 'Content-Type': 'application/json' });
				res.end('{"message":"Failed to parse request body"}');
				calls.push({ status: 422, started: false });
				return;
			}
		}
		const answer = await harness.callWebhook(state.workflow, {
			request: { query: Object.fromEntries(url.searchParams), headers: req.headers, body, rawBody },
			credentials,
		});
		calls.push(answer);
		res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(answer.text);
	}

	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/webhook/5b0a5a1e-0000-4000-8000-000000000013/webhook`,
		calls,
		/** The runs that started, in arrival order. */
		executions: () => calls.filter((c) => c.started),
		setWorkflow(next) {
			state.workflow = next;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startTriggerServer };
