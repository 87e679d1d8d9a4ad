'use strict';
// The remote control API under /__emulator/ (used by EmulatorClient and spawned emulators).
// JSON in, JSON out; errors are HTTP 400 {error}.

const ROUTES = {
	'GET health': () => ({ ok: true }),
	'POST reset': (emu) => emu.reset(),
	'POST seed': (emu, body) => emu.loadSeed(body.seed ?? body.name),
	'POST apps': (emu, body) => emu.addApp(body),
	'POST officialAccounts': (emu, body) => emu.addOfficialAccount(body),
	'POST groups': (emu, body) => emu.addGroup(body),
	'GET options': (emu) => emu.getOptions(),
	'POST options': (emu, body) => {
		if ('intercept' in body) throw new Error('intercept works in-process only');
		return emu.setOptions(body);
	},
	'GET requests': (emu) => emu.requests(),
	'DELETE requests': (emu) => emu.clearRequests(),
	'POST requests/clear': (emu) => emu.clearRequests(),
	'GET subscribers': (emu, body, q) => emu.getSubscribers(q.get('id'), q.get('appId') ?? undefined),
	'GET members': (emu, body, q) =>
		emu.getMembers(q.get('id'), { full: q.get('full') === '1' || q.get('full') === 'true', appId: q.get('appId') ?? undefined }),
	'GET stats': (emu) => emu.stats(),
};

function send(res, status, value) {
	const body = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

async function handleControl(emu, req, res, url, readBody) {
	const path = url.pathname.slice('/__emulator/'.length).replace(/\/$/, '');
	const route = ROUTES[`${req.method} ${path}`];
	const raw = await readBody(req);
	if (!route) return send(res, 404, { error: `no control route ${req.method} /__emulator/${path}` });
	try {
		const body = raw ? JSON.parse(raw) : {};
		const result = await route(emu, body || {}, url.searchParams);
		send(res, 200, result === undefined ? { ok: true } : result);
	} catch (err) {
		send(res, 400, { error: err.message });
	}
}

module.exports = { handleControl };
