// What the example-workflow engine tests share: the emulator with the `demo` data set, the harness with n8n's own
// nodes, the demo credential the examples reference. The expected results are in ./examples.ts.
import { createHarness } from '../harness';
import { startEmulator } from '../../emulator';
import { demo, example } from './examples';

export interface DemoExamples {
	emu: any;
	harness: any;
	credentials: Record<string, any>;
	runExample(name: string): Promise<any>;
	calls(command: string): any[];
	commands(): string[];
}

/**
 * Starts the demo emulator and the harness for the test file, resets the data set before each test, and
 * returns { emu, harness, credentials, runExample(name), calls(command), commands() } (filled in beforeAll).
 */
export function useDemoExamples(): DemoExamples {
	const ctx: DemoExamples = {
		emu: undefined,
		harness: undefined,
		credentials: {},
		runExample: async (name) => {
			const result = await ctx.harness.run(example(name), { credentials: ctx.credentials, timeoutMs: 30000 });
			expect(result.error).toBeUndefined();
			expect(result.status).toBe('success');
			return result;
		},
		calls: (command) => ctx.emu.requests().filter((request: any) => request.command === command),
		commands: () => [...new Set<string>(ctx.emu.requests().map((request: any) => request.command))].sort(),
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
