// The webhook lifecycle n8n runs on activation and deactivation: the URL lives in the Tencent console only, so
// checkExists, create and delete succeed without a call to Tencent. Run from n8n-core's real HookContext.
import { randomUUID } from 'node:crypto';
import { HookContext } from 'n8n-core';
import type { IWebhookData, WorkflowActivateMode } from 'n8n-workflow';
import { createHarness } from '../../harness';
import { buildWorkflow } from '../../harness/runner';
import { buildAdditionalData, createHooks } from '../../harness/execution';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { useBackend } from '../../support/backend';
import { triggerWorkflow, triggerCredentials } from '../../support/trigger';

const backend = useBackend();

test('checkExists, create and delete all succeed and send nothing to Tencent', async () => {
	const harness = await createHarness();
	const workflow = buildWorkflow(structuredClone(triggerWorkflow()), harness.nodeTypes);
	const node = workflow.getNode('Tencent Chat Trigger')!;
	const nodeType = harness.nodeTypes.getByNameAndVersion(node.type, 1);
	const credentials = triggerCredentials({ region: 'custom', baseUrl: backend().emu.url });
	const credentialsHelper = new TestCredentialsHelper(harness.credentialTypes, new Map([['cred-1', credentials]]));
	const hooks = createHooks('trigger', randomUUID(), { nodes: [node], connections: {} });
	const additionalData = buildAdditionalData({ executionId: undefined, workflowId: workflow.id, hooks, credentialsHelper });
	const description = nodeType.description.webhooks![0];
	const webhookData = { httpMethod: 'POST', node: node.name, path: description.path, webhookDescription: description, workflowId: workflow.id } as IWebhookData;
	backend().emu.clearRequests();
	const steps = [['activate', 'checkExists'], ['activate', 'create'], ['deactivate', 'delete']] as const;
	for (const [activation, method] of steps) {
		const context = new HookContext(workflow, node, additionalData, 'trigger', activation as WorkflowActivateMode, webhookData);
		await expect(nodeType.webhookMethods!.default![method]!.call(context)).resolves.toBe(true);
	}
	expect(backend().emu.requests()).toEqual([]);
	expect(description).toMatchObject({ name: 'default', httpMethod: 'POST', path: 'webhook' });
	expect(nodeType.description.properties.find((p) => p.type === 'notice')!.displayName).toMatch(/Production URL into the Tencent Cloud Chat console.*Callback URL.*one URL per app.*Test URL/s);
});
