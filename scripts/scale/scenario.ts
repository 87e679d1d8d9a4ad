// One round of the queue-mode scenario: three workflows add 30,000 distinct subscribers each to official
// accounts of one app while a fourth reads Return All over 50,000, all started at once through their
// production webhooks; then what n8n answered and what the emulator saw are checked.
import assert from 'node:assert/strict';
import { httpJson } from '../e2e/n8n';
import { addList, addField, readAll } from './workflows';

const ADDS = 30_000;
const READ = 50_000;
const BATCH = 100;
const LATENCY_MS = 50;

/** One round's workflows and accounts (see roundPlan). */
type Plan = ReturnType<typeof roundPlan>;

/** The round's workflows and accounts; `tag` keeps rounds apart (e.g. 'r200'). */
function roundPlan(tag: string) {
	const adds = [
		{ kind: 'list', account: `@TOA#_scale_${tag}_a`, prefix: `${tag}a` },
		{ kind: 'field', account: `@TOA#_scale_${tag}_b`, prefix: `${tag}b` },
		{ kind: 'list', account: `@TOA#_scale_${tag}_c`, prefix: `${tag}c` },
	].map((add, index) => {
		const build = add.kind === 'field' ? addField : addList;
		const path = `scale-${tag}-add${index}`;
		return { ...add, path, workflow: build(`scale${tag}add${index}`, path, add.account, add.prefix, ADDS) };
	});
	const readAccount = `@TOA#_scale_${tag}_read`;
	const read = { account: readAccount, path: `scale-${tag}-read`, workflow: readAll(`scale${tag}read`, `scale-${tag}-read`, readAccount) };
	return { tag, adds, read };
}

async function prepareAccounts(emu, plan: Plan) {
	for (const add of plan.adds) await emu.addOfficialAccount({ id: add.account, subscribers: [] });
	await emu.addOfficialAccount({ id: plan.read.account, subscribers: READ });
}

/** Fires every webhook at once; resolves each answer with when it came. */
async function fire(mainUrl: string, plan: Plan) {
	const started = Date.now();
	const call = async (path: string) => {
		const answer = await httpJson('POST', `${mainUrl}/webhook/${path}`, {}, {});
		return { path, status: answer.status, json: answer.json, text: answer.text, ms: Date.now() - started };
	};
	const answers = await Promise.all([...plan.adds.map((add) => call(add.path)), call(plan.read.path)]);
	return { started, answers, wallMs: Math.max(...answers.map((answer) => answer.ms)) };
}

function checkAnswers(plan: Plan, answers) {
	plan.adds.forEach((add, index) => {
		const answer = answers[index];
		assert.equal(answer.status, 200, `${add.path}: HTTP ${answer.status} ${answer.text ?? ''}`);
		assert.deepEqual(answer.json, { count: ADDS, tally: { added: ADDS }, inOrder: true }, `${add.path}: one "added" per input ID, in order`);
	});
	const read = answers[answers.length - 1];
	assert.equal(read.status, 200, `${plan.read.path}: HTTP ${read.status} ${read.text ?? ''}`);
	assert.deepEqual(read.json, { count: READ, distinct: READ }, 'Return All: every subscriber once');
}

async function checkAccounts(emu, plan: Plan) {
	for (const add of plan.adds) {
		const stored = new Set(await emu.getSubscribers(add.account));
		assert.equal(stored.size, ADDS, `${add.account}: subscriber count`);
		for (let index = 0; index < ADDS; index++) assert.ok(stored.has(`${add.prefix}${index}`), `${add.account}: ${add.prefix}${index} missing`);
	}
}

/** How many of `times` (ms) fall in each second after the first of them. */
function perSecond(times: number[]): number[] {
	const first = Math.min(...times);
	const counts: number[] = [];
	for (const time of times) {
		const second = Math.floor((time - first) / 1000);
		counts[second] = (counts[second] || 0) + 1;
	}
	return Array.from(counts, (count) => count || 0);
}

/** Call counts, rate-limited answers and the add calls' span, from the emulator's log. */
async function callFigures(emu, rate: number) {
	const log = await emu.requests();
	const adds = log.filter((entry) => entry.command === 'add_subscriber');
	const readCalls = log.filter((entry) => entry.command === 'get_subscriber_info').length;
	const rateLimited = log.filter((entry) => entry.errorCode === 60007).length;
	const addCalls = (3 * ADDS) / BATCH;
	const times: number[] = adds.map((entry) => entry.time);
	return {
		calls: log.length,
		addCalls: adds.length,
		addAccepted: adds.filter((entry) => !entry.errorCode).length,
		readCalls,
		rateLimited,
		rateLimitedShare: rateLimited / log.length,
		failedOther: log.filter((entry) => entry.errorCode && entry.errorCode !== 60007).length,
		/** From the first add call to the last one's answer. */
		addSpanMs: Math.max(...times) - Math.min(...times) + LATENCY_MS,
		/** Add calls in each second after the first one. */
		addsPerSecond: perSecond(times),
		/** When the rate-limit answers came, in seconds after the first add call. */
		rateLimitedAt: log.filter((entry) => entry.errorCode === 60007).map((entry) => +((entry.time - Math.min(...times)) / 1000).toFixed(2)),
		floorMs: (addCalls / rate) * 1000,
		readChainMs: readCalls * LATENCY_MS,
	};
}

/** Runs one round at the emulator's `rate` and returns its figures; throws on a failed check. */
async function runRound(emu, mainUrl: string, plan: Plan, rate: number) {
	await emu.setOptions({ ratePerSecond: rate });
	await emu.clearRequests();
	const { answers, wallMs } = await fire(mainUrl, plan);
	checkAnswers(plan, answers);
	await checkAccounts(emu, plan);
	const figures = await callFigures(emu, rate);
	assert.equal(figures.failedOther, 0, 'no call failed other than with a rate-limit answer');
	assert.equal(figures.addAccepted, (3 * ADDS) / BATCH, 'each add batch was accepted exactly once');
	return { rate, wallMs, ...figures, perWorkflowMs: answers.map((answer) => answer.ms) };
}

export { roundPlan, prepareAccounts, runRound, ADDS, READ, LATENCY_MS };
