// Self-test of the engine harness: fixture nodes only, plus a smoke check that
// our built package loads through n8n's PackageDirectoryLoader.
import fs from 'node:fs';
import path from 'node:path';
import { NodeOperationError, ManualExecutionCancelledError } from 'n8n-workflow';
import { createHarness, captureConsole, REPO_ROOT, PACKAGE_NAME, CREDENTIAL_TYPE, CORE_NODES } from './index';
import { TestCredentialsHelper } from './credentials-helper';

const node = (name, type, parameters = {}) => ({ id: name, name, type, typeVersion: 1, position: [0, 0], parameters });
const chain = (...names) => {
	const connections = {};
	for (let i = 1; i < names.length; i++) {
		connections[names[i - 1]] = { main: [[{ node: names[i], type: 'main', index: 0 }]] };
	}
	return connections;
};

describe('harness with fixture nodes only', () => {
	let harness;
	beforeAll(async () => {
		harness = await createHarness({ packageDir: null });
	});

	test('is cached per test file', async () => {
		expect(await createHarness({ packageDir: null })).toBe(harness);
	});

	test('Input emits its items; $json expressions resolve per item', async () => {
		const result = await harness.run({
			nodes: [
				node('Input', 'harness.input', { items: JSON.stringify([{ name: 'ada' }, { name: 'bob' }]) }),
				node('Set', 'harness.set', { values: '={{ { upper: $json.name.toUpperCase(), index: $itemIndex } }}' }),
			],
			connections: chain('Input', 'Set'),
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.items('Input')).toEqual([
			{ json: { name: 'ada' }, pairedItem: { item: 0 } },
			{ json: { name: 'bob' }, pairedItem: { item: 0 } },
		]);
		expect(result.items('Set')).toEqual([
			{ json: { name: 'ada', upper: 'ADA', index: 0 }, pairedItem: { item: 0 } },
			{ json: { name: 'bob', upper: 'BOB', index: 1 }, pairedItem: { item: 1 } },
		]);
		expect(() => result.items('Missing')).toThrow(/did not run/);
	});

	test('a node error surfaces as the real error object', async () => {
		const result = await harness.run({ nodes: [node('Input', 'harness.input', { items: '[not json' })], connections: {} });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error.message).toMatch(/not valid JSON/);
		expect(result.nodeError('Input')).toBe(result.error);
		expect(result.status).toBe('error');
	});

	test('onError continueRegularOutput: the thrown error stays on the node', async () => {
		const wf = {
			nodes: [
				node('Input', 'harness.input', { items: '[{"a":1}]' }),
				{ ...node('Set', 'harness.set', { values: '{bad' }), onError: 'continueRegularOutput' },
				node('After', 'harness.set', { values: '{"b":2}' }),
			],
			connections: chain('Input', 'Set', 'After'),
		};
		const result = await harness.run(wf);
		expect(result.error).toBeUndefined();
		expect(result.nodeError('Set')).toBeInstanceOf(NodeOperationError);
		// The engine passes the input through for a node that threw.
		expect(result.items('Set')).toEqual([{ json: { a: 1 }, pairedItem: { item: 0 } }]);
		expect(result.items('After')[0].json).toEqual({ a: 1, b: 2 });
		// n8n 2.41 quirk: when such a node is the LAST one, the run still ends as failed.
		const last = await harness.run({ nodes: wf.nodes.slice(0, 2), connections: chain('Input', 'Set') });
		expect(last.status).toBe('error');
		expect(last.error).toBe(last.nodeError('Set'));
	});

	const waiting = {
		nodes: [node('Input', 'harness.input', { items: '[{"a":1}]' }), node('Wait', 'harness.wait', { ms: 0 })],
		connections: chain('Input', 'Wait'),
	};

	test('cancel() aborts the execution signal', async () => {
		const pending = harness.run(waiting);
		setTimeout(() => pending.cancel(), 20);
		const result = await pending;
		expect(result.cancelled).toBe(true);
		expect(result.status).toBe('canceled');
		expect(result.error).toBeInstanceOf(ManualExecutionCancelledError);
	});

	test('cancelAfterMs and timeoutMs', async () => {
		const result = await harness.run(waiting, { cancelAfterMs: 20 });
		expect(result.error).toBeInstanceOf(ManualExecutionCancelledError);
		await expect(harness.run(waiting, { timeoutMs: 50 })).rejects.toThrow(/did not finish within 50 ms/);
	});

	test('captureConsole collects console and stream output', () => {
		const capture = captureConsole();
		console.log('a %s', 'secret-1');
		console.error(new Error('secret-2'));
		process.stdout.write('secret-3\n');
		const output = capture.stop();
		expect(output).toMatch(/a secret-1[\s\S]*secret-2[\s\S]*secret-3/);
		expect(capture.stop()).toBe(output);
	});
});

describe('TestCredentialsHelper', () => {
	const type = {
		name: 'fakeApi',
		properties: [
			{ name: 'token', type: 'string', default: '' },
			{ name: 'region', type: 'string', default: 'eu' },
		],
		authenticate: async (credentials, options) => ({ ...options, qs: { ...options.qs, sig: `s:${credentials.token}` } }),
	};
	const types = {
		recognizes: (name) => name === 'fakeApi',
		getByName: (name) => (name === 'fakeApi' ? type : undefined),
		getParentTypes: () => [],
		getSupportedNodes: () => [],
	};
	const helper = new TestCredentialsHelper(types, new Map([['c1', { token: 't' }]]));

	test('hands out credentials by id, with type defaults', async () => {
		expect(await helper.getDecrypted({}, { id: 'c1', name: 'x' }, 'fakeApi', 'manual')).toEqual({ token: 't', region: 'eu' });
		await expect(helper.getDecrypted({}, { id: 'nope', name: 'x' }, 'fakeApi', 'manual')).rejects.toThrow(/nope/);
	});

	test('applies an authenticate function', async () => {
		const options = await helper.authenticate({ token: 't' }, 'fakeApi', { url: 'http://x', qs: { a: 1 } });
		expect(options.qs).toEqual({ a: 1, sig: 's:t' });
	});
});

// Our package, once built: `npx tsc -p tsconfig.json` writes dist/.
const builtNode = path.join(REPO_ROOT, 'dist/nodes/TencentChatOfficialAccount/TencentChatOfficialAccount.node.js');
const built = fs.existsSync(builtNode);
(built ? test : test.skip)(
	built ? 'our package loads through PackageDirectoryLoader' : 'our package loads (SKIPPED: dist/ not built; run npx tsc -p tsconfig.json)',
	async () => {
		const harness = await createHarness();
		expect(harness.packageName).toBe(PACKAGE_NAME);
		for (const name of ['tencentChatOfficialAccount', 'tencentChatGroupMembers']) {
			expect(harness.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`, 1).description.name).toBe(name);
		}
		expect(harness.credentialTypes.recognizes(CREDENTIAL_TYPE)).toBe(true);
		expect(harness.credentialTypes.getSupportedNodes(CREDENTIAL_TYPE)).toEqual(
			expect.arrayContaining([`${PACKAGE_NAME}.tencentChatOfficialAccount`, `${PACKAGE_NAME}.tencentChatGroupMembers`]),
		);
	},
);

describe('harness with n8n-nodes-base core nodes', () => {
	let harness;
	const base = (name, type, typeVersion, parameters = {}) => ({ ...node(name, `n8n-nodes-base.${type}`, parameters), typeVersion });
	const code = (name, jsCode, extra = {}) => base(name, 'code', 2, { jsCode, ...extra });
	beforeAll(async () => {
		harness = await createHarness({ packageDir: null, coreNodes: true });
	});

	test('are loaded only when asked for', async () => {
		const plain = await createHarness({ packageDir: null });
		expect(() => plain.nodeTypes.getByName('n8n-nodes-base.set')).toThrow();
		for (const name of CORE_NODES) expect(harness.nodeTypes.getByName(`n8n-nodes-base.${name}`)).toBeDefined();
		await expect(createHarness({ packageDir: null, coreNodes: ['slack'] })).rejects.toThrow(/slack not supported/);
	});

	test('Manual Trigger -> Code (all items, then each item) -> Set -> If; sticky notes do not run', async () => {
		const result = await harness.run({
			nodes: [
				base('Note', 'stickyNote', 1, { content: 'hi' }),
				base('Start', 'manualTrigger', 1),
				code('Make', 'console.log("from the sandbox"); return [1, 2, 3].map((n) => ({ json: { n, starts: $("Start").all().length } }));'),
				code('Each', '$json.double = $json.n * 2; $json.year = DateTime.fromISO("2024-05-01").year; return $json;', { mode: 'runOnceForEachItem' }),
				base('Label', 'set', 3.4, {
					assignments: { assignments: [{ id: 'a', name: 'label', value: '=n{{ $json.n }}', type: 'string' }] },
					includeOtherFields: true,
					options: {},
				}),
				base('Big?', 'if', 2.2, {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [{ id: 'c', leftValue: '={{ $json.n }}', rightValue: 1, operator: { type: 'number', operation: 'gt' } }],
						combinator: 'and',
					},
					options: {},
				}),
			],
			connections: chain('Start', 'Make', 'Each', 'Label', 'Big?'),
		});
		expect(result.error).toBeUndefined();
		expect(result.ran('Note')).toBe(false);
		expect(result.items('Make').map((i) => i.json)).toEqual([1, 2, 3].map((n) => ({ n, starts: 1 })));
		expect(result.items('Each')).toEqual([1, 2, 3].map((n, i) => ({ json: { n, starts: 1, double: 2 * n, year: 2024 }, pairedItem: { item: i } })));
		expect(result.items('Label').map((i) => i.json.label)).toEqual(['n1', 'n2', 'n3']);
		const [yes, no] = result.run.data.resultData.runData['Big?'][0].data.main;
		expect(yes.map((i) => i.json.n)).toEqual([2, 3]);
		expect(no.map((i) => i.json.n)).toEqual([1]);
	});

	test('Code: an error in the code fails the node with its message; the sandbox has no require', async () => {
		const failing = await harness.run({
			nodes: [base('Start', 'manualTrigger', 1), code('Boom', 'throw new Error("boom in code");')],
			connections: chain('Start', 'Boom'),
		});
		expect(failing.status).toBe('error');
		expect(failing.nodeError('Boom').message).toMatch(/boom in code/);
		const sandboxed = await harness.run({
			nodes: [base('Start', 'manualTrigger', 1), code('Require', 'return [{ json: { fs: typeof require("fs") } }];')],
			connections: chain('Start', 'Require'),
		});
		expect(sandboxed.nodeError('Require').message).toMatch(/Module 'fs' is disallowed/);
	});

	test('Schedule Trigger runs once when the workflow is started by hand', async () => {
		const result = await harness.run({
			nodes: [base('Every Hour', 'scheduleTrigger', 1.2, { rule: { interval: [{ field: 'hours', hoursInterval: 1 }] } })],
			connections: {},
		});
		expect(result.error).toBeUndefined();
		expect(result.items('Every Hour')).toHaveLength(1);
		expect(result.items('Every Hour')[0].json).toEqual(expect.objectContaining({ timestamp: expect.any(String), Hour: expect.any(String) }));
	});
});
