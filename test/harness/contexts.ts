// n8n-core's own contexts outside a workflow run: what n8n builds for a list picker (LoadOptionsContext),
// so tests call `methods.listSearch` and the transport exactly as the editor's REST endpoint does.
import { randomUUID } from 'node:crypto';
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode } from 'n8n-workflow';
import { TestCredentialsHelper } from './credentials-helper';
import { buildAdditionalData, createHooks } from './execution';
import type { NodeTypes, CredentialTypes } from './registries';
import type { LoadOptionsRequest } from './types';
import { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, PACKAGE_NAME } from './constants';

interface ContextsOptions {
	nodeTypes: NodeTypes;
	credentialTypes: CredentialTypes;
	packageName?: string;
}

export function createContexts({ nodeTypes, credentialTypes, packageName = PACKAGE_NAME }: ContextsOptions) {
	/** A LoadOptionsContext for one node of ours with `parameters` and credential data `credentials`. */
	function loadOptionsContext({ type, parameters = {}, credentials, path = 'parameters.groupId' }: LoadOptionsRequest): LoadOptionsContext {
		const node: INode = {
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
		const hooks = createHooks('internal', randomUUID(), { nodes: [node], connections: {} });
		const additionalData = buildAdditionalData({ executionId: undefined, workflowId: workflow.id, hooks, credentialsHelper });
		return new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalData, path);
	}
	return { loadOptionsContext };
}
