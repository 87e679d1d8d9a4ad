'use strict';
// Shared test helpers: tickets from the reference signer, one-call requests.

const http = require('node:http');
// Deep path: jest's resolver trips over the duplicate "main" key in this package's package.json.
const TLSSigAPIv2 = require('tls-sig-api-v2/TLSSigAPIv2.js');
const { datasets } = require('../../emulator');

const DEMO = { sdkAppId: datasets.demo.sdkAppId, secretKey: datasets.demo.secretKey, identifier: datasets.demo.identifier };

const tickets = new Map();
/** A fresh-enough ticket from tls-sig-api-v2, cached per (app, key, identifier, expire). */
function sign(sdkAppId = DEMO.sdkAppId, secretKey = DEMO.secretKey, identifier = DEMO.identifier, expire = 86400) {
	const k = `${sdkAppId}|${secretKey}|${identifier}|${expire}`;
	if (!tickets.has(k)) tickets.set(k, new TLSSigAPIv2.Api(sdkAppId, secretKey).genUserSig(identifier, expire));
	return tickets.get(k);
}

let counter = 0;
function queryString(over = {}) {
	const q = {
		sdkappid: String(DEMO.sdkAppId),
		identifier: DEMO.identifier,
		random: String((++counter * 2654435761) % 4294967296),
		contenttype: 'json',
		...over,
	};
	if (q.usersig === undefined) q.usersig = sign(Number(q.sdkappid), over.secretKey, q.identifier);
	delete q.secretKey;
	for (const k of Object.keys(q)) if (q[k] === null) delete q[k];
	return new URLSearchParams(q).toString();
}

// node:http with keep-alive: several times cheaper per call than fetch on a busy machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request; resolves {status, headers, text}. `signal` aborts it. */
function request(url, { method = 'POST', body, headers = {}, signal } = {}) {
	return new Promise((resolve, reject) => {
		const data = body == null ? undefined : Buffer.from(body);
		const req = http.request(
			url,
			{ method, agent, signal, headers: data ? { 'Content-Type': 'application/json', 'Content-Length': data.length, ...headers } : headers },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(data);
	});
}

/**
 * POST /v4/{path}; `query` overrides URL params (null drops one; secretKey picks the signing key).
 * @returns {{status, headers, text, json}} json is undefined when the body is not JSON
 */
async function call(emu, path, body = {}, query = {}, init = {}) {
	const r = await request(`${emu.url}/v4/${path}?${queryString(query)}`, {
		body: typeof body === 'string' ? body : JSON.stringify(body),
		...init,
	});
	try {
		r.json = JSON.parse(r.text);
	} catch {
		r.json = undefined;
	}
	return r;
}

const SUBS = 'official_account_open_http_svc/get_subscriber_info';
const ADD = 'official_account_open_http_svc/add_subscriber';
const DEL = 'official_account_open_http_svc/delete_subscriber';
const MSGS = 'official_account_open_http_svc/official_account_msg_get_simple';
const MEMBERS = 'group_open_http_svc/get_group_member_info';
const CHECK = 'im_open_login_svc/account_check';

/**
 * The emulator with the demo data set (rate limit off) for a test file, reset before each test. Returns
 * { emu, ok(path, body) } (emu set in beforeAll); ok() expects Tencent's OK envelope and gives the answer.
 */
function useDemoEmulator() {
	const { startEmulator } = require('../../emulator');
	const ctx = {
		ok: async (path, body) => {
			const r = await call(ctx.emu, path, body);
			expect(r.status).toBe(200);
			expect(r.json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
			return r.json;
		},
	};
	beforeAll(async () => {
		ctx.emu = await startEmulator({ seed: 'demo', rateLimit: false });
	});
	afterAll(() => ctx.emu.close());
	beforeEach(() => ctx.emu.reset());
	return ctx;
}

module.exports = { DEMO, sign, call, request, queryString, useDemoEmulator, SUBS, ADD, DEL, MSGS, MEMBERS, CHECK };
