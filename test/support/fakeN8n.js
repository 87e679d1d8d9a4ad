'use strict';
// A stand-in for scripts/e2e/n8n.js's createN8n() for dry runs of e2e case modules: imports are kept in memory,
// the CLI succeeds, and start() serves production webhook URLs (/webhook/<webhookId>/<path>) of the active
// workflows through the harness's callWebhook (n8n-core's WebhookContext and engine, n8n's answer rules).
const http = require('node:http');
const { createHarness } = require('../harness');

function createFakeN8n({ n8nVersion = '2.41.1', coreNodes = true } = {}) {
	const credentials = {};
	const workflows = new Map();
	const active = new Set();
	const cliCalls = [];
	return {
		install: { n8nVersion },
		cliCalls,
		async importCredentials(json) {
			for (const c of [].concat(json)) credentials[c.id] = c.data;
		},
		async importWorkflow(json) {
			for (const w of [].concat(json)) workflows.set(w.id, w);
		},
		async cli(args) {
			cliCalls.push(args);
			const id = /--id=(\S+)/.exec(args.join(' '))?.[1];
			if (id && workflows.has(id)) active.add(id);
			return { code: 0, stdout: '', stderr: '' };
		},
		async start() {
			const harness = await createHarness({ coreNodes });
			const byHook = () => {
				const map = new Map();
				for (const id of active) {
					const wf = workflows.get(id);
					for (const node of wf.nodes) if (node.webhookId) map.set(`/webhook/${node.webhookId}/webhook`, wf);
				}
				return map;
			};
			const server = http.createServer((req, res) => {
				const chunks = [];
				req.on('data', (c) => chunks.push(c));
				req.on('end', async () => {
					const url = new URL(req.url, 'http://127.0.0.1');
					const workflow = byHook().get(url.pathname);
					if (!workflow) {
						res.writeHead(404);
						res.end('{"message":"not registered"}');
						return;
					}
					const rawBody = Buffer.concat(chunks);
					let body = {};
					try {
						body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
					} catch {
						res.writeHead(422);
						res.end('{}');
						return;
					}
					try {
						const answer = await harness.callWebhook(workflow, { request: { query: Object.fromEntries(url.searchParams), headers: req.headers, body, rawBody }, credentials });
						res.writeHead(answer.status, { 'Content-Type': 'application/json' });
						res.end(answer.text);
					} catch (error) {
						res.writeHead(500);
						res.end(JSON.stringify({ message: error.message }));
					}
				});
			});
			await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
			const url = `http://127.0.0.1:${server.address().port}`;
			return {
				url,
				logs: () => '',
				stop: () =>
					new Promise((resolve) => {
						server.close(() => resolve());
						server.closeAllConnections();
					}),
			};
		},
	};
}

module.exports = { createFakeN8n };
