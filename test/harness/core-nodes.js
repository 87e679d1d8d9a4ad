'use strict';
// A few of n8n's own nodes (n8n-nodes-base), for running the example workflows
// as users import them. Only the nodes listed here are loaded: requiring all of
// n8n-nodes-base would take seconds and pull in hundreds of modules.
const path = require('node:path');

const CORE_PACKAGE = 'n8n-nodes-base';

// The nodes the examples use. Each loads in milliseconds; none needs credentials.
const CORE_NODES = ['manualTrigger', 'scheduleTrigger', 'code', 'set', 'if', 'compareDatasets', 'stickyNote', 'httpRequest'];

function coreNodesDir() {
	return path.dirname(require.resolve(`${CORE_PACKAGE}/package.json`));
}

/**
 * Loads the named n8n-nodes-base nodes with n8n-core's LazyPackageDirectoryLoader
 * (n8n's own loader for that package: it reads dist/known/nodes.json and
 * requires a node's file only when asked for it).
 * @param {true|string[]} names `true` for CORE_NODES
 * @returns {Promise<import('n8n-core').LazyPackageDirectoryLoader>} with every named node in `loader.nodeTypes`
 */
async function loadCoreNodes(names) {
	const { LazyPackageDirectoryLoader } = require('n8n-core');
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

module.exports = { CORE_PACKAGE, CORE_NODES, coreNodesDir, loadCoreNodes };
