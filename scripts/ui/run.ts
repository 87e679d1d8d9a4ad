/*
 * The editor test in a real browser: `npm run test:ui` (builds first).
 *
 * Starts the emulator (demo data set), n8n 2.x from the e2e install
 * (scripts/e2e/install installs it when missing) with the `npm pack`
 * output as a community package, signs the owner up, and drives Debian's
 * Chromium (apt-get installs it when missing) through playwright-core, as a
 * user: the nodes panel, the credential and its Test, every resource and
 * operation, Execute step on three Get Many. See checks.ts. Pictures go to
 * docs/images/ (--no-pictures to skip).
 *
 * Prints PASS/FAIL per check and, last, `N passed, M failed`; exits 1 on any
 * failure. Every process it starts (emulator, n8n, Chromium) is killed by its
 * id on exit and on SIGINT/SIGTERM/SIGHUP.
 */

import fs from 'node:fs';
import path from 'node:path';

import { REPO } from '../e2e/install';
import { killAllStarted, stillRunning } from '../e2e/n8n';
import * as stack from './stack';
import * as editor from './editor';
import { builtNodes } from './nodeTypes';
import { credentialCopy } from './credential';
import { CHECKS, type Context } from './checks';
import type { Locator, Page } from 'playwright-core';

const PICTURES = path.join(REPO, 'docs', 'images');
const SAVE_PICTURES = !process.argv.includes('--no-pictures');

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const results: { name: string; ok: boolean }[] = [];
/** Undoes what the run set up, last first (runCleanups pops them). */
const cleanups: (() => unknown)[] = [];
let finished = false;

function record(name: string, ok: boolean, ms: number, detail?: unknown): void {
	results.push({ name, ok });
	log(`${ok ? 'PASS' : 'FAIL'} ${name} (${secs(ms)})${detail ? `\n    ${String(detail).replace(/\n/g, '\n    ')}` : ''}`);
}

const notRun: string[] = [];

/** Runs the checks in order; after the first failure the rest are reported as not run. */
async function runChecks(ctx: Context): Promise<void> {
	for (const [name, check] of CHECKS) {
		if (results.some((r) => !r.ok)) {
			notRun.push(name);
			log(`SKIP ${name}: not run, an earlier check failed`);
			continue;
		}
		const t0 = Date.now();
		try {
			const note = await check(ctx);
			const errors = await editor.takeErrors(ctx.page);
			if (errors.length) throw new Error(`the editor showed errors: ${errors.join(' | ')}`);
			record(name, true, Date.now() - t0, note);
		} catch (e) {
			const errors = await editor.takeErrors(ctx.page).catch(() => []);
			const failure = path.join(REPO, '.n8n-test', 'ui-failure.png');
			await ctx.page.screenshot({ path: failure }).catch(() => {});
			const shown = errors.length ? `\nthe editor showed: ${errors.join(' | ')}` : '';
			record(name, false, Date.now() - t0, `${e.message.split('\n')[0]}${shown}\nscreenshot: ${path.relative(REPO, failure)}`);
		}
	}
}

/** `shot(name[, locator])`: a PNG of the page (or of one element) into docs/images/. */
function pictureTaker(page: Page): Context['shot'] {
	return async (name: string, locator?: Locator) => {
		if (!SAVE_PICTURES) return;
		fs.mkdirSync(PICTURES, { recursive: true });
		const file = path.join(PICTURES, `${name}.png`);
		await page.mouse.move(640, 2); // no hover highlight left in the picture
		// Toasts of earlier steps would cover the output: hidden in the picture only.
		await (locator || page).screenshot({ path: file, animations: 'disabled', caret: 'hide', style: '.el-notification { display: none !important; }' });
	};
}

async function main() {
	const t0 = Date.now();
	fs.mkdirSync(path.join(REPO, '.n8n-test'), { recursive: true });
	const nodes = builtNodes();
	const copy = credentialCopy();
	editor.useN8nTestIds();
	const emu = await stack.startEmulator();
	cleanups.push(() => emu.close());
	const { server, rest } = await stack.startN8n(cleanups);
	log(`n8n ${server.url} (pid ${server.pid}, ready in ${secs(server.startMs)}), emulator ${emu.url} (pid ${emu.pid})`);
	const { browser, browserServer, pid } = await stack.startBrowser(log);
	cleanups.push(() => browserServer.close());
	log(`chromium pid ${pid}`);
	const { context, page } = await stack.openEditorPage(browser, server.url, rest.cookie);
	await editor.watchErrors(context);
	page.setDefaultTimeout(30000);
	const ctx = { page, url: server.url, emu, nodes, copy, shot: pictureTaker(page) };
	await runChecks(ctx);
	await runCleanups();
	const { checked, alive } = stillRunning();
	record(`every process the run started has exited (${checked} checked)`, alive.length === 0, 0, alive.map((p) => `${p.pid} ${p.label}`).join(', '));
	finish(`editor test finished in ${secs(Date.now() - t0)}`);
}

async function runCleanups() {
	while (cleanups.length) {
		try {
			await cleanups.pop()!();
		} catch {
			/* best effort: killAllStarted() follows */
		}
	}
	killAllStarted();
}

function finish(line: string): void {
	if (finished) return;
	finished = true;
	const failed = results.filter((r) => !r.ok).length;
	log(line);
	log(`${results.length - failed} passed, ${failed} failed${notRun.length ? `, ${notRun.length} not run` : ''}`);
	process.exitCode = failed > 0 || notRun.length > 0 || results.length === 0 ? 1 : 0;
}

function abort(why: string): void {
	killAllStarted();
	for (const cleanup of cleanups.splice(0)) Promise.resolve().then(cleanup).catch(() => {}); // folders go synchronously
	record('editor test runner', false, 0, `${why}; every process it started was killed`);
	finish('editor test aborted');
	process.exit(1);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => abort(`interrupted by ${sig}`));
process.on('exit', () => killAllStarted());

main().catch((e) => abort(e.stack || e.message));
