// Remote control of a running emulator (same method names as the in-process object, all async).

import type { ChildProcess } from 'node:child_process';
import type { CallbackEntry } from './callbacks';
import type { SendSpec, SendSummary } from './callbackControl';
import type { OptionsPatch, PublicOptions } from './options';
import type { AppSpec, DataSet, GroupSpec, MemberRecord, OfficialAccountSpec } from './records';
import type { LogEntry, Stats } from './requestLog';
import type { AddedAccount, AddedApp, AddedGroup, MembersQuery } from './state';

type Ok = { ok: true };

export class EmulatorClient {
	url: string;
	port: number | null;

	constructor(url: string) {
		this.url = String(url).replace(/\/+$/, '');
		const m = /:(\d+)$/.exec(this.url);
		this.port = m ? Number(m[1]) : null;
	}

	async call(method: string, path: string, body?: unknown): Promise<any> {
		const res = await fetch(`${this.url}/__emulator/${path}`, {
			method,
			headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		const value = text ? JSON.parse(text) : undefined;
		if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${(value && value.error) || res.status}`);
		return value;
	}

	health(): Promise<Ok> {
		return this.call('GET', 'health');
	}
	reset(): Promise<Ok> {
		return this.call('POST', 'reset', {});
	}
	loadSeed(seed: string | DataSet): Promise<Ok> {
		return this.call('POST', 'seed', { seed });
	}
	addApp(app: AppSpec): Promise<AddedApp> {
		return this.call('POST', 'apps', app);
	}
	addOfficialAccount(spec: OfficialAccountSpec): Promise<AddedAccount> {
		return this.call('POST', 'officialAccounts', spec);
	}
	addGroup(spec: GroupSpec): Promise<AddedGroup> {
		return this.call('POST', 'groups', spec);
	}
	setOptions(patch: OptionsPatch): Promise<PublicOptions> {
		if (patch && 'intercept' in patch) throw new Error('intercept works in-process only');
		return this.call('POST', 'options', patch || {});
	}
	getOptions(): Promise<PublicOptions> {
		return this.call('GET', 'options');
	}
	requests(): Promise<LogEntry[]> {
		return this.call('GET', 'requests');
	}
	clearRequests(): Promise<Ok> {
		return this.call('DELETE', 'requests');
	}
	stats(): Promise<Stats> {
		return this.call('GET', 'stats');
	}
	getSubscribers(officialAccountId: string, appId?: number | string): Promise<string[]> {
		const q = new URLSearchParams({ id: officialAccountId });
		if (appId != null) q.set('appId', String(appId));
		return this.call('GET', `subscribers?${q}`);
	}
	getMembers(groupId: string, opts: MembersQuery & { full: true }): Promise<MemberRecord[]>;
	getMembers(groupId: string, opts?: MembersQuery & { full?: false }): Promise<string[]>;
	getMembers(groupId: string, opts?: MembersQuery): Promise<string[] | MemberRecord[]>;
	getMembers(groupId: string, opts: MembersQuery = {}): Promise<string[] | MemberRecord[]> {
		const q = new URLSearchParams({ id: groupId });
		if (opts.full) q.set('full', '1');
		if (opts.appId != null) q.set('appId', String(opts.appId));
		return this.call('GET', `members?${q}`);
	}
	/** Posts hand-made callbacks to the callback URL (callbackControl.ts sendCallbacks). */
	sendCallback(spec: SendSpec): Promise<SendSummary> {
		return this.call('POST', 'callbacks/send', spec);
	}
	callbackLog(): Promise<CallbackEntry[]> {
		return this.call('GET', 'callbacks');
	}
	clearCallbacks(): Promise<Ok> {
		return this.call('DELETE', 'callbacks');
	}
	callbacksIdle(): Promise<Ok> {
		return this.call('POST', 'callbacks/idle', {});
	}
	/** No-op for a plain client; spawnEmulator replaces it to stop the child. */
	async close(): Promise<void> {}
}

/** The client of an emulator that spawnEmulator started: its child process, and a close() that stops it. */
export interface SpawnedEmulator extends EmulatorClient {
	process: ChildProcess;
	pid: number | undefined;
}
