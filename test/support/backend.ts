// Starts the emulator and the engine harness together for a test file, with credentials that point at it.
import { createHarness } from '../harness';
import type { Harness, HarnessOptions, Item, NodeRun, RunNodeOptions } from '../harness';
import { startEmulator } from '../../emulator';

/** The in-process emulator of one test file. */
export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The test app the emulator knows. */
export const APP = { sdkAppId: 1400012345, secretKey: 'test-secret-7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e', admins: ['administrator'] };

/** The credential's data, as the credential form saves it. */
export interface ChatCredentials {
	sdkAppId: number | string;
	region: string;
	baseUrl?: string | null;
	identifier: string;
	secretKey: string;
	callbackToken?: string;
	[key: string]: unknown;
}

/** Options of one run besides the node's parameters and items. */
export type RunExtras = Omit<RunNodeOptions, 'type' | 'parameters' | 'items'>;

/** One API call the emulator received. */
export type EmulatorRequest = ReturnType<Emulator['requests']>[number];

/** The emulator, the harness and credentials for it, for one test file. */
export interface Backend {
	emu: Emulator;
	harness: Harness;
	credentials: ChatCredentials;
	/** Runs Input -> our node; `items` are plain JSON objects. */
	run(type: string, parameters: Record<string, any>, items?: any[], options?: RunExtras): Promise<NodeRun>;
	/** The API calls the emulator received for one command. */
	calls(command: string): EmulatorRequest[];
	close(): Promise<void>;
}

export function credentialsFor(emu: Pick<Emulator, 'url'>, overrides: Partial<ChatCredentials> = {}): ChatCredentials {
	return { sdkAppId: APP.sdkAppId, region: 'custom', baseUrl: emu.url, identifier: 'administrator', secretKey: APP.secretKey, ...overrides };
}

/** The transport's timings, shortened so retry tests take milliseconds; restored by the returned function. */
export function fastRetries(overrides: Record<string, number> = {}): () => void {
	const { transportSettings } = require('../../dist/nodes/shared/transport/settings');
	const saved = { ...transportSettings };
	Object.assign(transportSettings, { transientDelayMs: 5, rateLimitDelayMs: 20, rateLimitPauseMs: 20, ...overrides });
	return () => Object.assign(transportSettings, saved);
}

export async function startBackend(emulatorOptions: Record<string, any> = {}, harnessOptions: HarnessOptions = {}): Promise<Backend> {
	const emu = await startEmulator({ port: 0, apps: [APP], ...emulatorOptions });
	const harness = await createHarness(harnessOptions);
	const credentials = credentialsFor(emu);
	return {
		emu,
		harness,
		credentials,
		run: (type, parameters, items = [{}], options = {}) =>
			harness.runNode({ type, parameters, items: items.map((json) => ({ json })), credentials, ...options }),
		calls: (command) => emu.requests().filter((request) => request.command === command),
		close: () => emu.close(),
	};
}

export interface BackendOptions<B extends Backend> {
	emulator?: Record<string, any>;
	harness?: HarnessOptions;
	/** Shortens the transport's back-off while the file runs. */
	fast?: boolean;
	start?: (emulatorOptions: Record<string, any>, harnessOptions: HarnessOptions) => Promise<B>;
}

/**
 * Starts a backend for the test file (before all its tests) and closes it after them; `fast` shortens
 * the transport's back-off meanwhile. Returns a function that gives the backend.
 */
export function useBackend<B extends Backend = Backend>({ emulator = {}, harness = {}, fast = false, start }: BackendOptions<B> = {}): () => B {
	let backend: B | undefined;
	let restore: (() => void) | undefined;
	beforeAll(async () => {
		// Without `start`, B is Backend itself.
		const begin = start ?? (startBackend as NonNullable<BackendOptions<B>['start']>);
		backend = await begin(emulator, harness);
		if (fast) restore = fastRetries();
	});
	afterAll(async () => {
		restore?.();
		await backend?.close();
	});
	return () => backend!;
}

/**
 * Runs our node with a wrong Secret Key (not the app's) and expects the error to send the user to the key, without
 * showing it; resolves to that error.
 */
export async function runWithWrongSecretKey(backend: Backend, type: string, parameters: Record<string, any>, secretKey: string): Promise<any> {
	expect(APP.secretKey).not.toBe(secretKey);
	const { error } = await backend.run(type, parameters, [{}], { credentials: { ...backend.credentials, secretKey } });
	expect(error.description).toMatch(/^Open the Tencent Cloud Chat API credential and check the Secret Key/);
	expect(JSON.stringify({ message: error.message, description: error.description, cause: error.cause })).not.toContain(secretKey);
	return error;
}

/** The JSON of each item. */
export const json = (items: Item[]): any[] => items.map((item) => item.json);
/** The pairedItem of each item. */
export const paired = (items: Item[]): any[] => items.map((item) => item.pairedItem);
