'use strict';
// n8n-core's own contexts outside a workflow run: what n8n builds for a list picker (LoadOptionsContext),
// so tests call `methods.listSearch` and the transport exactly as the editor's REST endpoint does.
const { randomUUID } = require('node:crypto');
const { LoadOptionsContext, ExecutionLifecycleHooks } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { TestCredentialsHelper } = require('./credentials-helper');
const { buildAdditionalData } = require('./execution');
const { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, PACKAGE_NAME } = require('./constants');

function createContexts({ nodeTypes, credentialTypes, packageName = PACKAGE_NAME }) {
	/** A LoadOptionsContext for one node of ours with `parameters` and credential data `credentials`. */
	function loadOptionsContext({ type, parameters = {}, credentials, path = 'parameters.groupId' }) {
		const node = {
			id: 'node-under-test',
			name: 'Node',
			type: type.includes('.') ? type : `${packageName}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		};
		const workflow = new Workflow({ id: 'harness-load-options', nodes: [node], connections: {}, active: false, nodeTypes });
		const credentialsHelper = new TestCredentialsHelper(credentialTypes, new Map([[CREDENTIAL_ID, structuredClone(credentials)]]));
		const hooks = new ExecutionLifecycleHooks('internal', randomUUID(), { nodes: [node], connections: {} });
		const additionalData = buildAdditionalData({ executionId: undefined, workflowId: workflow.id, hooks, credentialsHelper });
		return new LoadOptionsContext(workflow, workflow.getNode('Node'), additionalData, path);
	}
	return { loadOptionsContext };
}

module.exports = { createContexts };
