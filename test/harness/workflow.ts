// What a run and a webhook call both build from workflow JSON: n8n-workflow's Workflow, the credential store, the
// workflow data for n8n's hooks, and a time limit.
import { Workflow } from 'n8n-workflow';
import { TestCredentialsHelper } from './credentials-helper';
import type { CredentialTypes, NodeTypes } from './registries';
import type { WorkflowData } from './execution';
import type { CredentialData, WorkflowJson } from './types';

/** n8n-workflow's Workflow over a copy of the JSON (Workflow fills parameter defaults into the node objects). */
export function buildWorkflow(data: WorkflowJson, nodeTypes: NodeTypes): Workflow {
	return new Workflow({
		id: data.id ?? 'harness-workflow',
		name: data.name ?? 'Harness workflow',
		nodes: data.nodes,
		connections: data.connections ?? {},
		active: false,
		nodeTypes,
		staticData: data.staticData,
		settings: { executionOrder: 'v1', ...data.settings },
		pinData: data.pinData,
	});
}

/** A credentials helper over copies of the test's credential data (by credential ID). */
export function credentialsHelperFor(credentialTypes: CredentialTypes, credentials: Record<string, CredentialData>): TestCredentialsHelper {
	const store = new Map(Object.entries(credentials).map(([id, value]) => [id, structuredClone(value)]));
	return new TestCredentialsHelper(credentialTypes, store);
}

/** The workflow data n8n's hooks get for `workflow`, built from the JSON `data`. */
export function workflowDataOf(workflow: Workflow, data: WorkflowJson, active: boolean): WorkflowData {
	return { id: workflow.id, name: workflow.name, nodes: data.nodes, connections: workflow.connectionsBySourceNode, active, settings: workflow.settings };
}

// Rejects (and cancels the run) if it has not finished within ms: a clearer
// failure than jest's own test timeout.
export function withTimeout<T>(promise: Promise<T>, ms: number, cancel: () => void, timers: NodeJS.Timeout[]): Promise<T> {
	return new Promise((resolve, reject) => {
		timers.push(
			setTimeout(() => {
				cancel();
				reject(new Error(`Workflow run did not finish within ${ms} ms (cancelled)`));
			}, ms),
		);
		promise.then(resolve, reject);
	});
}
