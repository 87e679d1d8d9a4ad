// A stand-in for n8n's webhook server on 127.0.0.1: each POST goes through n8n's body parsing rules (JSON when the
// content type says so, 422 when that JSON is broken) and then the harness's callWebhook for `workflow`, so the
// emulator's real callbacks reach the trigger. Records every call: status, reply, whether an execution ran.
import { createHarness } from '../harness';
import type { CredentialData, HarnessOptions, WebhookAnswer, WorkflowJson } from '../harness';
import { requestUrl, startLocalServer } from './localServer';

/** A call the server answered: the harness's answer, or a 422 for a broken JSON body. */
export type TriggerServerCall = WebhookAnswer | { status: 422; started: false; text?: undefined };

export interface TriggerServer {
	url: string;
	calls: TriggerServerCall[];
	/** The runs that started, in arrival order. */
	executions(): WebhookAnswer[];
	setWorkflow(next: WorkflowJson): void;
	close(): Promise<void>;
}

export interface TriggerServerOptions {
	workflow: WorkflowJson;
	credentials: Record<string, CredentialData>;
	harnessOptions?: HarnessOptions;
}

/** n8n's body parser: JSON when the content type says so (undefined when it is broken), else an empty body. */
function parseBody(contentType: string, rawBody: Buffer): { ok: boolean; body: any } {
	if (!rawBody.length || contentType !== 'application/json') return { ok: true, body: {} };
	try {
		return { ok: true, body: JSON.parse(rawBody.toString('utf8')) };
	} catch {
		return { ok: false, body: undefined };
	}
}

export async function startTriggerServer({ workflow, credentials, harnessOptions = {} }: TriggerServerOptions): Promise<TriggerServer> {
	const harness = await createHarness(harnessOptions);
	const calls: TriggerServerCall[] = [];
	const state = { workflow };
	const server = await startLocalServer(async (req, res, rawBody) => {
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
		const { ok, body } = parseBody(contentType, rawBody);
		if (!ok) {
			res.writeHead(422, { 'Content-Type': 'application/json' });
			res.end('{"message":"Failed to parse request body"}');
			calls.push({ status: 422, started: false });
			return;
		}
		const answer = await harness.callWebhook(state.workflow, { request: { query: requestUrl(req).query, headers: req.headers, body, rawBody }, credentials });
		calls.push(answer);
		res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(answer.text);
	});
	return {
		url: `${server.origin}/webhook/5b0a5a1e-0000-4000-8000-000000000013/webhook`,
		calls,
		executions: () => calls.filter((c): c is WebhookAnswer => c.started),
		setWorkflow(next) {
			state.workflow = next;
		},
		close: server.close,
	};
}
