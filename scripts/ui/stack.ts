/*
 * What the editor test runs against: the emulator with its demo data set, a
 * real n8n 2.x (the e2e install) with this package installed as a community
 * package, its owner account, and Debian's Chromium driven by playwright-core.
 * Every process is registered with scripts/e2e/n8n's process registry, so
 * killAllStarted() stops them all by id.
 */

import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

import { REPO } from '../e2e/install';
import { createN8n, npmPack, trackProcess } from '../e2e/n8n';
import { spawnEmulator } from '../../emulator';

const PICTURE_EMULATOR_PORT = 8080;
const OWNER = { email: 'owner@ui.test', password: 'Ui-Passw0rd!' };

/** The chromium on PATH, or null. */
function findChromium(): string | null {
	const r = spawnSync('which', ['chromium'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

/** Debian's Chromium, installed with apt-get when it is missing (CI runs as root). */
function ensureChromium(log: (message: string) => void): string {
	const found = findChromium();
	if (found) return found;
	log('Chromium is missing: apt-get update && apt-get install -y chromium');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', 'chromium']]) {
		const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
		if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}): install Debian's chromium as root`);
	}
	const installed = findChromium();
	if (!installed) throw new Error('apt-get installed chromium but it is not on PATH');
	return installed;
}

/** Whether a TCP port on 127.0.0.1 can be listened on now. */
function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/**
 * The emulator (demo data set) in a child process, on 8080 (the README's Base URL, so the credential
 * picture stays the same from run to run) when that port is free, else on any free port.
 */
async function startEmulator() {
	const port = (await portIsFree(PICTURE_EMULATOR_PORT)) ? PICTURE_EMULATOR_PORT : 0;
	const emu = await spawnEmulator({ port, seed: 'demo' });
	trackProcess(emu.process, 'emulator');
	return emu;
}

/** n8n 2.x with the packed package as a community package, started, with its owner signed in. */
async function startN8n(cleanups: (() => unknown)[]) {
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ui-pack-'));
	cleanups.push(() => fs.rmSync(packDir, { recursive: true, force: true }));
	const tgz = npmPack(REPO, packDir);
	const n8n = await createN8n('v2');
	cleanups.push(() => n8n.cleanup());
	n8n.installPackage(tgz);
	const server = await n8n.start();
	cleanups.push(() => server.stop());
	const rest = await n8n.restOwnerLogin(server.url, OWNER);
	return { n8n, server, rest };
}

/** Chromium as a browser server (its process is ours to kill by id) and a client connected to it. */
async function startBrowser(log: (message: string) => void) {
	const executablePath = ensureChromium(log);
	const browserServer = await chromium.launchServer({ executablePath, headless: true, args: ['--no-sandbox'] });
	const child: ChildProcess = browserServer.process();
	trackProcess(child, 'chromium', { group: true });
	const browser = await chromium.connect(browserServer.wsEndpoint());
	return { browser, browserServer, pid: child.pid! };
}

/** A signed-in browser page on the editor, 1280x800, with the owner's auth cookie. */
async function openEditorPage(browser: Browser, url: string, cookie: string) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	const name = cookie.slice(0, cookie.indexOf('='));
	const value = cookie.slice(cookie.indexOf('=') + 1);
	await context.addCookies([{ name, value, url }]);
	const page = await context.newPage();
	return { context, page };
}

export { ensureChromium, startEmulator, startN8n, startBrowser, openEditorPage, OWNER };
