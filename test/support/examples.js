'use strict';
// What the example-workflow tests share: the emulator with the `demo` data set, the harness with n8n's own
// nodes, the demo credential the examples reference, and readers for the files and their results.
const fs = require('node:fs');
const path = require('node:path');
const { createHarness } = require('../harness');
const { startEmulator, datasets } = require('../../emulator');

const demo = datasets.demo;
const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
const example = (name) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8'));
const json = (items) => items.map((item) => item.json);
const userId = (n) => `user${String(n).padStart(6, '0')}`;

/**
 * Starts the demo emulator and the harness for the test file, resets the data set before each test, and
 * returns { emu, harness, credentials, runExample(name), calls(command), commands() } (filled in beforeAll).
 */
function useDemoExamples() {
	const ctx = {
		runExample: async (name) => {
			const result = await ctx.harness.run(example(name), { credentials: ctx.credentials, timeoutMs: 30000 });
			expect(result.error).toBeUndefined();
			expect(result.status).toBe('success');
			return result;
		},
		calls: (command) => ctx.emu.requests().filter((request) => request.command === command),
		commands: () => [...new Set(ctx.emu.requests().map((request) => request.command))].sort(),
	};
	beforeAll(async () => {
		ctx.emu = await startEmulator({ port: 0, seed: 'demo' });
		ctx.harness = await createHarness({ coreNodes: true });
		const data = { sdkAppId: demo.sdkAppId, region: 'custom', baseUrl: ctx.emu.url, identifier: demo.identifier, secretKey: demo.secretKey };
		ctx.credentials = { 'tencent-chat-demo': data };
	});
	afterAll(() => ctx.emu?.close());
	beforeEach(() => ctx.emu.reset()); // the demo data set, as seeded; an empty request log
	return ctx;
}

module.exports = { useDemoExamples, example, json, userId, demo, EXAMPLES_DIR };
