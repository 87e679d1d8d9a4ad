// A stand-in for createN8n() of scripts/e2e/n8n for dry runs of e2e case modules: imports are kept in memory,
// the CLI succeeds, and start() serves production webhook URLs (/webhook/<webhookId>/<path>) of the active
// workflows through the harness's callWebhook (n8n-core's WebhookContext and engine, n8n's answer rules).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHarness } from '../harness';
import type { CredentialData, Harness, WorkflowJson } from '../harness';
import { requestUrl, startLocalServer } from './localServer';

/** What the fake keeps: imported credentials and workflows, the active ones, the CLI calls. */
interface FakeState {
	credentials: Record<string, CredentialData>;
	workflows: Map<string, WorkflowJson & { id: string }>;
	active: Set<string>;
	cliCalls: string[][];
}

/** A running fake n8n, as createN8n's start() resolves. */
export interface FakeN8nInstance {
	url: string;
	logs(): string;
	stop(): Promise<void>;
}

export interface FakeN8n {
	install: { n8nVersion: string };
	cliCalls: string[][];
	importCredentials(json: any): Promise<void>;
	importWorkflow(json: any): Promise<void>;
	cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
	start(): Promise<FakeN8nInstance>;
}

export function createFakeN8n({ n8nVersion = '2.41.1', coreNodes = true }: { n8nVersion?: string; coreNodes?: boolean } = {}): FakeN8n {
	const state: FakeState = { credentials: {}, workflows: new Map(), active: new Set(), cliCalls: [] };
	return {
		install: { n8nVersion },
		cliCalls: state.cliCalls,
		async importCredentials(json) {
			for (const c of [].concat(json) as any[]) state.credentials[c.id] = c.data;
		},
		async importWorkflow(json) {
			for (const w of [].concat(json) as any[]) state.workflows.set(w.id, w);
		},
		async cli(args) {
			state.cliCalls.push(args);
			const id = /--id=(\S+)/.exec(args.join(' '))?.[1];
			if (id && state.workflows.has(id)) state.active.add(id);
			return { code: 0, stdout: '', stderr: '' };
		},
		start: async () => startServer(await createHarness({ coreNodes }), state),
	};
}

/** The active workflows by their production webhook paths. */
function byHook(state: FakeState): Map<string, WorkflowJson> {
	const map = new Map<string, WorkflowJson>();
	for (const id of state.active) {
		const wf = state.workflows.get(id)!;
		for (const node of wf.nodes) if (node.webhookId) map.set(`/webhook/${node.webhookId}/webhook`, wf);
	}
	return map;
}

async function startServer(harness: Harness, state: FakeState): Promise<FakeN8nInstance> {
	const server = await startLocalServer((req, res, rawBody) => answerWebhook(harness, state, req, res, rawBody));
	return { url: server.origin, logs: () => '', stop: server.close };
}

/** One production webhook request: 404 unless registered, 422 for a broken JSON body, else the harness's answer. */
async function answerWebhook(harness: Harness, state: FakeState, req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
	const { path, query } = requestUrl(req);
	const workflow = byHook(state).get(path);
	if (!workflow) {
		res.writeHead(404);
		res.end('{"message":"not registered"}');
		return;
	}
	let body = {};
	try {
		body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
	} catch {
		res.writeHead(422);
		res.end('{}');
		return;
	}
	try {
		const answer = await harness.callWebhook(workflow, { request: { query, headers: req.headers, body, rawBody }, credentials: state.credentials });
		res.writeHead(answer.status, { 'Content-Type': 'application/json' });
		res.end(answer.text);
	} catch (error) {
		res.writeHead(500);
		res.end(JSON.stringify({ message: error.message }));
	}
}
