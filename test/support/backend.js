'use strict';
// Starts the emulator and the engine harness together for a test file, with credentials that point at it.
const { createHarness } = require('../harness');
const { startEmulator } = require('../../emulator');

const APP = { sdkAppId: 1400012345, secretKey: 'test-secret-7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e', admins: ['administrator'] };

function credentialsFor(emu, overrides = {}) {
	return { sdkAppId: APP.sdkAppId, region: 'custom', baseUrl: emu.url, identifier: 'administrator', secretKey: APP.secretKey, ...overrides };
}

/** The transport's timings, shortened so retry tests take milliseconds; restored by the returned function. */
function fastRetries(overrides = {}) {
	const { transportSettings } = require('../../dist/nodes/shared/transport/settings');
	const saved = { ...transportSettings };
	Object.assign(transportSettings, { transientDelayMs: 5, rateLimitDelayMs: 20, rateLimitPauseMs: 20, ...overrides });
	return () => Object.assign(transportSettings, saved);
}

async function startBackend(emulatorOptions = {}, harnessOptions = {}) {
	const emu = await startEmulator({ port: 0, apps: [APP], ...emulatorOptions });
	const harness = await createHarness(harnessOptions);
	const credentials = credentialsFor(emu);
	return {
		emu,
		harness,
		credentials,
		/** Runs Input -> our node; `items` are plain JSON objects. */
		run: (type, parameters, items = [{}], options = {}) =>
			harness.runNode({ type, parameters, items: items.map((json) => ({ json })), credentials, ...options }),
		/** The API calls the emulator received for one command. */
		calls: (command) => emu.requests().filter((request) => request.command === command),
		close: () => emu.close(),
	};
}

/**
 * Starts a backend for the test file (before all its tests) and closes it after them; `fast` shortens
 * the transport's back-off meanwhile. Returns a function that gives the backend.
 */
function useBackend({ emulator = {}, harness = {}, fast = false, start = startBackend } = {}) {
	let backend;
	let restore;
	beforeAll(async () => {
		backend = await start(emulator, harness);
		if (fast) restore = fastRetries();
	});
	afterAll(async () => {
		restore?.();
		await backend?.close();
	});
	return () => backend;
}

const json = (items) => items.map((item) => item.json);
const paired = (items) => items.map((item) => item.pairedItem);

module.exports = { APP, credentialsFor, fastRetries, startBackend, useBackend, json, paired };
