// Cases of runs that meet an error: On Error "continue" (in the batch), and the failing runs (one `n8n execute`
// each, after their own emulator setting): an unknown account, a wrong Secret Key, and a gateway that keeps
// answering an HTML 502 or malformed JSON.
import assert from 'node:assert/strict';
import { WRONG_KEY, WRONG_KEY_CRED } from '../config';
import { OA, chain, code, outputItems } from '../workflows';
import type { CredentialRef } from '../workflows';
import type { E2eCase } from './types';

const subscribers = (officialAccount: string, more: Record<string, unknown> = { returnAll: true }, settings = {}) => ({
	name: 'Subscribers',
	type: OA,
	...settings,
	parameters: { resource: 'subscriber', operation: 'getAll', officialAccount, ...more },
});
/** Manual Trigger -> Subscriber Get Many of `officialAccount` (Return All unless `more` says otherwise). */
const workflow = (id: string, name: string, officialAccount: string, credential?: CredentialRef, more?: Record<string, unknown>) =>
	chain(id, name, [subscribers(officialAccount, more)], credential);

export const CONTINUE_CASES: E2eCase[] = [
	{
		name: 'On Error "continue": the failing item becomes an error item, the others go on',
		workflow: chain('e2eErrorContinue', 'e2e error continues', [
			code('Input', 'return [{ json: { account: "@TOA#_e2econt" } }, { json: { account: "@TOA#_nope" } }];'),
			subscribers('={{ $json.account }}', { limit: 3 }, { onError: 'continueRegularOutput' }),
		]),
		items: [{ node: 'Subscribers', pick: (i) => i.pairedItem.item, equals: [0, 0, 0, 1] }],
		async check(res, ctx) {
			const items = outputItems(res.json, 'Subscribers');
			assert.deepEqual(items.slice(0, 3).map((i) => i.json.Subscriber_Account), (await ctx.emu.getSubscribers('@TOA#_e2econt')).slice(0, 3));
			assert.match(items[3].json.error, /@TOA#_nope/);
		},
	},
];

interface PersistentFault {
	name: string;
	id: string;
	title: string;
	/** The emulator's fault option, and the `fault` it logs on each answer. */
	fault: 'http502' | 'malformedJson';
	message: RegExp;
	description?: RegExp;
	/** What the check says when not every answer had the fault. */
	every: string;
	status?: number;
}

/** A gateway fault on every answer: the run fails after 6 attempts with our message. */
function persistentFault({ name, id, title, fault, message, description, every, status }: PersistentFault): E2eCase {
	return {
		name,
		before: (emu) => emu.setOptions({ faults: { [fault]: 1 } }),
		workflow: workflow(id, title, '@TOA#_e2e'),
		error: { node: 'Subscribers', message: [message], description },
		check(res, ctx, err) {
			const calls = ctx.calls({ expectOk: false });
			assert.equal(calls.length, 6, 'attempts');
			assert.ok(calls.every((c) => c.fault === fault && (status === undefined || c.status === status)), every);
			return `message: ${err.message}`;
		},
	};
}

export const FAILURE_CASES: E2eCase[] = [
	{
		name: 'an unknown official account fails the run with a clear node error (exit 1)',
		workflow: workflow('e2eErrorStop', 'e2e error stops', '@TOA#_nope', undefined, {}),
		error: { node: 'Subscribers', message: [/@TOA#_nope/], text: /does not exist|130004/ },
		calls: [{ filter: { command: 'get_subscriber_info', expectOk: false }, pick: (c) => c.errorCode, equals: [130004] }],
	},
	{
		name: 'a wrong Secret Key fails the run (exit 1) with our 70009 message, not retried, key nowhere in the output',
		workflow: workflow('e2eWrongKey', 'e2e wrong secret key', '@TOA#_e2e', WRONG_KEY_CRED),
		error: { node: 'Subscribers', message: [/: the Secret Key does not match the SDKAppID \[Tencent error 70009\]$/, /@TOA#_e2e/], description: /Secret Key/ },
		calls: [{ filter: { expectOk: false }, pick: (c) => [c.command, c.errorCode], equals: [['get_subscriber_info', 70009]], what: 'one call, not retried' }],
		check(res, ctx, err) {
			// The leak scan (every case) proves the key is absent; say so explicitly here too.
			const all = `${res.stdout}\n${res.stderr}\n${JSON.stringify(res.json)}`;
			assert.ok(!all.includes(WRONG_KEY), 'the wrong key is in the n8n output');
			return `message: ${err.message}`;
		},
	},
	persistentFault({
		name: 'a persistent HTML 502 from the gateway fails the run after 6 attempts with our message',
		id: 'e2eHttp502',
		title: 'e2e persistent 502',
		fault: 'http502',
		message: /Tencent Cloud Chat answered HTTP 502/,
		description: /\(6 attempts\)/,
		every: 'every answer was the HTML 502',
		status: 502,
	}),
	persistentFault({
		name: 'persistently malformed JSON answers fail the run after 6 attempts with our message',
		id: 'e2eBadJson',
		title: 'e2e malformed JSON',
		fault: 'malformedJson',
		message: /Tencent Cloud Chat answered with a body that is not valid JSON/,
		every: 'every answer was cut short',
	}),
];
