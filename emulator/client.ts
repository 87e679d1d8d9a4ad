'use strict';
// Remote control of a running emulator (same method names as the in-process object, all async).

class EmulatorClient {
	constructor(url) {
		this.url = String(url).replace(/\/+$/, '');
		const m = /:(\d+)$/.exec(this.url);
		this.port = m ? Number(m[1]) : null;
	}

	async call(method, path, body) {
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

	health() {
		return this.call('GET', 'health');
	}
	reset() {
		return this.call('POST', 'reset', {});
	}
	loadSeed(seed) {
		return this.call('POST', 'seed', { seed });
	}
	addApp(app) {
		return this.call('POST', 'apps', app);
	}
	addOfficialAccount(spec) {
		return this.call('POST', 'officialAccounts', spec);
	}
	addGroup(spec) {
		return this.call('POST', 'groups', spec);
	}
	setOptions(patch) {
		if (patch && 'intercept' in patch) throw new Error('intercept works in-process only');
		return this.call('POST', 'options', patch || {});
	}
	getOptions() {
		return this.call('GET', 'options');
	}
	requests() {
		return this.call('GET', 'requests');
	}
	clearRequests() {
		return this.call('DELETE', 'requests');
	}
	stats() {
		return this.call('GET', 'stats');
	}
	getSubscribers(officialAccountId, appId) {
		const q = new URLSearchParams({ id: officialAccountId });
		if (appId != null) q.set('appId', String(appId));
		return this.call('GET', `subscribers?${q}`);
	}
	getMembers(groupId, opts = {}) {
		const q = new URLSearchParams({ id: groupId });
		if (opts.full) q.set('full', '1');
		if (opts.appId != null) q.set('appId', String(opts.appId));
		return this.call('GET', `members?${q}`);
	}
	/** Posts hand-made callbacks to the callback URL (callbackControl.js sendCallbacks). */
	sendCallback(spec) {
		return this.call('POST', 'callbacks/send', spec);
	}
	callbackLog() {
		return this.call('GET', 'callbacks');
	}
	clearCallbacks() {
		return this.call('DELETE', 'callbacks');
	}
	callbacksIdle() {
		return this.call('POST', 'callbacks/idle', {});
	}
	/** No-op for a plain client; spawnEmulator replaces it to stop the child. */
	async close() {}
}

module.exports = { EmulatorClient };
