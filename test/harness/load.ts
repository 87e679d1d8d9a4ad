// Loading a harness: our package through n8n-core's PackageDirectoryLoader, n8n's own nodes when asked for, the
// fixture nodes, and n8n-core's process-wide state made test-friendly.
import path from 'node:path';
import { createRequire } from 'node:module';
import { PackageDirectoryLoader } from 'n8n-core';
import { Expression } from 'n8n-workflow';
import { FIXTURE_PACKAGE } from './constants';
import { coreNodesDir, loadCoreNodes } from './core-nodes';
import { NodeTypes, CredentialTypes } from './registries';
import { HarnessInput } from './fixtures/HarnessInput.node';
import { HarnessWait } from './fixtures/HarnessWait.node';
import { HarnessSet } from './fixtures/HarnessSet.node';
import { createRunner } from './runner';
import type { AdditionalDataOptions } from './execution';
import type { Harness } from './types';

// Loads modules by resolved path (another package's copy of a dependency).
const loadResolved = createRequire(__filename);

export async function loadHarness(packageDir: string | null, extraNodeTypes: any[], coreNodes: string[]): Promise<Harness> {
	// n8n-workflow defaults to this already; set it so an N8N_EXPRESSION_ENGINE=vm
	// elsewhere can never switch to the isolated-vm engine (not built on Node 20).
	Expression.setExpressionEngine('legacy');
	assertOneWorkflowCopy(packageDir ?? __dirname, coreNodes.length > 0);
	const container = coreContainer();
	stopBackgroundTimers(container);

	const nodeTypes = new NodeTypes();
	const credentialTypes = new CredentialTypes();
	let loader: PackageDirectoryLoader | undefined;
	if (packageDir !== null) {
		loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
		nodeTypes.addLoader(loader);
		credentialTypes.addLoader(loader);
	}
	let startRunnerTask: AdditionalDataOptions['startRunnerTask'];
	if (coreNodes.length) {
		nodeTypes.addLoader(await loadCoreNodes(coreNodes));
		// @n8n/task-runner loads only for harnesses with the Code node.
		if (coreNodes.includes('code')) startRunnerTask = (await import('./task-runner')).inProcessRunnerTask;
	}
	for (const fixture of [HarnessInput, HarnessWait, HarnessSet, ...extraNodeTypes]) {
		const instance = typeof fixture === 'function' ? new fixture() : fixture;
		nodeTypes.add(nodeTypeName(instance), instance, __filename);
	}
	return createRunner({ loader, nodeTypes, credentialTypes, container, packageName: loader?.packageName, startRunnerTask });
}

/** Harness-only node types are `harness.<name>` unless their name has a package. */
export function nodeTypeName(type: any): string {
	const name: string = (typeof type === 'function' ? new type() : type).description.name;
	return name.includes('.') ? name : `${FIXTURE_PACKAGE}.${name}`;
}

// Two copies of n8n-workflow break `instanceof NodeApiError` between the engine,
// our nodes and the tests (and between n8n's nodes and the engine), so refuse
// to run with more than one.
function assertOneWorkflowCopy(packageDir: string, withCoreNodes: boolean): void {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const dirs = [__dirname, coreDir, packageDir];
	if (withCoreNodes) dirs.push(coreNodesDir(), path.dirname(require.resolve('@n8n/task-runner')));
	const copies = new Set<string>();
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
function coreContainer(): any {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	return loadResolved(require.resolve('@n8n/di', { paths: [coreDir] })).Container;
}

// n8n-core's SSH clients manager starts a 60 s cleanup interval when first
// created (by an SSH-tunnel node). Create it now and clear that interval, so
// jest never waits for it.
function stopBackgroundTimers(Container: any): void {
	let SSHClientsManager;
	try {
		({ SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager'));
	} catch {
		return; // moved in another n8n-core version: nothing to stop
	}
	const manager = Container.get(SSHClientsManager);
	clearInterval(manager.cleanupTimer);
}
