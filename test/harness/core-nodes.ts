// A few of n8n's own nodes (n8n-nodes-base), for running the example workflows
// as users import them. Only the nodes listed here are loaded: requiring all of
// n8n-nodes-base would take seconds and pull in hundreds of modules.
import path from 'node:path';
import { LazyPackageDirectoryLoader } from 'n8n-core';

export const CORE_PACKAGE = 'n8n-nodes-base';

// The nodes the examples use. Each loads in milliseconds; none needs credentials.
export const CORE_NODES = ['manualTrigger', 'scheduleTrigger', 'code', 'set', 'if', 'compareDatasets', 'stickyNote', 'httpRequest'];

export function coreNodesDir(): string {
	return path.dirname(require.resolve(`${CORE_PACKAGE}/package.json`));
}

/**
 * Loads the named n8n-nodes-base nodes with n8n-core's LazyPackageDirectoryLoader
 * (n8n's own loader for that package: it reads dist/known/nodes.json and
 * requires a node's file only when asked for it).
 * `names` is `true` for CORE_NODES; the loader has every named node in `loader.nodeTypes`.
 */
export async function loadCoreNodes(names: true | string[]): Promise<LazyPackageDirectoryLoader> {
	const wanted = names === true ? CORE_NODES : names;
	const unknown = wanted.filter((name) => !CORE_NODES.includes(name));
	if (unknown.length) {
		throw new Error(`coreNodes: ${unknown.join(', ')} not supported by the harness; it loads ${CORE_NODES.join(', ')}`);
	}
	const loader = new LazyPackageDirectoryLoader(
		coreNodesDir(),
		[],
		wanted.map((name) => `${CORE_PACKAGE}.${name}`),
	);
	await loader.loadAll();
	for (const name of wanted) loader.getNode(name); // require the node file now, not mid-run
	return loader;
}
