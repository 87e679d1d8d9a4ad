import { NodeApiError, type INode } from 'n8n-workflow';
const { classifyFailure, readAnswer, redact, thrownFailure } = require('../../dist/nodes/shared/transport/failure');
const { classifyCode, explainCode } = require('../../dist/nodes/shared/transport/errorCodes');
const { sentence, tencentSaid } = require('../../dist/nodes/shared/transport/describe');
const { getUserSig } = require('../../dist/nodes/shared/userSig');

const node: INode = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
const wrapped = (error) => new NodeApiError(node, error);

describe('thrownFailure: only network errors are network failures', () => {
	test.each([
		['ECONNREFUSED', { kind: 'network', code: 'ECONNREFUSED', sent: false }],
		['ENOTFOUND', { kind: 'network', code: 'ENOTFOUND', sent: false }],
		['ECONNRESET', { kind: 'network', code: 'ECONNRESET', sent: true }],
		['ETIMEDOUT', { kind: 'network', code: 'ETIMEDOUT', sent: true }],
	])('%s, wrapped by n8n', (code, failure) => {
		expect(thrownFailure(wrapped(Object.assign(new Error(`connect ${code}`), { code })))).toEqual(failure);
	});

	test('a timeout message without a code is a timeout', () => {
		expect(thrownFailure(wrapped(new Error('timeout of 15000ms exceeded')))).toEqual({ kind: 'network', code: 'ETIMEDOUT', sent: true });
	});

	test.each([
		['SSRF', Object.assign(new Error('blocked'), { name: 'SsrfBlockedIpError' }), 'blocked'],
		['a credential n8n cannot resolve', new Error('Node "X" does not have any credentials of type "y" set'), 'credential'],
		['a programming error', new TypeError('x is not a function'), 'internal'],
	])('%s is local, not network', (_name, error, reason) => {
		expect(thrownFailure(wrapped(error))).toMatchObject({ kind: 'local', reason });
	});
});

describe('classifying answers', () => {
	test.each([
		[{ kind: 'network', code: 'ECONNREFUSED', sent: false }, 'x', 'notSent'],
		[{ kind: 'network', code: 'ECONNRESET', sent: true }, 'x', 'transient'],
		[{ kind: 'http', status: 429 }, 'x', 'rateLimited'],
		[{ kind: 'http', status: 502 }, 'x', 'transient'],
		[{ kind: 'http', status: 404 }, 'x', 'permanent'],
		[{ kind: 'malformed', detail: 'x' }, 'x', 'transient'],
		[{ kind: 'api', code: 70009, info: '' }, 'x', 'credential'],
		[{ kind: 'api', code: 70050, info: '' }, 'x', 'credential'],
		[{ kind: 'api', code: 70001, info: '' }, 'x', 'staleTicket'],
		[{ kind: 'api', code: 60007, info: '' }, 'x', 'rateLimited'],
		[{ kind: 'api', code: 10004, info: '' }, 'add_subscriber', 'transient'],
		[{ kind: 'api', code: 10004, info: '' }, 'get_group_member_info', 'permanent'],
		[{ kind: 'local', reason: 'blocked', detail: '' }, 'x', 'local'],
	])('%j on %s is %s', (failure, command, kind) => {
		expect(classifyFailure(failure, command)).toBe(kind);
	});

	test('every credential code of the hardening issue stops the run', () => {
		for (const code of [70009, 70003, 70013, 70014, 70020, 60006, 60010, 70403, 70050]) expect(classifyCode(code, 'add_subscriber')).toBe('credential');
	});

	test('readAnswer tells Tencent envelopes from other JSON', () => {
		expect(readAnswer(200, '{}')).toEqual({ ok: false, failure: { kind: 'malformed', detail: 'JSON without an ActionStatus' } });
		expect(readAnswer(200, '{"ActionStatus":"OK","ErrorCode":0}').ok).toBe(true);
		expect(readAnswer(200, '{"ActionStatus":"FAIL","ErrorCode":70009,"ErrorInfo":"x"}')).toEqual({ ok: false, failure: { kind: 'api', code: 70009, info: 'x' } });
	});
});

describe('explanations', () => {
	test('10004 on the subscriber APIs is an internal error, not a bad parameter', () => {
		expect(explainCode(10004, 'get_subscriber_info').problem).toBe('Tencent reported an internal error');
		expect(explainCode(10004, 'get_group_member_info').problem).toBe('a request parameter is invalid');
	});

	test.each([
		['Tencent said: "the account was terminated."', 'Tencent said: "the account was terminated."'],
		['Try again later', 'Try again later.'],
		['Done (3 attempts)', 'Done (3 attempts).'],
	])('no doubled punctuation: %s', (text, joined) => {
		expect(sentence(text)).toBe(joined);
	});

	test.each([
		['the account was terminated.', 'Tencent said: "the account was terminated."'],
		['internal error', 'Tencent said: "internal error".'],
		['Really?  ', 'Tencent said: "Really?"'],
	])('Tencent\'s words %p are quoted with one full stop', (info, quoted) => {
		expect(tencentSaid(info)).toBe(quoted);
	});
});

describe('redaction hides secrets, not data', () => {
	test('a long official account ID stays as it is', () => {
		const id = `@TOA#_${'a'.repeat(140)}`;
		expect(redact(`official account "${id}"`, { secretKey: 'k3y' })).toBe(`official account "${id}"`);
	});

	test('the secret key and an issued UserSig are removed', () => {
		const userSig = getUserSig({ sdkAppId: 1400000001, identifier: 'administrator', secretKey: 'the-secret' });
		expect(redact(`key the-secret, ticket ${userSig}, usersig=abc&x`, { secretKey: 'the-secret' })).toBe('key [redacted], ticket [redacted], usersig=[redacted]&x');
	});
});
