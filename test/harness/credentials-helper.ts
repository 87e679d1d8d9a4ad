// ICredentialsHelper for tests: hands out plain credential data by id instead of
// reading an encrypted database; authentication follows n8n's CredentialsHelper
// (packages/cli/src/credentials-helper.ts) step for step.
import { ICredentialsHelper, NodeHelpers, UserError, isExpression } from 'n8n-workflow';
import type {
	ICredentialType,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IHttpRequestHelper,
	IWorkflowDataProxyAdditionalKeys,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Credentials, getAdditionalKeys } from 'n8n-core';
import type { CredentialData } from './types';

/** What the helper needs of a credential type registry (CredentialTypes, or a test's fake). */
export interface CredentialTypeRegistry {
	recognizes(name: string): boolean;
	getByName(name: string): ICredentialType | any;
	getParentTypes(name: string): string[];
	getSupportedNodes(name: string): string[];
}

/** A credential a node wrote back (pre-auth tokens, OAuth data). */
export interface CredentialUpdate {
	id: string | null | undefined;
	type: string;
	data: CredentialData;
}

export class TestCredentialsHelper extends ICredentialsHelper {
	readonly updates: CredentialUpdate[] = [];

	/** `store`: credential id -> decrypted data. */
	constructor(
		readonly credentialTypes: CredentialTypeRegistry,
		readonly store: Map<string, CredentialData>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	async authenticate(credentials: CredentialData, typeName: string, requestOptions: any, workflow?: Workflow, node?: INode) {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) {
				throw new UserError('Workflow and node are required for declarative credential authentication');
			}
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keys = { $credentials: credentials };
					requestOptions[outerKey] ??= {};
					requestOptions[outerKey][resolve(key, keys, workflow, node)] = resolve(value, keys, workflow, node);
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(helpers: IHttpRequestHelper, credentials: CredentialData, typeName: string, node: INode, credentialsExpired: boolean): Promise<CredentialData | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		const expirable = type.properties.find((p: INodeProperties) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (expirable?.name === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			await this.updateCredentials(node.credentials[typeName], typeName, { ...credentials, ...output });
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: CredentialData, typeName: string): Promise<CredentialData | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) ?? undefined;
	}

	lookup(nodeCredentials: INodeCredentialsDetails | undefined, type: string): CredentialData {
		const id = nodeCredentials?.id;
		if (!id || !this.store.has(id)) {
			throw new UserError(`Credential with ID "${id}" does not exist for type "${type}".`);
		}
		return this.store.get(id)!;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const credentials = new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
		await credentials.setData(this.lookup(nodeCredentials, type));
		return credentials;
	}

	// additionalData is loose: tests call this directly with {}.
	async getDecrypted(additionalData: any, nodeCredentials: INodeCredentialsDetails, type: string, mode: WorkflowExecuteMode, executeData?: IExecuteData, raw?: boolean, expressionResolveValues?: ICredentialsExpressionResolveValues): Promise<CredentialData> {
		// A copy per call: a node mutating its credentials must not leak into the next call.
		const stored = structuredClone(this.lookup(nodeCredentials, type));
		if (raw === true) return stored;
		// Type defaults fill what the test left out, as in n8n's applyDefaultsAndOverwrites.
		let data: any = NodeHelpers.getNodeParameters(this.getCredentialsProperties(type), stored, true, false, null, null) ?? {};
		if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = expressionResolveValues;
			const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
			data = workflow.expression.getParameterValue(data, runExecutionData, runIndex, itemIndex, node.name, connectionInputData, mode, additionalKeys, executeData, false, data);
		}
		return data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails | undefined, type: string, data: CredentialData): Promise<void> {
		this.updates.push({ id: nodeCredentials?.id, type, data });
		if (nodeCredentials?.id) this.store.set(nodeCredentials.id, structuredClone(data));
	}

	async updateCredentialsOauthTokenData(nodeCredentials: INodeCredentialsDetails, type: string, data: CredentialData): Promise<void> {
		const current = (nodeCredentials?.id && this.store.get(nodeCredentials.id)) || {};
		await this.updateCredentials(nodeCredentials, type, { ...current, oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.getByName(type);
		if (credentialType.extends === undefined) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}

// Resolves `={{ $credentials.x }}`-style values of a generic auth object.
function resolve(value: any, additionalKeys: IWorkflowDataProxyAdditionalKeys, workflow: Workflow, node: INode): any {
	if (!isExpression(value)) return value;
	const result = workflow.expression.getSimpleParameterValue(node, value, 'internal', additionalKeys, undefined, '');
	return result ? result.toString() : '';
}
