// The remote control API under /__emulator/ (used by EmulatorClient and spawned emulators).
// JSON in, JSON out; errors are HTTP 400 {error}.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveControl, type ControlRoutes } from './http';
import type { Emulator } from './server';

const ROUTES: ControlRoutes<Emulator> = {
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
	'GET subscribers': (emu, body, q) => emu.getSubscribers(q.get('id') as string, q.get('appId') ?? undefined),
	'GET members': (emu, body, q) =>
		emu.getMembers(q.get('id') as string, { full: q.get('full') === '1' || q.get('full') === 'true', appId: q.get('appId') ?? undefined }),
	'GET stats': (emu) => emu.stats(),
};

export function handleControl(emu: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	return serveControl(ROUTES, emu, req, res, url);
}
