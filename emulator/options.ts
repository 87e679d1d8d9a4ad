'use strict';
// Run-time knobs: defaults, partial updates, checks.

// The applied* kinds run the API first (its change stays applied), then fail the answer: the
// ambiguous failures after which a non-repeatable call must not be re-sent.
const FAULT_KINDS = ['http502', 'error20005', 'error10002', 'rateLimited', 'malformedJson', 'hang', 'appliedThen502', 'appliedThenReset'];

function defaults() {
	return {
		latencyMs: 0,
		faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])),
		hangMs: 15000,
		faultSeed: 1,
		clockOffsetSeconds: 0,
		maxTicketAgeSeconds: null,
		invalidatedBefore: null,
		rateLimit: true,
		ratePerSecond: 200,
		lockoutAfter: 1000,
		intercept: null,
		logBodies: true,
		// Third-party callbacks (callbacks.js): where to post, the console's callback token, which commands (null: all).
		callbackUrl: null,
		callbackToken: null,
		callbackCommands: null,
		callbackTimeoutMs: 2000,
		callbackClientIp: '127.0.0.1',
		callbackOptPlatform: 'RESTAPI',
	};
}

const KEYS = Object.keys(defaults());

function num(v, name, min) {
	if (typeof v !== 'number' || Number.isNaN(v) || v < min) throw new Error(`${name} must be a number >= ${min}`);
	return v;
}

/** Applies a partial update to `opts` in place; unknown keys are an error (typos fail loudly). */
function applyOptions(opts, patch) {
	if (!patch || typeof patch !== 'object') return opts;
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		switch (key) {
			case 'faults':
				if (!value || typeof value !== 'object') throw new Error('faults must be an object');
				for (const [kind, p] of Object.entries(value)) {
					if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault ${kind}; known: ${FAULT_KINDS.join(', ')}`);
					if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new Error(`faults.${kind} must be a probability 0..1`);
					opts.faults[kind] = p;
				}
				break;
			case 'latencyMs':
			case 'hangMs':
				opts[key] = num(value, key, 0);
				break;
			case 'ratePerSecond':
			case 'lockoutAfter':
				opts[key] = num(value, key, 1);
				break;
			case 'faultSeed':
			case 'clockOffsetSeconds':
				opts[key] = num(value, key, -Infinity);
				break;
			case 'maxTicketAgeSeconds':
			case 'invalidatedBefore':
				opts[key] = value === null ? null : num(value, key, -Infinity);
				break;
			case 'rateLimit':
			case 'logBodies':
				opts[key] = Boolean(value);
				break;
			case 'callbackUrl':
				if (value !== null && !/^https?:\/\/\S+$/.test(String(value))) throw new Error('callbackUrl must be an http(s) URL or null');
				opts.callbackUrl = value === null ? null : String(value);
				break;
			case 'callbackToken':
				opts.callbackToken = value === null || value === '' ? null : String(value);
				break;
			case 'callbackCommands':
				if (value !== null && !(Array.isArray(value) && value.every((c) => typeof c === 'string'))) {
					throw new Error('callbackCommands must be a list of CallbackCommand names or null');
				}
				opts.callbackCommands = value === null ? null : [...value];
				break;
			case 'callbackTimeoutMs':
				opts[key] = num(value, key, 1);
				break;
			case 'callbackClientIp':
			case 'callbackOptPlatform':
				opts[key] = String(value);
				break;
			case 'intercept':
				if (value !== null && typeof value !== 'function') throw new Error('intercept must be a function or null');
				opts.intercept = value;
				break;
			default:
				throw new Error(`unknown option ${key}; known: ${KEYS.join(', ')}`);
		}
	}
	return opts;
}

/** A JSON-safe copy (no intercept function). */
function publicOptions(opts) {
	const rest = { ...opts };
	delete rest.intercept;
	return { ...rest, faults: { ...opts.faults }, callbackCommands: opts.callbackCommands && [...opts.callbackCommands] };
}

module.exports = { defaults, applyOptions, publicOptions, FAULT_KINDS, KEYS };
