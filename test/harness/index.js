'use strict';
// In-process n8n engine harness: loads a community package the way n8n does
// (PackageDirectoryLoader over package.json's `n8n` field) and runs workflow
// JSON through n8n-core's WorkflowExecute. See README.md.
const path = require('node:path');
const { prepareEnv } = require('./env');
const { captureConsole } = require('./capture-console');
const { createDeferred } = require('./deferred');
const constants = require('./constants');
const { CORE_NODES, coreNodesDir, loadCoreNodes } = require('./core-nodes');

// Before anything can require n8n-core: user folder and quiet defaults.
prepareEnv();

const { REPO_ROOT, FIXTURE_PACKAGE } = constants;

// One harness per package dir and fixture set. "Per process" means per jest
// module registry, i.e. per test file: jest loads n8n-core afresh for each.
const harnesses = new Map();
let loggerLevel; // n8n's Logger is a singleton: its level is fixed by the first harness

/**
 * @param {object} [options]
 * @param {string|null} [options.packageDir] community package root (default: this repo;
 *   null loads no package, only the harness fixtures)
 * @param {Array} [options.extraNodeTypes] more test-only node classes/instances, typed `harness.<name>`
 * @param {string} [options.logLevel] n8n log level for this test file (default 'silent' or N8N_LOG_LEVEL)
 * @param {boolean|string[]} [options.coreNodes] also load n8n's own nodes from n8n-nodes-base, typed
 *   `n8n-nodes-base.<name>`: `true` for all the harness supports (CORE_NODES: those the examples use),
 *   or a list of their names. The Code node then runs in an in-process task runner. Default: none.
 */
async function createHarness({ packageDir = REPO_ROOT, extraNodeTypes = [], logLevel, coreNodes = false } = {}) {
	if (logLevel !== undefined && loggerLevel !== undefined && logLevel !== loggerLevel) {
		throw new Error(`n8n's logger already runs at "${loggerLevel}" in this test file; logLevel cannot change`);
	}
	const dir = packageDir === null ? null : path.resolve(packageDir);
	const core = coreNodes === true ? CORE_NODES : coreNodes || [];
	const key = `${dir}|${extraNodeTypes.map(nodeTypeName).join(',')}|${[...core].sort().join(',')}`;
	if (!harnesses.has(key)) {
		if (loggerLevel === undefined) loggerLevel = prepareEnv({ logLevel }).logLevel; // before n8n's Logger exists
		const loading = load(dir, extraNodeTypes, core);
		harnesses.set(key, loading);
		loading.catch(() => harnesses.delete(key));
	}
	return await harnesses.get(key);
}

async function load(packageDir, extraNodeTypes, coreNodes) {
	const { PackageDirectoryLoader } = require('n8n-core');
	const { Expression } = require('n8n-workflow');
	const { NodeTypes, CredentialTypes } = require('./registries');
	const { HarnessInput } = require('./fixtures/HarnessInput.node');
	const { HarnessWait } = require('./fixtures/HarnessWait.node');
	const { HarnessSet } = require('./fixtures/HarnessSet.node');

	// n8n-workflow defaults to this already; set it so an N8N_EXPRESSION_ENGINE=vm
	// elsewhere can never switch to the isolated-vm engine (not built on Node 20).
	Expression.setExpressionEngine('legacy');
	assertOneWorkflowCopy(packageDir ?? __dirname, coreNodes.length > 0);
	const container = coreContainer();
	stopBackgroundTimers(container);

	const nodeTypes = new NodeTypes();
	const credentialTypes = new CredentialTypes();
	let loader;
	if (packageDir !== null) {
		loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
		nodeTypes.addLoader(loader);
		credentialTypes.addLoader(loader);
	}
	let startRunnerTask;
	if (coreNodes.length) {
		nodeTypes.addLoader(await loadCoreNodes(coreNodes));
		if (coreNodes.includes('code')) startRunnerTask = require('./task-runner').inProcessRunnerTask;
	}
	for (const fixture of [HarnessInput, HarnessWait, HarnessSet, ...extraNodeTypes]) {
		const instance = typeof fixture === 'function' ? new fixture() : fixture;
		nodeTypes.add(nodeTypeName(instance), instance, __filename);
	}

	const { createRunner } = require('./runner');
	return createRunner({ loader, nodeTypes, credentialTypes, container, packageName: loader?.packageName, startRunnerTask });
}

// Harness-only node types are `harness.<name>` unless their name has a package.
function nodeTypeName(type) {
	const name = (typeof type === 'function' ? new type() : type).description.name;
	return name.includes('.') ? name : `${FIXTURE_PACKAGE}.${name}`;
}

// Two copies of n8n-workflow break `instanceof NodeApiError` between the engine,
// our nodes and the tests (and between n8n's nodes and the engine), so refuse
// to run with more than one.
function assertOneWorkflowCopy(packageDir, withCoreNodes) {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const dirs = [__dirname, coreDir, packageDir];
	if (withCoreNodes) dirs.push(coreNodesDir(), path.dirname(require.resolve('@n8n/task-runner')));
	const copies = new Set();
	for (const from of dirs) {
		try {
			copies.add(require.resolve('n8n-workflow', { paths: [from] }));
		} catch {
			// not resolvable from the package: its nodes cannot import it anyway
		}
	}
	if (copies.size > 1) {
		throw new Error(`More than one n8n-workflow is in use: ${[...copies].join(', ')}`);
	}
}

// n8n-core's own DI container. The top-level @n8n/di (from @n8n/node-cli) is an
// older copy with a different Container.
function coreContainer() {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	return require(require.resolve('@n8n/di', { paths: [coreDir] })).Container;
}

// n8n-core's SSH clients manager starts a 60 s cleanup interval when first
// created (by an SSH-tunnel node). Create it now and clear that interval, so
// jest never waits for it.
function stopBackgroundTimers(Container) {
	let SSHClientsManager;
	try {
		({ SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager'));
	} catch {
		return; // moved in another n8n-core version: nothing to stop
	}
	const manager = Container.get(SSHClientsManager);
	clearInterval(manager.cleanupTimer);
}

module.exports = { createHarness, captureConsole, createDeferred, CORE_NODES, ...constants };
