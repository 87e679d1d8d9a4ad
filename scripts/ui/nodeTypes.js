'use strict';
/*
 * What the editor should show, read from the built nodes (dist/) through
 * package.json's `n8n` field, so the test follows the nodes' copy and their
 * newest version: display names, resources, operations (with their action
 * names in the nodes panel) and the parameters each operation shows.
 */

const path = require('node:path');

const { REPO } = require('../e2e/install');

/** The newest version's description of a node class (plain or versioned). */
function newestDescription(NodeClass) {
	const node = new NodeClass();
	if (!node.nodeVersions) return node.description;
	const version = node.currentVersion ?? Math.max(...Object.keys(node.nodeVersions).map(Number));
	return { ...node.description, ...node.nodeVersions[version].description };
}

/** Whether a property is shown for these parameter values (displayOptions.show/hide, plain values only). */
function isShown(property, values) {
	const { show = {}, hide = {} } = property.displayOptions || {};
	const matches = (name, allowed) => name in values && allowed.includes(values[name]);
	for (const [name, allowed] of Object.entries(show)) {
		if (name.startsWith('@')) continue; // @version: the newest version is shown
		if (!(name in values) || !matches(name, allowed)) return false;
	}
	return !Object.entries(hide).some(([name, hidden]) => matches(name, hidden));
}

/** The options of a property by value: { value: { name, action } }. */
function optionsOf(property) {
	return Object.fromEntries((property?.options || []).map((o) => [o.value, { name: o.name, action: o.action }]));
}

/** Resource -> operation -> { name, action, parameters: [display names shown with the defaults] }. */
function operationsOf(properties) {
	const resourceProperty = properties.find((p) => p.name === 'resource');
	const result = {};
	for (const [resource, { name }] of Object.entries(optionsOf(resourceProperty))) {
		const operationProperty = properties.find((p) => p.name === 'operation' && isShown(p, { resource }));
		const operations = {};
		for (const [operation, option] of Object.entries(optionsOf(operationProperty))) {
			const values = defaultsFor(properties, { resource, operation });
			const parameters = properties
				.filter((p) => !['resource', 'operation', 'notice'].includes(p.name) && p.type !== 'notice' && isShown(p, values))
				.map((p) => p.displayName);
			operations[operation] = { ...option, parameters };
		}
		result[resource] = { name, operations };
	}
	return result;
}

/** Parameter values with every top-level default filled in (boolean toggles decide what shows). */
function defaultsFor(properties, picked) {
	const values = { ...picked };
	for (const p of properties) if (!(p.name in values) && isShown(p, values) && typeof p.default !== 'object') values[p.name] = p.default;
	return values;
}

/** [{ file, name, displayName, isTrigger, resources }] for every node in package.json's n8n.nodes. */
function packageNodes() {
	const pkg = require(path.join(REPO, 'package.json'));
	return pkg.n8n.nodes.map((file) => {
		const exports = require(path.join(REPO, file));
		const description = newestDescription(Object.values(exports)[0]);
		return {
			file,
			name: description.name,
			displayName: description.displayName,
			isTrigger: description.group.includes('trigger'),
			properties: description.properties,
			resources: operationsOf(description.properties),
		};
	});
}

module.exports = { packageNodes, isShown };
