// Control routes for the callbacks (/__emulator/callbacks...): the delivery log, and posting callbacks on demand
// (one, possibly with a bad signature or a stale time, or a paced series for load tests).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackEntry, DeliverySpec } from './callbacks';
import { controlPath, serveControl, type ControlRoutes } from './http';
import type { Emulator } from './server';

/** Hand-made callbacks to send: `count` of them (default 1), `ratePerSecond` a second (default: one after another). */
export interface SendSpec extends Omit<DeliverySpec, 'sdkAppId'> {
	sdkAppId?: number | string;
	count?: number;
	ratePerSecond?: number;
}

/** What a series of deliveries came to; `entry` when it was one callback. */
export interface SendSummary {
	sent: number;
	statuses: Record<string, number>;
	errors: number;
	maxMs: number;
	p99Ms: number;
	entry?: CallbackEntry;
}

/** The emulator app that sends a hand-made callback: the given one, else the first. */
function appIdFor(emu: Emulator, spec: SendSpec): number {
	if (spec.sdkAppId != null) return Number(spec.sdkAppId);
	return emu.state.resolveAppId(undefined);
}

/**
 * Sends `count` callbacks (default 1), `ratePerSecond` of them a second (default: all at once, one after another),
 * each built from `spec` (see Callbacks.deliver). `payload` may hold "{i}" in string values, replaced by the index.
 */
export async function sendCallbacks(emu: Emulator, spec: SendSpec): Promise<SendSummary> {
	if (!spec || typeof spec.command !== 'string' || !spec.command) throw new Error('command is required');
	const count = spec.count ?? 1;
	if (!Number.isInteger(count) || count < 1 || count > 100000) throw new Error('count must be 1..100000');
	const rate = spec.ratePerSecond;
	if (rate !== undefined && !(typeof rate === 'number' && rate > 0)) throw new Error('ratePerSecond must be > 0');
	const sdkAppId = appIdFor(emu, spec);
	const started = Date.now();
	const deliveries: (CallbackEntry | Promise<CallbackEntry>)[] = [];
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

export function summarize(entries: CallbackEntry[]): SendSummary {
	const statuses: Record<string, number> = {};
	let errors = 0;
	for (const e of entries) {
		if (e.error) errors++;
		else statuses[String(e.status)] = (statuses[String(e.status)] || 0) + 1;
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

const ROUTES: ControlRoutes<Emulator> = {
	'GET callbacks': (emu) => emu.callbackLog(),
	'DELETE callbacks': (emu) => emu.clearCallbacks(),
	'POST callbacks/clear': (emu) => emu.clearCallbacks(),
	'POST callbacks/send': (emu, body) => emu.sendCallback(body),
	'POST callbacks/idle': async (emu) => {
		await emu.callbacksIdle();
		return { ok: true };
	},
};

/** Handles /__emulator/callbacks...; returns null for other paths (the common control routes). */
export function handleCallbackControl(emu: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | null {
	const path = controlPath(url);
	if (path !== 'callbacks' && !path.startsWith('callbacks/')) return null;
	return serveControl(ROUTES, emu, req, res, url);
}
