'use strict';
// The webhook lifecycle n8n runs on activation and deactivation: the URL lives in the Tencent console only, so
// checkExists, create and delete succeed without a call to Tencent. Run from n8n-core's real HookContext.
const { randomUUID } = require('node:crypto');
const { HookContext, ExecutionLifecycleHooks } = require('n8n-core');
const { createHarness } = require('../../harness');
const { buildWorkflow } = require('../../harness/runner');
const { buildAdditionalData } = require('../../harness/execution');
const { TestCredentialsHelper } = require('../../harness/credentials-helper');
const { useBackend } = require('../../support/backend');
const { triggerWorkflow, triggerCredentials } = require('../../support/trigger');

const backend = useBackend();

test('checkExists, create and delete all succeed and send nothing to Tencent', async () => {
	const harness = await createHarness();
	const workflow = buildWorkflow(structuredClone(triggerWorkflow()), harness.nodeTypes);
	const node = workflow.getNode('Tencent Chat Trigger');
	const nodeType = harness.nodeTypes.getByNameAndVersion(node.type, 1);
	const credentials = triggerCredentials({ region: 'custom', baseUrl: backend().emu.url });
	const credentialsHelper = new TestCredentialsHelper(harness.credentialTypes, new Map([['cred-1', credentials]]));
	const hooks = new ExecutionLifecycleHooks('trigger', randomUUID(), { nodes: [node], connections: {} });
	const additionalData = buildAdditionalData({ executionId: undefined, workflowId: workflow.id, hooks, credentialsHelper });
	const description = nodeType.description.webhooks[0];
	const webhookData = { httpMethod: 'POST', node: node.name, path: description.path, webhookDescription: description, workflowId: workflow.id };
	backend().emu.clearRequests();
	for (const [activation, method] of [['activate', 'checkExists'], ['activate', 'create'], ['deactivate', 'delete']]) {
		const context = new HookContext(workflow, node, additionalData, 'trigger', activation, webhookData);
		await expect(nodeType.webhookMethods.default[method].call(context)).resolves.toBe(true);
	}
	expect(backend().emu.requests()).toEqual([]);
	expect(description).toMatchObject({ name: 'default', httpMethod: 'POST', path: 'webhook' });
	expect(nodeType.description.properties.find((p) => p.type === 'notice').displayName).toMatch(/Production URL into the Tencent Cloud Chat console.*Callback URL.*one URL per app.*Test URL/s);
});
