'use strict';
// Shared setup for the Official Account node's engine tests (test/node/officialAccount/**).
const { useBackend: useSharedBackend, json, paired } = require('./backend');

const NODE = 'tencentChatOfficialAccount';
/** Send limits that never get in a test's way, for tests that are not about them. */
const NO_SEND_LIMITS = { minIntervalMs: 0, perHour: 1000 };

/**
 * Registers the jest hooks of one test file: a backend for the file, an empty request log per test.
 * Returns a context whose `backend` is set once beforeAll ran.
 */
function useBackend(emulatorOptions = {}) {
	const getBackend = useSharedBackend({ emulator: emulatorOptions, fast: true });
	const ctx = {
		get backend() {
			return getBackend();
		},
	};
	beforeEach(() => {
		ctx.backend.emu.clearRequests();
		ctx.backend.emu.setOptions({ faults: { appliedThen502: 0, appliedThenReset: 0, http502: 0 }, clockOffsetSeconds: 0 });
	});
	/** Runs the node: `parameters` are the node's parameters, `items` plain JSON objects. */
	ctx.run = (parameters, items = [{}], options = {}) => ctx.backend.run(NODE, parameters, items, options);
	ctx.calls = (command) => ctx.backend.calls(command);
	/** An emulator account record (profile, subscribers, messages). */
	ctx.account = (id) => ctx.backend.emu.state.findAccount(ctx.backend.credentials.sdkAppId, id);
	return ctx;
}

module.exports = { NODE, NO_SEND_LIMITS, useBackend, json, paired };
