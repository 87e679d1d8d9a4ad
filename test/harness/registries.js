'use strict';
// INodeTypes / ICredentialTypes over n8n-core loaders, mirroring n8n's own
// NodeTypes and CredentialTypes: node types are `<package>.<name>`.
const { NodeHelpers } = require('n8n-workflow');
const { UnrecognizedNodeTypeError, UnrecognizedCredentialTypeError } = require('n8n-core');

class NodeTypes {
	constructor() {
		this.types = new Map(); // full type name -> { type, sourcePath }
	}

	addLoader(loader) {
		for (const [name, data] of Object.entries(loader.nodeTypes)) {
			this.types.set(`${loader.packageName}.${name}`, data);
		}
	}

	add(fullName, type, sourcePath = '') {
		this.types.set(fullName, { type, sourcePath });
	}

	getByName(nodeType) {
		const data = this.types.get(nodeType);
		if (!data) {
			const [pkg, ...rest] = nodeType.split('.');
			throw new UnrecognizedNodeTypeError(pkg, rest.join('.') || nodeType);
		}
		return data.type;
	}

	getByNameAndVersion(nodeType, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		const known = {};
		for (const [name, { type, sourcePath }] of this.types) {
			known[name] = { className: type.constructor.name, sourcePath };
		}
		return known;
	}
}

class CredentialTypes {
	constructor() {
		this.types = new Map(); // name -> { type, packageName, known }
	}

	addLoader(loader) {
		for (const [name, data] of Object.entries(loader.credentialTypes)) {
			const known = loader.known.credentials[name] ?? {};
			this.types.set(name, { type: data.type, packageName: loader.packageName, known });
		}
	}

	recognizes(name) {
		return this.types.has(name);
	}

	getByName(name) {
		const data = this.types.get(name);
		if (!data) throw new UnrecognizedCredentialTypeError(name);
		return data.type;
	}

	// Fully qualified node types, as n8n's CredentialTypes returns them.
	getSupportedNodes(name) {
		const data = this.types.get(name);
		if (!data) return [];
		return (data.known.supportedNodes ?? []).map((node) => `${data.packageName}.${node}`);
	}

	getParentTypes(name) {
		const parents = [];
		for (const parent of this.types.get(name)?.type.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return [...new Set(parents)];
	}
}

module.exports = { NodeTypes, CredentialTypes };
