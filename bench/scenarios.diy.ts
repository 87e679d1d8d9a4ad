// The do-it-yourself baseline scenario: the loop a user would build, through the bench's DIY node (diyNode.ts).

import { DiyAddSubscriber } from './diyNode';
import { callStats, cpuMeter, fail, memory, nodeTiming, withBench } from './lib';
import { subscriberId, SYNC_SIZE } from './scenarios.sync';

const DIY_SAMPLE = 2_000;

/** Input (one item per ID) -> DIY, which adds each item's subscriber with its own UserSig. */
function diyWorkflow(credentials, ids: string[]) {
	return {
		nodes: [
			{
				id: 'in',
				name: 'Input',
				type: 'harness.input',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(ids.map((id) => ({ id }))) },
			},
			{
				id: 'diy',
				name: 'DIY',
				type: 'harness.diyAddSubscriber',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					baseUrl: credentials.baseUrl,
					sdkAppId: credentials.sdkAppId,
					secretKey: credentials.secretKey,
					officialAccount: '@TOA#_bench_diy',
					subscriber: '={{ $json.id }}',
				},
			},
		],
		connections: { Input: { main: [[{ node: 'DIY', type: 'main', index: 0 }]] } },
	};
}

/** Every DIY call added its subscriber. */
function checkDiyOutput(output): void {
	if (
		output.length !== DIY_SAMPLE ||
		!output.every((item) => item.json.ActionStatus === 'OK' && item.json.SubscriberList[0].Result === 1)
	) {
		fail('not every DIY call added its subscriber');
	}
}

/** The loop a user would build: one call per subscriber, a new UserSig per call, one after the other. */
function diy() {
	return withBench({ harness: { extraNodeTypes: [DiyAddSubscriber] } }, async ({ emu, harness, credentials }) => {
		await emu.addOfficialAccount({ id: '@TOA#_bench_diy', subscribers: [] });
		const ids = Array.from({ length: DIY_SAMPLE }, (_, index) => subscriberId(index));
		const warm = await harness.run(diyWorkflow(credentials, Array.from({ length: 10 }, (_, k) => `warm${k}`)), { timeoutMs: 0 });
		if (warm.error) fail(`the warm-up run failed: ${warm.error.message}`);
		await emu.clearRequests();
		const meter = cpuMeter(emu);
		const started = Date.now();
		const result = await harness.run(diyWorkflow(credentials, ids), { timeoutMs: 0 });
		const runMs = Date.now() - started;
		const cpu = meter.stop();
		if (result.error) fail(`the run failed: ${result.error.message}`);
		checkDiyOutput(result.items('DIY'));
		const node = nodeTiming(result, 'DIY');
		const calls = await callStats(emu, 'add_subscriber');
		return { sample: DIY_SAMPLE, target: SYNC_SIZE, runMs, cpu, node, calls, memory: memory() };
	});
}

export { diy, DIY_SAMPLE };
