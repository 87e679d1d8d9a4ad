'use strict';
// Control routes for the callbacks (/__emulator/callbacks...): the delivery log, and posting callbacks on demand
// (one, possibly with a bad signature or a stale time, or a paced series for load tests).

/** The emulator app that sends a hand-made callback: the given one, else the first. */
function appIdFor(emu, spec) {
	if (spec.sdkAppId != null) return Number(spec.sdkAppId);
	return emu.state.resolveAppId(undefined);
}

/**
 * Sends `count` callbacks (default 1), `ratePerSecond` of them a second (default: all at once, one after another),
 * each built from `spec` (see Callbacks.deliver). `payload` may hold "{i}" in string values, replaced by the index.
 * Resolves to { sent, statuses, errors, maxMs, p99Ms, entries? (when count is 1) }.
 */
async function sendCallbacks(emu, spec) {
	if (!spec || typeof spec.command !== 'string' || !spec.command) throw new Error('command is required');
	const count = spec.count ?? 1;
	if (!Number.isInteger(count) || count < 1 || count > 100000) throw new Error('count must be 1..100000');
	const rate = spec.ratePerSecond;
	if (rate !== undefined && !(typeof rate === 'number' && rate > 0)) throw new Error('ratePerSecond must be > 0');
	const sdkAppId = appIdFor(emu, spec);
	const started = Date.now();
	const deliveries = [];
	for (let i = 0; i < count; i++) {
		if (rate) {
			const due = started + (i * 1000) / rate;
			const wait = due - Date.now();
			if (wait > 0) await emu.sleep(wait);
		}
		const payload = JSON.parse(JSON.stringify(spec.payload ?? {}).replaceAll('{i}', String(i)));
		const delivery = emu.callbacks.deliver({ ...spec, sdkAppId, payload });
		if (rate) deliveries.push(delivery);
		else deliveries.push(await delivery);
	}
	const entries = await Promise.all(deliveries);
	return summarize(entries);
}

function summarize(entries) {
	const statuses = {};
	let errors = 0;
	for (const e of entries) {
		if (e.error) errors++;
		else statuses[e.status] = (statuses[e.status] || 0) + 1;
	}
	const times = entries.map((e) => e.ms).sort((a, b) => a - b);
	const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)];
	return {
		sent: entries.length,
		statuses,
		errors,
		maxMs: times[times.length - 1],
		p99Ms: p99,
		...(entries.length === 1 ? { entry: entries[0] } : {}),
	};
}

const ROUTES = {
	'GET callbacks': (emu) => emu.callbackLog(),
	'DELETE callbacks': (emu) => emu.clearCallbacks(),
	'POST callbacks/clear': (emu) => emu.clearCallbacks(),
	'POST callbacks/send': (emu, body) => emu.sendCallback(body),
	'POST callbacks/idle': async (emu) => {
		await emu.callbacksIdle();
		return { ok: true };
	},
};

function send(res, status, value) {
	const body = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/** Handles /__emulator/callbacks...; returns null for other paths (the common control routes). */
function handleCallbackControl(emu, req, res, url, readBody) {
	const path = url.pathname.slice('/__emulator/'.length).replace(/\/$/, '');
	if (path !== 'callbacks' && !path.startsWith('callbacks/')) return null;
	return (async () => {
		const raw = await readBody(req);
		const route = ROUTES[`${req.method} ${path}`];
		if (!route) return send(res, 404, { error: `no control route ${req.method} /__emulator/${path}` });
		try {
			const result = await route(emu, raw ? JSON.parse(raw) : {});
			send(res, 200, result === undefined ? { ok: true } : result);
		} catch (err) {
			send(res, 400, { error: err.message });
		}
	})();
}

module.exports = { sendCallbacks, handleCallbackControl, summarize };
