'use strict';
// The emulator: HTTP server, the per-call check pipeline (params -> app -> ticket
// -> admin -> intercept -> command -> rate limit -> faults -> body -> API),
// latency, the request log, and the in-process control methods.

const http = require('node:http');
const { performance } = require('node:perf_hooks');

const { State } = require('./state');
const { API, unknownCommandCode } = require('./apis');
const { ApiError, failBody } = require('./errors');
const { decodeUserSig, verifyUserSig, ticketId } = require('./usersig');
const { RateLimiter, Lockout } = require('./limits');
const { defaults, applyOptions, publicOptions, KEYS, FAULT_KINDS } = require('./options');

const APPLIED_FAULTS = ['appliedThen502', 'appliedThenReset'];
const datasets = require('./datasets');
const { handleControl } = require('./control');
const { Callbacks } = require('./callbacks');
const { sendCallbacks, handleCallbackControl } = require('./callbackControl');

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const START_KEYS = ['port', 'host', 'apps', 'officialAccounts', 'groups', 'seed'];
const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
			} else chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function fail(code, info) {
	return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(failBody(code, info)), errorCode: code };
}

/** Picks a named data set (string) or takes a data set object as is. */
function resolveSeed(seed) {
	if (seed == null) return null;
	if (typeof seed === 'string') {
		const ds = datasets.named[seed];
		if (!ds) throw new Error(`unknown seed ${seed}; known: ${Object.keys(datasets.named).join(', ')}`);
		return ds;
	}
	if (typeof seed === 'object') return seed;
	throw new Error('seed must be a data set name or object');
}

class Emulator {
	constructor(startOptions = {}) {
		const knobs = {};
		for (const [k, v] of Object.entries(startOptions)) {
			if (KEYS.includes(k)) knobs[k] = v;
			else if (!START_KEYS.includes(k)) throw new Error(`unknown emulator option ${k}`);
		}
		if (startOptions.host && !['127.0.0.1', 'localhost'].includes(startOptions.host)) {
			throw new Error('the emulator listens on 127.0.0.1 only');
		}
		this.startOptions = { ...startOptions };
		this.startKnobs = knobs;
		this.server = null;
		this.url = null;
		this.port = null;
		this.timers = new Set();
		this.callbacks = new Callbacks(() => this.opts);
		// Bound, so callers may pass the methods around (e.g. `const { requests } = emu`).
		for (const m of ['close', 'addApp', 'addOfficialAccount', 'addGroup', 'loadSeed', 'getSubscribers', 'getMembers',
			'setOptions', 'getOptions', 'reset', 'requests', 'clearRequests', 'stats', 'sendCallback', 'callbackLog',
			'clearCallbacks', 'callbacksIdle']) {
			this[m] = this[m].bind(this);
		}
		this.reset();
	}

	// ---- control methods (in-process) -------------------------------------

	/** Back to the start configuration: start apps/seed/data, start knobs, empty log. */
	reset() {
		this.state = new State();
		this.opts = applyOptions(defaults(), this.startKnobs);
		this.log = [];
		this.rates = new RateLimiter();
		this.lockout = new Lockout();
		this.rng = datasets.mulberry32(this.opts.faultSeed);
		this.callbacks.clear();
		this.state.callbacks = this.callbacks; // for API handlers that only see the state
		const s = this.startOptions;
		for (const app of s.apps || []) this.state.addApp(app);
		if (s.seed != null) this.loadSeed(s.seed);
		for (const a of s.officialAccounts || []) this.state.addOfficialAccount(a);
		for (const g of s.groups || []) this.state.addGroup(g);
		return { ok: true };
	}

	/** Adds a data set's apps, official accounts and groups (e.g. 'demo'). */
	loadSeed(seed) {
		const ds = resolveSeed(seed);
		for (const app of ds.apps || []) this.state.addApp(app);
		// A data set's accounts and groups belong to its own first app, not to whichever app came first.
		const appId = ds.apps && ds.apps.length ? ds.apps[0].sdkAppId : undefined;
		for (const a of ds.officialAccounts || []) this.state.addOfficialAccount({ appId, ...a });
		for (const g of ds.groups || []) this.state.addGroup({ appId, ...g });
		return { ok: true };
	}

	addApp(app) {
		return this.state.addApp(app);
	}

	addOfficialAccount(spec) {
		return this.state.addOfficialAccount(spec);
	}

	addGroup(spec) {
		return this.state.addGroup(spec);
	}

	getSubscribers(officialAccountId, appId) {
		return this.state.getSubscribers(officialAccountId, appId);
	}

	getMembers(groupId, opts) {
		return this.state.getMembers(groupId, opts || {});
	}

	setOptions(patch) {
		// Validate on a copy so a bad patch changes nothing.
		this.opts = applyOptions({ ...this.opts, faults: { ...this.opts.faults } }, patch);
		// Setting faultSeed (even to the same value) restarts the fault sequence.
		if (patch && patch.faultSeed !== undefined) this.rng = datasets.mulberry32(this.opts.faultSeed);
		return publicOptions(this.opts);
	}

	getOptions() {
		return publicOptions(this.opts);
	}

	requests() {
		return this.log.map((e) => ({ ...e }));
	}

	clearRequests() {
		this.log = [];
		return { ok: true };
	}

	stats() {
		const calls = {};
		const errors = {};
		const faults = {};
		const tickets = new Set();
		for (const e of this.log) {
			calls[e.command] = (calls[e.command] || 0) + 1;
			if (e.errorCode) errors[e.errorCode] = (errors[e.errorCode] || 0) + 1;
			if (e.fault) faults[e.fault] = (faults[e.fault] || 0) + 1;
			if (e.hung && e.fault !== 'hang') faults.hang = (faults.hang || 0) + 1;
			if (e.ticketId) tickets.add(e.ticketId);
		}
		return { requests: this.log.length, calls, errors, faults, distinctTicketIds: tickets.size };
	}

	// ---- callbacks (callbacks.js) --------------------------------------------

	/** Posts hand-made callbacks to the callback URL now (see callbackControl.js sendCallbacks). */
	sendCallback(spec) {
		return sendCallbacks(this, spec);
	}

	/** The callbacks posted so far: query, body, HTTP status, parsed reply, ms. */
	callbackLog() {
		return this.callbacks.entries();
	}

	clearCallbacks() {
		return this.callbacks.clear();
	}

	/** Resolves when every After callback in flight has been answered. */
	callbacksIdle() {
		return this.callbacks.idle();
	}

	// ---- server lifecycle ---------------------------------------------------

	listen(port = 0) {
		this.server = http.createServer((req, res) => this.route(req, res));
		this.server.keepAliveTimeout = 30000; // benchmarks reuse connections between bursts
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, HOST, () => {
				this.server.off('error', reject);
				this.port = this.server.address().port;
				this.url = `http://${HOST}:${this.port}`;
				resolve(this);
			});
		});
	}

	async close() {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.callbacks.close();
		if (!this.server) return;
		const server = this.server;
		this.server = null;
		await new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections(); // keep-alive sockets would otherwise hold jest open
		});
	}

	/** Waits ms, or less if `until` (a promise) settles first. close() cancels pending waits. */
	sleep(ms, until) {
		if (!(ms > 0)) return Promise.resolve();
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(t);
				this.timers.delete(t);
				resolve();
			};
			const t = setTimeout(done, ms);
			this.timers.add(t);
			if (until) until.then(done);
		});
	}

	// ---- HTTP ---------------------------------------------------------------

	route(req, res) {
		const url = new URL(req.url, 'http://localhost');
		const m = /^\/v4\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
		let work;
		if (m) work = this.handleApi(req, res, url, m[1], m[2]);
		else if (url.pathname.startsWith('/__emulator/')) {
			work = handleCallbackControl(this, req, res, url, readBody) ?? handleControl(this, req, res, url, readBody);
		}
		else {
			res.writeHead(404, { 'Content-Type': 'text/html' });
			res.end('<html><body><h1>404 Not Found</h1></body></html>');
			return;
		}
		work.catch((err) => {
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(500, JSON_HEADERS);
				res.end(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: `emulator bug: ${err.message}` }));
			}
		});
	}

	async handleApi(req, res, url, service, command) {
		const entry = {
			time: Date.now(),
			service,
			command,
			sdkAppId: null,
			identifier: null,
			random: null,
			ticketTime: null,
			ticketId: null,
			body: null,
			status: null,
			errorCode: null,
			fault: null,
		};
		this.log.push(entry);
		let aborted = false;
		let onAbort;
		const abortPromise = new Promise((resolve) => (onAbort = resolve));
		res.on('close', () => {
			if (!res.writableFinished) {
				aborted = true;
				onAbort();
			}
		});

		let raw;
		try {
			raw = await readBody(req);
		} catch {
			entry.status = 0;
			return;
		}
		let body;
		let bodyIsObject = false;
		try {
			body = JSON.parse(raw);
			bodyIsObject = body !== null && typeof body === 'object' && !Array.isArray(body);
		} catch {
			body = raw;
		}
		if (this.opts.logBodies) entry.body = body;

		const ctx = { req, url, service, command, entry, body, bodyIsObject, abortPromise, isAborted: () => aborted };
		const answer = await this.process(ctx);
		if (!answer) return; // the client left during a hang: nothing was applied, nothing to send

		entry.status = answer.status;
		entry.errorCode = answer.errorCode ?? null;
		if (answer.fault) entry.fault = answer.fault;
		await this.sleep(this.opts.latencyMs, abortPromise);
		if (aborted || res.destroyed) return;
		if (answer.reset) {
			req.socket.destroy(); // the change is applied, the caller sees a reset connection
			return;
		}
		const headers = { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) };
		res.writeHead(answer.status, headers);
		res.end(answer.body);
	}

	/** The check pipeline; returns the answer to send (or null when the client left). */
	async process(ctx) {
		const { url, service, command, entry } = ctx;
		const q = url.searchParams;
		const opts = this.opts;

		// 1. query parameters
		const appParam = q.get('sdkappid');
		const identifier = q.get('identifier');
		const usersig = q.get('usersig');
		const randomParam = q.get('random');
		if (identifier != null) entry.identifier = identifier;
		if (randomParam != null) entry.random = /^\d{1,10}$/.test(randomParam) ? Number(randomParam) : randomParam;
		if (usersig) {
			entry.ticketId = ticketId(usersig);
			const dec = decodeUserSig(usersig);
			if (dec.doc) entry.ticketTime = dec.doc['TLS.time'];
		}
		if (!appParam) return fail(60012);
		if (!/^\d{1,10}$/.test(appParam)) return fail(60012, 'SDKAppID in the request URL is not a number.');
		const sdkAppId = Number(appParam);
		entry.sdkAppId = sdkAppId;
		if (!identifier) return fail(60004, 'The identifier is missing from the request URL.');
		if (randomParam == null || !/^\d{1,10}$/.test(randomParam) || Number(randomParam) > 4294967295) {
			return fail(60002, 'HTTP parse error: random must be a 32-bit unsigned integer.');
		}
		if (q.get('contenttype') !== 'json') return fail(60002, 'HTTP parse error: contenttype must be json.');

		// 2. app
		const app = this.state.getApp(sdkAppId);
		if (!app) return fail(70020);

		// 3. ticket
		const nowMs = Date.now();
		const nowSeconds = Math.floor(nowMs / 1000) + opts.clockOffsetSeconds;
		const v = verifyUserSig(usersig, {
			sdkAppId,
			identifier,
			secretKey: app.secretKey,
			nowSeconds,
			maxTicketAgeSeconds: opts.maxTicketAgeSeconds,
			invalidatedBefore: opts.invalidatedBefore,
		});
		if (v.code === 0 || v.code === 70009) {
			// Only tickets that get as far as the signature check count toward, or meet, the lock-out.
			const locked = this.lockout.isLocked(sdkAppId, opts.lockoutAfter, nowMs);
			if (v.badSignature) this.lockout.recordBad(sdkAppId, nowMs);
			if (locked) return fail(70050);
		}
		if (v.code !== 0) return fail(v.code, v.info);

		// 4. admin
		if (!app.admins.includes(identifier)) return fail(70403);

		// 5. scripted answers
		if (opts.intercept) {
			const scripted = await opts.intercept({
				service,
				command,
				sdkAppId,
				identifier,
				random: entry.random,
				body: ctx.body,
				headers: ctx.req.headers,
			});
			if (scripted) return this.scriptedAnswer(scripted);
		}

		// 6. command
		const api = API.get(`${service}/${command}`);
		if (!api) return fail(unknownCommandCode(service), `Invalid command word: ${service}/${command}.`);

		// 7. rate limit
		const rate = Math.min(opts.ratePerSecond, api.ratePerSecond ?? Infinity); // some APIs allow less than 200/s
		if (opts.rateLimit && !this.rates.take(`${sdkAppId}/${service}/${command}`, rate, performance.now())) {
			return fail(60007);
		}

		// 8. faults: decided before the API runs, so a failed add/delete changes nothing
		const hangDraw = this.rng();
		const faultDraw = this.rng();
		if (hangDraw < opts.faults.hang) {
			entry.hung = true;
			entry.fault = 'hang';
			await this.sleep(opts.hangMs, ctx.abortPromise); // a client that gives up ends the hang
			if (ctx.isAborted()) {
				entry.status = 0;
				return null;
			}
		}
		const fault = this.pickFault(faultDraw);
		const afterApply = fault === 'malformedJson' || APPLIED_FAULTS.includes(fault);
		if (fault && !afterApply) return { ...this.faultAnswer(fault), fault };

		// 9. body
		if (!ctx.bodyIsObject) return fail(api.badJsonCode);

		// 10. the API itself
		if (fault === 'malformedJson' && api.mutates) return { ...this.faultAnswer(fault), fault };
		let answer;
		try {
			// Handlers that post a Before callback wait for its answer, so they may be async.
			const result = await api.handler({
				body: ctx.body, app, state: this.state, nowSeconds, options: opts, identifier, callbacks: this.callbacks,
			});
			answer = { status: 200, headers: JSON_HEADERS, body: result.json ?? JSON.stringify(result), errorCode: 0 };
		} catch (err) {
			if (!(err instanceof ApiError)) throw err;
			answer = fail(err.code, err.message);
		}
		if (fault === 'appliedThen502') return { ...this.faultAnswer('http502'), fault };
		if (fault === 'appliedThenReset') return { status: 0, headers: {}, body: '', errorCode: null, fault, reset: true };
		if (fault === 'malformedJson') {
			// A read API: cut the real answer short, as a dropped connection would.
			return { status: 200, headers: JSON_HEADERS, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))), errorCode: null, fault };
		}
		return answer;
	}

	pickFault(u) {
		let acc = 0;
		for (const kind of FAULT_KINDS.filter((k) => k !== 'hang')) {
			acc += this.opts.faults[kind];
			if (u < acc) return kind;
		}
		return null;
	}

	faultAnswer(kind) {
		switch (kind) {
			case 'http502':
				return { status: 502, headers: { 'Content-Type': 'text/html' }, body: HTML_502, errorCode: null };
			case 'error20005':
				return fail(20005);
			case 'error10002':
				return fail(10002);
			case 'rateLimited':
				return fail(60007);
			default:
				return {
					status: 200,
					headers: JSON_HEADERS,
					body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"SubscriberList":[{"Subscriber_Acc',
					errorCode: null,
				};
		}
	}

	scriptedAnswer(s) {
		const body = s.body == null ? '' : typeof s.body === 'string' ? s.body : JSON.stringify(s.body);
		let errorCode = null;
		try {
			const parsed = JSON.parse(body);
			if (parsed && typeof parsed.ErrorCode === 'number') errorCode = parsed.ErrorCode;
		} catch {
			// not JSON: that is the point of many scripted answers
		}
		return { status: s.status || 200, headers: s.headers || JSON_HEADERS, body, errorCode, fault: 'intercept' };
	}
}

async function startEmulator(options = {}) {
	const emu = new Emulator(options);
	await emu.listen(options.port || 0);
	return emu;
}

module.exports = { Emulator, startEmulator, readBody };
