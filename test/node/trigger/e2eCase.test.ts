// A dry run of the e2e case module (scripts/e2e/cases/trigger) against a spawned emulator and a stand-in n8n
// whose production webhooks go through the harness: it proves the module's workflows, calls and checks fit together
// before the real e2e suite runs it in n8n 1.x and 2.x. The load check runs small here (50 at 25 a second).
import { spawnEmulator } from '../../../emulator';
import { runTriggerCases } from '../../../scripts/e2e/cases/trigger';
import { createFakeN8n } from '../../support/fakeN8n';
import { APP } from '../../support/backend';

let emu: Awaited<ReturnType<typeof spawnEmulator>>;
beforeAll(async () => {
	emu = await spawnEmulator({ port: 0, apps: [APP] });
});
afterAll(() => emu?.close());

test('every trigger case passes; the workflows are activated with the version\'s CLI command', async () => {
	const records: Array<{ name: string; ok: boolean; detail: unknown }> = [];
	const n8n = createFakeN8n({ n8nVersion: '2.41.1' });
	await runTriggerCases({ n8n, emu, app: APP, record: (name, ok, ms, detail) => records.push({ name, ok, detail }), load: { count: 50, ratePerSecond: 25 } });
	expect(records.filter((r) => !r.ok)).toEqual([]);
	expect(records.map((r) => r.name)).toEqual([
		'trigger: subscribers added through the REST API start one execution with one item per new subscriber',
		'trigger: a bad Sign is answered 401 and starts no execution',
		'trigger: a stale RequestTime (signed, an hour old) is answered 401 and starts no execution',
		'trigger: a wrong SdkAppid is answered 401 and starts no execution',
		"trigger: a Before event refused by the workflow (If + Set) leaves the emulator's state unchanged",
		'trigger: 50 signed callbacks at 25/s each answered within 2 s, exactly 50 executions',
	]);
	expect(n8n.cliCalls).toEqual([['publish:workflow', '--id=e2eTrigAfter1'], ['publish:workflow', '--id=e2eTrigGuard1']]);
}, 60000);
