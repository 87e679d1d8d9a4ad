// The emulator: the HTTP server (API calls under /v4/, control routes under /__emulator/), latency,
// the request log, and the in-process control methods. Each API call goes through pipeline.ts.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from './answers';
import { Callbacks, type CallbackEntry } from './callbacks';
import { handleCallbackControl, sendCallbacks, type SendSpec, type SendSummary } from './callbackControl';
import { handleControl } from './control';
import * as datasets from './datasets';
import { JSON_HEADERS, readBody } from './http';
import { Lockout, RateLimiter } from './limits';
import { applyOptions, defaults, KEYS, publicOptions, type EmulatorOptions, type OptionsPatch, type PublicOptions } from './options';
import { answerCall, type ApiCall } from './pipeline';
import type { AppSpec, DataSet, GroupSpec, MemberRecord, OfficialAccountSpec } from './records';
import { newLogEntry, statsOf, type LogEntry, type Stats } from './requestLog';
import { State, type AddedAccount, type AddedApp, type AddedGroup, type MembersQuery } from './state';

const HOST = '127.0.0.1';
const START_KEYS = ['port', 'host', 'apps', 'officialAccounts', 'groups', 'seed'];
/** Bound in the constructor, so callers may pass the methods around (e.g. `const { requests } = emu`). */
const BOUND = ['close', 'addApp', 'addOfficialAccount', 'addGroup', 'loadSeed', 'getSubscribers', 'getMembers', 'setOptions', 'getOptions',
	'reset', 'requests', 'clearRequests', 'stats', 'sendCallback', 'callbackLog', 'clearCallbacks', 'callbacksIdle'] as const;

/** What startEmulator takes: where to listen, what to hold from the start, and any run-time option. */
export interface StartOptions extends OptionsPatch {
	port?: number;
	host?: string;
	apps?: AppSpec[];
	officialAccounts?: OfficialAccountSpec[];
	groups?: GroupSpec[];
	/** a data set's name (see datasets.named) or a data set */
	seed?: string | DataSet;
}

export class Emulator {
	startOptions: StartOptions;
	startKnobs: OptionsPatch;
	server: http.Server | null = null;
	url: string | null = null;
	port: number | null = null;
	timers = new Set<NodeJS.Timeout>();
	callbacks: Callbacks;
	state!: State;
	opts!: EmulatorOptions;
	log!: LogEntry[];
	rates!: RateLimiter;
	lockout!: Lockout;
	rng!: () => number;

	constructor(startOptions: StartOptions = {}) {
		const knobs: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(startOptions)) {
			if (KEYS.includes(k)) knobs[k] = v;
			else if (!START_KEYS.includes(k)) throw new Error(`unknown emulator option ${k}`);
		}
		if (startOptions.host && !['127.0.0.1', 'localhost'].includes(startOptions.host)) {
			throw new Error('the emulator listens on 127.0.0.1 only');
		}
		this.startOptions = { ...startOptions };
		this.startKnobs = knobs;
		this.callbacks = new Callbacks(() => this.opts);
		for (const m of BOUND) (this as any)[m] = this[m].bind(this);
		this.reset();
	}

	// ---- control methods (in-process) -------------------------------------

	/** Back to the start configuration: start apps/seed/data, start knobs, empty log. */
	reset(): { ok: true } {
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
	loadSeed(seed: string | DataSet): { ok: true } {
		const ds = datasets.resolveSeed(seed) as DataSet;
		for (const app of ds.apps || []) this.state.addApp(app);
		// A data set's accounts and groups belong to its own first app, not to whichever app came first.
		const appId = ds.apps && ds.apps.length ? ds.apps[0].sdkAppId : undefined;
		for (const a of ds.officialAccounts || []) this.state.addOfficialAccount({ appId, ...a });
		for (const g of ds.groups || []) this.state.addGroup({ appId, ...g });
		return { ok: true };
	}

	addApp(app: AppSpec): AddedApp {
		return this.state.addApp(app);
	}

	addOfficialAccount(spec: OfficialAccountSpec): AddedAccount {
		return this.state.addOfficialAccount(spec);
	}

	addGroup(spec: GroupSpec): AddedGroup {
		return this.state.addGroup(spec);
	}

	getSubscribers(officialAccountId: string, appId?: number | string): string[] {
		return this.state.getSubscribers(officialAccountId, appId);
	}

	getMembers(groupId: string, opts: MembersQuery & { full: true }): MemberRecord[];
	getMembers(groupId: string, opts?: MembersQuery & { full?: false }): string[];
	getMembers(groupId: string, opts?: MembersQuery): string[] | MemberRecord[];
	getMembers(groupId: string, opts?: MembersQuery): string[] | MemberRecord[] {
		return this.state.getMembers(groupId, opts || {});
	}

	setOptions(patch: OptionsPatch): PublicOptions {
		// Validate on a copy so a bad patch changes nothing.
		this.opts = applyOptions({ ...this.opts, faults: { ...this.opts.faults } }, patch);
		// Setting faultSeed (even to the same value) restarts the fault sequence.
		if (patch && patch.faultSeed !== undefined) this.rng = datasets.mulberry32(this.opts.faultSeed);
		return publicOptions(this.opts);
	}

	getOptions(): PublicOptions {
		return publicOptions(this.opts);
	}

	requests(): LogEntry[] {
		return this.log.map((e) => ({ ...e }));
	}

	clearRequests(): { ok: true } {
		this.log = [];
		return { ok: true };
	}

	stats(): Stats {
		return statsOf(this.log);
	}

	// ---- callbacks (callbacks.ts) --------------------------------------------

	/** Posts hand-made callbacks to the callback URL now (see callbackControl.ts sendCallbacks). */
	sendCallback(spec: SendSpec): Promise<SendSummary> {
		return sendCallbacks(this, spec);
	}

	/** The callbacks posted so far: query, body, HTTP status, parsed reply, ms. */
	callbackLog(): CallbackEntry[] {
		return this.callbacks.entries();
	}

	clearCallbacks(): { ok: true } {
		return this.callbacks.clear();
	}

	/** Resolves when every After callback in flight has been answered. */
	callbacksIdle(): Promise<void> {
		return this.callbacks.idle();
	}

	// ---- server lifecycle ---------------------------------------------------

	listen(port = 0): Promise<this> {
		const server = http.createServer((req, res) => this.route(req, res));
		this.server = server;
		server.keepAliveTimeout = 30000; // benchmarks reuse connections between bursts
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, HOST, () => {
				server.off('error', reject);
				this.port = (server.address() as AddressInfo).port;
				this.url = `http://${HOST}:${this.port}`;
				resolve(this);
			});
		});
	}

	async close(): Promise<void> {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.callbacks.close();
		if (!this.server) return;
		const server = this.server;
		this.server = null;
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections(); // keep-alive sockets would otherwise hold jest open
		});
	}

	/** Waits ms, or less if `until` (a promise) settles first. close() cancels pending waits. */
	sleep(ms: number, until?: Promise<unknown>): Promise<void> {
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

	route(req: http.IncomingMessage, res: http.ServerResponse): void {
		const url = new URL(req.url as string, 'http://localhost');
		const m = /^\/v4\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
		let work: Promise<void>;
		if (m) work = this.handleApi(req, res, url, m[1], m[2]);
		else if (url.pathname.startsWith('/__emulator/')) work = handleCallbackControl(this, req, res, url) ?? handleControl(this, req, res, url);
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

	/** Logs the call, reads its body (JSON or not), runs the pipeline, and sends its answer after the latency. */
	async handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, service: string, command: string): Promise<void> {
		const entry = newLogEntry(service, command);
		this.log.push(entry);
		const call = await readCall(req, res, url, service, command, entry);
		if (!call) return;
		if (this.opts.logBodies) entry.body = call.body;
		const answer = await answerCall(this, call);
		if (!answer) return; // the client left during a hang: nothing was applied, nothing to send
		entry.status = answer.status;
		entry.errorCode = answer.errorCode ?? null;
		if (answer.fault) entry.fault = answer.fault;
		await this.sleep(this.opts.latencyMs, call.abortPromise);
		if (call.isAborted() || res.destroyed) return;
		send(req, res, answer);
	}
}

/** The call as read from the wire; null (status 0 in the log) when its body could not be read. */
async function readCall(req: http.IncomingMessage, res: http.ServerResponse, url: URL, service: string, command: string, entry: LogEntry): Promise<ApiCall | null> {
	let aborted = false;
	let onAbort: () => void = () => {};
	const abortPromise = new Promise<void>((resolve) => (onAbort = resolve));
	res.on('close', () => {
		if (!res.writableFinished) {
			aborted = true;
			onAbort();
		}
	});
	let raw: string;
	try {
		raw = await readBody(req);
	} catch {
		entry.status = 0;
		return null;
	}
	let body: any;
	let bodyIsObject = false;
	try {
		body = JSON.parse(raw);
		bodyIsObject = body !== null && typeof body === 'object' && !Array.isArray(body);
	} catch {
		body = raw;
	}
	return { req, url, service, command, entry, body, bodyIsObject, abortPromise, isAborted: () => aborted };
}

function send(req: http.IncomingMessage, res: http.ServerResponse, answer: Answer): void {
	if (answer.reset) {
		req.socket.destroy(); // the change is applied, the caller sees a reset connection
		return;
	}
	res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
	res.end(answer.body);
}

export async function startEmulator(options: StartOptions = {}): Promise<Emulator> {
	const emu = new Emulator(options);
	await emu.listen(options.port || 0);
	return emu;
}

export { readBody };
