'use strict';
// Tencent's third-party callbacks (https://trtc.io/document/34354): when the emulator's state changes it POSTs
// the event to the configured URL, as Tencent does, signed with the configured token.
// Any API handler calls `callbacks.emit(sdkAppId, command, payload)` after a change (After events: delivered in the
// background, the reply is ignored) or `await callbacks.before(sdkAppId, command, payload)` before it (the reply
// decides: ErrorCode 0 allows, anything else refuses).

const http = require('node:http');
const https = require('node:https');
const { createHash } = require('node:crypto');

const LOG_LIMIT = 10000;

/** Sign = hex(sha256(token + RequestTime)), RequestTime in Unix seconds (https://trtc.io/document/34354). */
function callbackSign(token, requestTime) {
	return createHash('sha256').update(`${token}${requestTime}`).digest('hex');
}

/**
 * The URL Tencent posts to: the configured URL plus SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform,
 * and with a token Sign and RequestTime. `overrides` replaces any of these (tests of a receiver's checks).
 */
function callbackUrl(base, { sdkAppId, command, token, clientIp, optPlatform, requestTime, overrides = {} }) {
	const url = new URL(base);
	const params = {
		SdkAppid: String(sdkAppId),
		CallbackCommand: command,
		contenttype: 'json',
		ClientIP: clientIp,
		OptPlatform: optPlatform,
	};
	if (token) {
		params.Sign = callbackSign(token, requestTime);
		params.RequestTime = String(requestTime);
	}
	for (const [key, value] of Object.entries({ ...params, ...overrides })) {
		if (value === null || value === undefined) url.searchParams.delete(key);
		else url.searchParams.set(key, String(value));
	}
	return url;
}

/** One POST; resolves to { status, text, ms } or { error, ms }, never rejects. */
function post(url, body, { timeoutMs, agents }) {
	const started = Date.now();
	const lib = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		const req = lib.request(
			url,
			{
				method: 'POST',
				agent: url.protocol === 'https:' ? agents.https : agents.http,
				headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) },
				timeout: timeoutMs,
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }));
				res.on('error', (err) => resolve({ error: err.message, ms: Date.now() - started }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (err) => resolve({ error: err.message, ms: Date.now() - started }));
		req.end(body);
	});
}

function parseReply(text) {
	try {
		const value = JSON.parse(text);
		return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
	} catch {
		return null;
	}
}

/**
 * What a Before callback's answer decides. Tencent goes ahead when the callback fails or times out
 * (https://trtc.io/document/34354), so only an HTTP 200 JSON reply with a non-zero ErrorCode refuses.
 */
function decision(entry) {
	const reply = entry.status === 200 && entry.reply && typeof entry.reply === 'object' ? entry.reply : null;
	if (!reply || typeof reply.ErrorCode !== 'number') return { allowed: true, errorCode: 0, refused: [], reply };
	const refused = Array.isArray(reply.RefusedSubscribers_Account) ? reply.RefusedSubscribers_Account.map(String) : [];
	return { allowed: reply.ErrorCode === 0, errorCode: reply.ErrorCode, refused, reply };
}

class Callbacks {
	/** @param {() => object} getOptions the emulator's current options (callbackUrl, callbackToken, ...) */
	constructor(getOptions) {
		this.getOptions = getOptions;
		this.log = [];
		this.pending = new Set();
		this.agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
	}

	/** Whether `command` is delivered: a URL is set and the command is among `callbackCommands` (null: all). */
	enabled(command) {
		const o = this.getOptions();
		return Boolean(o.callbackUrl) && (!o.callbackCommands || o.callbackCommands.includes(command));
	}

	/** An After event: posted in the background; its reply is ignored. */
	emit(sdkAppId, command, payload) {
		if (!this.enabled(command)) return;
		const delivery = this.deliver({ sdkAppId, command, payload }).finally(() => this.pending.delete(delivery));
		this.pending.add(delivery);
	}

	/** A Before event: resolves to { allowed, errorCode, refused } (allowed when no callback is configured). */
	async before(sdkAppId, command, payload) {
		if (!this.enabled(command)) return { allowed: true, errorCode: 0, refused: [], reply: null };
		return decision(await this.deliver({ sdkAppId, command, payload }));
	}

	/**
	 * Posts one callback now and resolves to its log entry. `spec`: { sdkAppId, command, payload, url?, token?,
	 * requestTime?, eventTime?, query? (overrides of the query parameters, null removes one), rawBody? }.
	 */
	async deliver(spec) {
		const o = this.getOptions();
		const base = spec.url || o.callbackUrl;
		if (!base) throw new Error('set callbackUrl first');
		const nowMs = Date.now() + o.clockOffsetSeconds * 1000;
		const requestTime = spec.requestTime ?? Math.floor(nowMs / 1000);
		const token = spec.token !== undefined ? spec.token : o.callbackToken;
		const url = callbackUrl(base, {
			sdkAppId: spec.sdkAppId,
			command: spec.command,
			token,
			clientIp: o.callbackClientIp,
			optPlatform: o.callbackOptPlatform,
			requestTime,
			overrides: spec.query,
		});
		const body =
			spec.rawBody ?? JSON.stringify({ CallbackCommand: spec.command, ...spec.payload, EventTime: spec.eventTime ?? nowMs });
		const result = await post(url, body, { timeoutMs: o.callbackTimeoutMs, agents: this.agents });
		const entry = {
			time: Date.now(),
			command: spec.command,
			sdkAppId: spec.sdkAppId,
			query: Object.fromEntries(url.searchParams),
			body: parseReply(body) ?? body,
			status: result.status ?? null,
			reply: result.text === undefined ? null : (parseReply(result.text) ?? result.text),
			error: result.error ?? null,
			ms: result.ms,
		};
		this.log.push(entry);
		if (this.log.length > LOG_LIMIT) this.log.shift();
		return entry;
	}

	/** Resolves when every background delivery has been answered (or has failed). */
	async idle() {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	entries() {
		return this.log.map((e) => ({ ...e }));
	}

	clear() {
		this.log = [];
		return { ok: true };
	}

	close() {
		this.agents.http.destroy();
		this.agents.https.destroy();
	}
}

module.exports = { Callbacks, callbackSign, callbackUrl, decision };
