'use strict';
/*
 * What the editor should show, read from the built nodes (every
 * dist/nodes/<Node>/<Node>.node.js, so a node left out of package.json's
 * `n8n.nodes` is missed in the panel), following the nodes' copy and their
 * newest version: display names, resources, operations (with their action
 * names in the nodes panel) and the parameters each operation shows.
 */

const fs = require('node:fs');
const path = require('node:path');

const { REPO } = require('../e2e/install');

/** The newest version's description of a node class (plain or versioned). */
function newestDescription(NodeClass) {
	const node = new NodeClass();
	if (!node.nodeVersions) return node.description;
	const version = node.currentVersion ?? Math.max(...Object.keys(node.nodeVersions).map(Number));
	return { ...node.description, ...node.nodeVersions[version].description };
}

const CONDITIONS = { eq: (a, b) => a === b, not: (a, b) => a !== b, gte: (a, b) => a >= b, lte: (a, b) => a <= b, gt: (a, b) => a > b, lt: (a, b) => a < b };

/** One displayOptions value: a plain value, or n8n's `{ _cnd: { gte: 2 } }` form. */
function allows(allowed, value) {
	return allowed.some((a) => {
		if (a && typeof a === 'object' && a._cnd) return Object.entries(a._cnd).every(([op, b]) => CONDITIONS[op]?.(value, b) ?? false);
		return a === value;
	});
}

/** Whether a property is shown for these parameter values (values['@version']: the node version). */
function isShown(property, values) {
	const { show = {}, hide = {} } = property.displayOptions || {};
	const matches = (name, allowed) => name in values && allows(allowed, values[name]);
	for (const [name, allowed] of Object.entries(show)) if (!matches(name, allowed)) return false;
	return !Object.entries(hide).some(([name, hidden]) => matches(name, hidden));
}

/** The options of a property by value: { value: { name, action } }. */
function optionsOf(property) {
	return Object.fromEntries((property?.options || []).map((o) => [o.value, { name: o.name, action: o.action }]));
}

/** Only the `key` entry of a displayOptions.show object. */
function pick(show, key) {
	return show && key in show ? { [key]: show[key] } : {};
}

/** Resource -> operation -> { name, action, parameters: [display names shown with the defaults] }. */
function operationsOf(properties, version) {
	const resourceProperty = properties.find((p) => p.name === 'resource');
	const result = {};
	for (const [resource, { name }] of Object.entries(optionsOf(resourceProperty))) {
		const operationProperty = properties.find((p) => p.name === 'operation' && isShown(p, { '@version': version, resource }));
		const operations = {};
		for (const [operation, option] of Object.entries(optionsOf(operationProperty))) {
			const values = defaultsFor(properties, { '@version': version, resource, operation });
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

/** The built node files, dist/nodes/<Node>/<Node>.node.js: what the panel must list, whatever package.json says. */
function builtNodeFiles() {
	const dist = path.join(REPO, 'dist', 'nodes');
	return fs
		.readdirSync(dist, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) => fs.readdirSync(path.join(dist, entry.name)).filter((f) => f.endsWith('.node.js')).map((f) => `dist/nodes/${entry.name}/${f}`))
		.sort();
}

/** [{ file, name, displayName, isTrigger, properties, resources }] for every built node. */
function builtNodes() {
	return builtNodeFiles().map((file) => {
		const exports = require(path.join(REPO, file));
		const description = newestDescription(Object.values(exports)[0]);
		const version = Math.max(...[description.version].flat());
		return {
			file,
			name: description.name,
			displayName: description.displayName,
			isTrigger: description.group.includes('trigger'),
			version,
			properties: description.properties.filter((p) => isShown({ displayOptions: { show: pick(p.displayOptions?.show, '@version') } }, { '@version': version })),
			resources: operationsOf(description.properties, version),
		};
	});
}

module.exports = { builtNodes, isShown };
