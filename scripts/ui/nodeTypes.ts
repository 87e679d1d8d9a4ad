/*
 * What the editor should show, read from the built nodes (every
 * dist/nodes/<Node>/<Node>.node.js, so a node left out of package.json's
 * `n8n.nodes` is missed in the panel), following the nodes' copy and their
 * newest version: display names, resources, operations (with their action
 * names in the nodes panel) and the parameters each operation shows.
 */

import fs from 'node:fs';
import path from 'node:path';

import { REPO } from '../e2e/install';

/** What the checks know of one built node. */
interface BuiltNode {
	file: string;
	name: string;
	displayName: string;
	isTrigger: boolean;
	version: number;
	properties: any[];
	resources: Record<string, Resource>;
}

/** A resource's name in the editor and its operations by value. */
interface Resource {
	name: string;
	operations: Record<string, Operation>;
}

/** An operation's name, its action in the nodes panel and the display names of the parameters it shows. */
interface Operation {
	name: string;
	action: string;
	parameters: string[];
}

/** The first class a built file exports; `file` is relative to the repository, in dist/ (as package.json names it). */
function builtClass(file: string): any {
	if (!file.startsWith('dist/')) throw new Error(`${file} is not a file of the built package`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a dist/ file found at run time (checked above)
	return Object.values(require(path.join(REPO, file)))[0];
}

/** The newest version's description of a node class (plain or versioned). */
function newestDescription(NodeClass) {
	const node = new NodeClass();
	if (!node.nodeVersions) return node.description;
	const version = node.currentVersion ?? Math.max(...Object.keys(node.nodeVersions).map(Number));
	return { ...node.description, ...node.nodeVersions[version].description };
}

const CONDITIONS: Record<string, (a: any, b: any) => boolean> = { eq: (a, b) => a === b, not: (a, b) => a !== b, gte: (a, b) => a >= b, lte: (a, b) => a <= b, gt: (a, b) => a > b, lt: (a, b) => a < b };

/** One displayOptions value: a plain value, or n8n's `{ _cnd: { gte: 2 } }` form. */
function allows(allowed: any[], value: unknown): boolean {
	return allowed.some((a) => {
		if (a && typeof a === 'object' && a._cnd) return Object.entries(a._cnd).every(([op, b]) => CONDITIONS[op]?.(value, b) ?? false);
		return a === value;
	});
}

/** Whether a property is shown for these parameter values (values['@version']: the node version). */
function isShown(property, values: Record<string, unknown>): boolean {
	const { show = {}, hide = {} } = property.displayOptions || {};
	const matches = (name: string, allowed) => name in values && allows(allowed, values[name]);
	for (const [name, allowed] of Object.entries(show)) if (!matches(name, allowed)) return false;
	return !Object.entries(hide).some(([name, hidden]) => matches(name, hidden));
}

/** The options of a property by value: { value: { name, action } }. */
function optionsOf(property): Record<string, { name: string; action: string }> {
	return Object.fromEntries((property?.options || []).map((o) => [o.value, { name: o.name, action: o.action }]));
}

/** Only the `key` entry of a displayOptions.show object. */
function pick(show: Record<string, unknown> | undefined, key: string) {
	return show && key in show ? { [key]: show[key] } : {};
}

/** Resource -> operation -> { name, action, parameters: [display names shown with the defaults] }. */
function operationsOf(properties: any[], version: number): Record<string, Resource> {
	const resourceProperty = properties.find((p) => p.name === 'resource');
	const result: Record<string, Resource> = {};
	for (const [resource, { name }] of Object.entries(optionsOf(resourceProperty))) {
		const operationProperty = properties.find((p) => p.name === 'operation' && isShown(p, { '@version': version, resource }));
		const operations: Record<string, Operation> = {};
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
function defaultsFor(properties: any[], picked: Record<string, unknown>): Record<string, unknown> {
	const values: Record<string, unknown> = { ...picked };
	for (const p of properties) if (!(p.name in values) && isShown(p, values) && typeof p.default !== 'object') values[p.name] = p.default;
	return values;
}

/** The built node files, dist/nodes/<Node>/<Node>.node.js: what the panel must list, whatever package.json says. */
function builtNodeFiles(): string[] {
	const dist = path.join(REPO, 'dist', 'nodes');
	return fs
		.readdirSync(dist, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) => fs.readdirSync(path.join(dist, entry.name)).filter((f) => f.endsWith('.node.js')).map((f) => `dist/nodes/${entry.name}/${f}`))
		.sort();
}

/** [{ file, name, displayName, isTrigger, properties, resources }] for every built node. */
function builtNodes(): BuiltNode[] {
	return builtNodeFiles().map((file) => {
		const description = newestDescription(builtClass(file));
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

export { builtNodes, builtClass, isShown, type BuiltNode };
