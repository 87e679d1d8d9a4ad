// `npm run test:scale`: the nodes in n8n's queue mode. Installs Redis and Postgres from Debian's packages
// when missing, starts them on loopback ports of their own, starts n8n 2.x (main plus 2 workers) with the
// package installed as a community package and the emulator (50 ms latency), and runs the scenario twice:
// at Tencent's 200 calls/s, and at 100 calls/s, standing in for more workers than the app's quota.
// Every process it starts is stopped by its id, on success, failure or a signal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../e2e/install';
import { createN8n, npmPack, freePorts, killAllStarted, stillRunning } from '../e2e/n8n';
import { spawnEmulator } from '../../emulator';
import { ensurePackages, startRedis, startPostgres } from './services';
import { CREDENTIAL } from './workflows';
import { roundPlan, prepareAccounts, runRound, LATENCY_MS } from './scenario';

const APP = { sdkAppId: 1400088001, secretKey: 'scale-secret-9d2c4e6f8a1b3c5d7e9f0a2b4c6d8e0f', admins: ['administrator'] };
const WORKERS = 2;
/** The issue's targets: wall time against the floor, and the share of rate-limited answers when over-subscribed. */
const ROUNDS: Target[] = [
	{ rate: 200, tag: 'r200', maxRatio: 1.25, maxRateLimited: 1 },
	{ rate: 100, tag: 'r100', maxRatio: 1.2, maxRateLimited: 0.03 },
];

const log = (message: string) => process.stdout.write(`[scale] ${message}\n`);
/** What stops each started service and process, in start order (stopAll() goes backwards). */
const stops: (() => Promise<unknown>)[] = [];

function queueEnv(redisPort: number, pgPort: number): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'n8n',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** One round's emulator rate and its targets. */
interface Target {
	rate: number;
	tag: string;
	maxRatio: number;
	maxRateLimited: number;
}
type Services = Awaited<ReturnType<typeof startServices>>;
type Plan = ReturnType<typeof roundPlan>;

async function startServices() {
	ensurePackages();
	const [redisPort, pgPort] = await freePorts(2);
	const redis = await startRedis(redisPort);
	stops.push(redis.stop);
	const postgres = await startPostgres(pgPort);
	stops.push(postgres.stop);
	const emu = await spawnEmulator({ apps: [APP], latencyMs: LATENCY_MS, rateLimit: true, ratePerSecond: 200, logBodies: false });
	stops.push(() => emu.close());
	return { redisPort, pgPort, emu };
}

/** One n8n user folder and database for main and workers; workflows imported and published before start. */
async function startN8n({ redisPort, pgPort, emu }: Services, plans: Plan[]) {
	const n8n = await createN8n('v2', { env: queueEnv(redisPort, pgPort), logLevel: 'warn' });
	stops.push(async () => n8n.cleanup());
	n8n.installPackage(npmPack(REPO, fs.mkdtempSync(path.join(os.tmpdir(), 'scale-pack-'))));
	const data = { sdkAppId: APP.sdkAppId, region: 'custom', baseUrl: emu.url, identifier: 'administrator', secretKey: APP.secretKey };
	await n8n.importCredentials([{ ...CREDENTIAL, type: 'tencentCloudChatApi', data }]);
	const workflows = plans.flatMap((plan) => [...plan.adds.map((add) => add.workflow), plan.read.workflow]);
	await n8n.importWorkflow(workflows);
	for (const workflow of workflows) {
		const published = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		if (published.code !== 0) throw new Error(`publish:workflow ${workflow.id} failed:\n${published.stdout}\n${published.stderr}`);
	}
	const main = await n8n.start();
	stops.push(main.stop);
	log(`n8n main ready at ${main.url} in ${(main.startMs / 1000).toFixed(1)} s`);
	for (let index = 0; index < WORKERS; index++) {
		const worker = await n8n.startWorker();
		stops.push(worker.stop);
		log(`worker ${index + 1} ready in ${(worker.startMs / 1000).toFixed(1)} s`);
	}
	return main;
}

/**
 * The add calls' span (first call to last answer) against the floor of all add calls at the emulator's rate.
 * The whole run cannot meet that floor: the Return All reads its 250 pages one after the other (each needs
 * the last one's cursor), 12.5 s at 50 ms a call, and n8n spends seconds making and saving 30,000 items.
 */
function report(round, target: Target): boolean {
	const ratio = round.addSpanMs / round.floorMs;
	const ok = ratio <= target.maxRatio && round.rateLimitedShare <= target.maxRateLimited;
	const seconds = (ms: number) => (ms / 1000).toFixed(2);
	log(
		`${ok ? 'PASS' : 'FAIL'} ${round.rate} calls/s: ${round.calls} calls (${round.addCalls} add, ${round.readCalls} read), ` +
			`${round.rateLimited} rate-limited (${(round.rateLimitedShare * 100).toFixed(1)}%, ${target.maxRateLimited < 1 ? `target ${target.maxRateLimited * 100}%` : 'no target'}); ` +
			`add calls ${seconds(round.addSpanMs)} s = ${ratio.toFixed(2)}x the ${seconds(round.floorMs)} s floor (target ${target.maxRatio}x); ` +
			`Return All answered after ${seconds(round.perWorkflowMs.at(-1))} s (its pages one after another: ${seconds(round.readChainMs)} s); ` +
			`add calls per second ${round.addsPerSecond.join(' ')}; add workflows answered after ${round.perWorkflowMs.slice(0, -1).map(seconds).join(', ')} s; ` +
			`rate-limit answers at ${round.rateLimitedAt.join(' ') || 'none'} s`,
	);
	return ok;
}

async function stopAll() {
	for (const stop of stops.reverse()) await stop().catch((error) => log(`stop: ${error.message}`));
	stops.length = 0;
}

async function main() {
	const started = Date.now();
	const plans = ROUNDS.map((round) => roundPlan(round.tag));
	const services = await startServices();
	for (const plan of plans) await prepareAccounts(services.emu, plan);
	const n8nMain = await startN8n(services, plans);
	let passed = 0;
	for (const [index, target] of ROUNDS.entries()) {
		try {
			if (report(await runRound(services.emu, n8nMain.url, plans[index], target.rate), target)) passed++;
		} catch (error) {
			log(`FAIL ${target.rate} calls/s: ${error.message}`);
		}
	}
	await stopAll();
	const { alive } = stillRunning();
	if (alive.length) log(`FAIL processes still running: ${alive.map((entry) => `${entry.pid} ${entry.label}`).join(', ')}`);
	const failed = ROUNDS.length - passed + (alive.length ? 1 : 0);
	log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	process.stdout.write(`${passed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		killAllStarted();
		process.exit(1);
	});
}
main().catch(async (error) => {
	log(`error: ${error.stack}`);
	await stopAll();
	killAllStarted();
	process.stdout.write('0 passed, 1 failed\n');
	process.exit(1);
});
