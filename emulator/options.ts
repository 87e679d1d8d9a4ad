// Run-time knobs: defaults, partial updates, checks.

// The applied* kinds run the API first (its change stays applied), then fail the answer: the
// ambiguous failures after which a non-repeatable call must not be re-sent.
export const FAULT_KINDS = ['http502', 'error20005', 'error10002', 'rateLimited', 'malformedJson', 'hang', 'appliedThen502', 'appliedThenReset'] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a test's `intercept` function sees of a call that passed the checks. */
export interface InterceptedCall {
	service: string;
	command: string;
	sdkAppId: number;
	identifier: string;
	random: number | string | null;
	body: any;
	headers: Record<string, string | string[] | undefined>;
}

/** A scripted answer: sent instead of the API's (a string body is sent as is, anything else as JSON). */
export interface ScriptedAnswer {
	status?: number;
	headers?: Record<string, string>;
	body?: any;
}

export type Intercept = (call: InterceptedCall) => ScriptedAnswer | null | undefined | Promise<ScriptedAnswer | null | undefined>;

export interface EmulatorOptions {
	latencyMs: number;
	/** probability 0..1 per kind */
	faults: Record<FaultKind, number>;
	hangMs: number;
	faultSeed: number;
	clockOffsetSeconds: number;
	maxTicketAgeSeconds: number | null;
	invalidatedBefore: number | null;
	rateLimit: boolean;
	ratePerSecond: number;
	lockoutAfter: number;
	intercept: Intercept | null;
	logBodies: boolean;
	callbackUrl: string | null;
	callbackToken: string | null;
	callbackCommands: string[] | null;
	callbackTimeoutMs: number;
	callbackClientIp: string;
	callbackOptPlatform: string;
}

/** The options as the control API shows them: JSON only. */
export type PublicOptions = Omit<EmulatorOptions, 'intercept'>;

/** A partial update; `faults` may name only some kinds. */
export type OptionsPatch = Partial<Omit<EmulatorOptions, 'faults'>> & { faults?: Partial<Record<FaultKind, number>> };

export function defaults(): EmulatorOptions {
	return {
		latencyMs: 0,
		faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
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
		// Third-party callbacks (callbacks.ts): where to post, the console's callback token, which commands (null: all).
		callbackUrl: null,
		callbackToken: null,
		callbackCommands: null,
		callbackTimeoutMs: 2000,
		callbackClientIp: '127.0.0.1',
		callbackOptPlatform: 'RESTAPI',
	};
}

export const KEYS = Object.keys(defaults());

function num(v: unknown, name: string, min: number): number {
	if (typeof v !== 'number' || Number.isNaN(v) || v < min) throw new Error(`${name} must be a number >= ${min}`);
	return v;
}

/** Checks one option's new value and gives the value to store. */
type Check = (value: any, key: string, opts: EmulatorOptions) => unknown;

const atLeast =
	(min: number): Check =>
	(value, key) =>
		num(value, key, min);

const numberOrNull: Check = (value, key) => (value === null ? null : num(value, key, -Infinity));

function checkFaults(value: any, _key: string, opts: EmulatorOptions): Record<FaultKind, number> {
	if (!value || typeof value !== 'object') throw new Error('faults must be an object');
	const faults = { ...opts.faults };
	for (const [kind, p] of Object.entries(value)) {
		if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown fault ${kind}; known: ${FAULT_KINDS.join(', ')}`);
		if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new Error(`faults.${kind} must be a probability 0..1`);
		faults[kind as FaultKind] = p;
	}
	return faults;
}

function checkCallbackUrl(value: any): string | null {
	if (value !== null && !/^https?:\/\/\S+$/.test(String(value))) throw new Error('callbackUrl must be an http(s) URL or null');
	return value === null ? null : String(value);
}

function checkCallbackCommands(value: any): string[] | null {
	if (value !== null && !(Array.isArray(value) && value.every((c) => typeof c === 'string'))) {
		throw new Error('callbackCommands must be a list of CallbackCommand names or null');
	}
	return value === null ? null : [...value];
}

function checkIntercept(value: any): Intercept | null {
	if (value !== null && typeof value !== 'function') throw new Error('intercept must be a function or null');
	return value;
}

const CHECKS: Record<keyof EmulatorOptions, Check> = {
	faults: checkFaults,
	latencyMs: atLeast(0),
	hangMs: atLeast(0),
	ratePerSecond: atLeast(1),
	lockoutAfter: atLeast(1),
	callbackTimeoutMs: atLeast(1),
	faultSeed: atLeast(-Infinity),
	clockOffsetSeconds: atLeast(-Infinity),
	maxTicketAgeSeconds: numberOrNull,
	invalidatedBefore: numberOrNull,
	rateLimit: Boolean,
	logBodies: Boolean,
	callbackUrl: checkCallbackUrl,
	callbackToken: (value) => (value === null || value === '' ? null : String(value)),
	callbackCommands: checkCallbackCommands,
	callbackClientIp: String,
	callbackOptPlatform: String,
	intercept: checkIntercept,
};

/** Applies a partial update to `opts` in place; unknown keys are an error (typos fail loudly). */
export function applyOptions(opts: EmulatorOptions, patch: OptionsPatch | null | undefined): EmulatorOptions {
	if (!patch || typeof patch !== 'object') return opts;
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (!Object.hasOwn(CHECKS, key)) throw new Error(`unknown option ${key}; known: ${KEYS.join(', ')}`);
		(opts as any)[key] = CHECKS[key as keyof EmulatorOptions](value, key, opts);
	}
	return opts;
}

/** A JSON-safe copy (no intercept function). */
export function publicOptions(opts: EmulatorOptions): PublicOptions {
	const rest: Partial<EmulatorOptions> = { ...opts };
	delete rest.intercept;
	return { ...(rest as PublicOptions), faults: { ...opts.faults }, callbackCommands: opts.callbackCommands && [...opts.callbackCommands] };
}
