// INodeTypes / ICredentialTypes over n8n-core loaders, mirroring n8n's own
// NodeTypes and CredentialTypes: node types are `<package>.<name>`.
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType, KnownNodesAndCredentials } from 'n8n-workflow';
import { UnrecognizedNodeTypeError, UnrecognizedCredentialTypeError } from 'n8n-core';
import type { DirectoryLoader } from 'n8n-core';
import type { CredentialTypeRegistry } from './credentials-helper';

interface LoadedNodeType {
	type: INodeType | IVersionedNodeType;
	sourcePath: string;
}

interface LoadedCredentialType {
	type: ICredentialType;
	packageName: string;
	known: { supportedNodes?: string[] };
}

export class NodeTypes implements INodeTypes {
	/** full type name -> { type, sourcePath } */
	private readonly types = new Map<string, LoadedNodeType>();

	addLoader(loader: DirectoryLoader): void {
		for (const [name, data] of Object.entries(loader.nodeTypes)) {
			this.types.set(`${loader.packageName}.${name}`, data);
		}
	}

	add(fullName: string, type: INodeType | IVersionedNodeType, sourcePath = ''): void {
		this.types.set(fullName, { type, sourcePath });
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const data = this.types.get(nodeType);
		if (!data) {
			const [pkg, ...rest] = nodeType.split('.');
			throw new UnrecognizedNodeTypeError(pkg, rest.join('.') || nodeType);
		}
		return data.type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): KnownNodesAndCredentials['nodes'] {
		const known: KnownNodesAndCredentials['nodes'] = {};
		for (const [name, { type, sourcePath }] of this.types) {
			known[name] = { className: type.constructor.name, sourcePath };
		}
		return known;
	}
}

export class CredentialTypes implements CredentialTypeRegistry {
	/** name -> { type, packageName, known } */
	private readonly types = new Map<string, LoadedCredentialType>();

	addLoader(loader: DirectoryLoader): void {
		for (const [name, data] of Object.entries(loader.credentialTypes)) {
			const known = loader.known.credentials[name] ?? {};
			this.types.set(name, { type: data.type, packageName: loader.packageName, known });
		}
	}

	recognizes(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const data = this.types.get(name);
		if (!data) throw new UnrecognizedCredentialTypeError(name);
		return data.type;
	}

	// Fully qualified node types, as n8n's CredentialTypes returns them.
	getSupportedNodes(name: string): string[] {
		const data = this.types.get(name);
		if (!data) return [];
		return (data.known.supportedNodes ?? []).map((node) => `${data.packageName}.${node}`);
	}

	getParentTypes(name: string): string[] {
		const parents: string[] = [];
		for (const parent of this.types.get(name)?.type.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return [...new Set(parents)];
	}
}
