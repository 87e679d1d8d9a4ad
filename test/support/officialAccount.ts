// Shared setup for the Official Account node's engine tests (test/node/officialAccount/**).
import { useBackend as useSharedBackend, json, paired } from './backend';
import type { Backend, Emulator, EmulatorRequest, RunExtras } from './backend';
import type { NodeRun } from '../harness';

export { json, paired };

export const NODE = 'tencentChatOfficialAccount';
/** Send limits that never get in a test's way, for tests that are not about them. */
export const NO_SEND_LIMITS = { minIntervalMs: 0, perHour: 1000 };

/** What an Official Account test file works with; `backend` is set once beforeAll ran. */
export interface OfficialAccountContext {
	readonly backend: Backend;
	/** The emulator's state (apps, accounts), once the emulator runs. */
	readonly state: NonNullable<Emulator['state']>;
	/** Runs the node: `parameters` are the node's parameters, `items` plain JSON objects. */
	run(parameters: Record<string, any>, items?: any[], options?: RunExtras): Promise<NodeRun>;
	calls(command: string): EmulatorRequest[];
	/** An emulator account record (profile, subscribers, messages). */
	account(id: string): any;
	/** Answers `command` with a gateway's 502, after `apply` (carrying the call out) when given: a lost answer. */
	loseAnswer(command: string, apply?: (request: { body: any; sdkAppId: number }) => void): void;
}

const BAD_GATEWAY = { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>502 Bad Gateway</html>' };

/** Registers the jest hooks of one test file: a backend for the file, an empty request log per test. */
export function useBackend(emulatorOptions: Record<string, any> = {}): OfficialAccountContext {
	const getBackend = useSharedBackend({ emulator: emulatorOptions, fast: true });
	const ctx: OfficialAccountContext = {
		get backend() {
			return getBackend();
		},
		get state() {
			return getBackend().emu.state!;
		},
		run: (parameters, items = [{}], options = {}) => ctx.backend.run(NODE, parameters, items, options),
		calls: (command) => ctx.backend.calls(command),
		account: (id) => ctx.state.findAccount(Number(ctx.backend.credentials.sdkAppId), id),
		loseAnswer: (command, apply) =>
			ctx.backend.emu.setOptions({
				intercept: (request: { command: string; body: any; sdkAppId: number }) => {
					if (request.command !== command) return null;
					apply?.(request);
					return BAD_GATEWAY;
				},
			}),
	};
	beforeEach(() => {
		ctx.backend.emu.clearRequests();
		ctx.backend.emu.setOptions({ faults: { appliedThen502: 0, appliedThenReset: 0, http502: 0 }, clockOffsetSeconds: 0 });
	});
	return ctx;
}
