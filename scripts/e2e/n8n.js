'use strict';
/*
 * Helpers to drive a real n8n (installed by ./install.js) from Node, with only
 * Node built-ins.
 *
 *   const { createN8n, npmPack } = require('./n8n');
 *   const tgz = npmPack(repoDir, outDir);
 *   const n8n = await createN8n('v2');            // fresh N8N_USER_FOLDER
 *   n8n.installPackage(tgz);                      // as a community package
 *   await n8n.importCredentials({ id, name, type, data });
 *   await n8n.importWorkflow({ id, name, nodes, connections, ... });
 *   const { code, json, stdout, stderr } = await n8n.execute(id);
 *   const batch = await n8n.executeBatch([id1, id2]); // one process, batch.runs[id].json
 *   const server = await n8n.start();             // `n8n start` on a free port
 *   const rest = await n8n.restOwnerLogin(server.url);
 *   await rest.testCredential({ name, type, data });
 *   await server.stop();
 *   n8n.cleanup();
 *
 * Every n8n process gets: a fresh user folder (sqlite DB inside it), a fixed
 * N8N_ENCRYPTION_KEY for the instance, the task-runner broker moved off 5679
 * onto a free port, diagnostics/version checks/personalisation off, log level
 * info (the `execute` JSON is printed at info) to the console and to
 * <userFolder>/.n8n/logs/n8n.log (so the log files can be checked too), and
 * for n8n 1.x the legacy expression engine (the `vm` one needs isolated-vm,
 * not built here).
 *
 * Every n8n process is started in its own process group (detached) and
 * registered here; when it ends, or on cleanup, timeout or a signal to the
 * runner, the whole group is killed by its id (-pid), so children n8n starts
 * (the task runner) cannot outlive it. killAllStarted() / stillRunning() work
 * on that registry; trackProcess() adds processes started elsewhere.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const http = require('node:http');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const { ensureInstall } = require('./install');

/* ------------------------------------------------------------------ utils */

/** A TCP port that was free on 127.0.0.1 a moment ago. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Several distinct free ports (avoids handing out the same one twice). */
async function freePorts(n) {
	const ports = new Set();
	while (ports.size < n) ports.add(await freePort());
	return [...ports];
}

/**
 * Runs `npm pack` in `pkgDir`, writes the .tgz to `outDir`; returns its path.
 * (`npm pack` runs no install lifecycle script; our package has only prepublishOnly.)
 */
function npmPack(pkgDir, outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	const r = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: pkgDir,
		encoding: 'utf8',
		env: { ...process.env, npm_config_loglevel: 'error' },
	});
	if (r.status !== 0) throw new Error(`npm pack failed (${r.status}):\n${r.stderr}`);
	const start = r.stdout.indexOf('[');
	const info = JSON.parse(r.stdout.slice(start));
	return path.join(outDir, info[0].filename);
}

/**
 * Extracts a gzipped tar (as `npm pack` makes) into `destDir`, dropping the
 * leading `package/` folder. Handles ustar prefixes, pax `path` and GNU long names.
 */
function extractTgz(tgzPath, destDir) {
	const data = zlib.gunzipSync(fs.readFileSync(tgzPath));
	const root = path.resolve(destDir);
	fs.mkdirSync(root, { recursive: true });
	let off = 0;
	let nextName = null;
	const cstr = (buf) => {
		const z = buf.indexOf(0);
		return buf.toString('utf8', 0, z === -1 ? buf.length : z);
	};
	while (off + 512 <= data.length) {
		const h = data.subarray(off, off + 512);
		if (h.every((b) => b === 0)) break;
		let name = cstr(h.subarray(0, 100));
		const prefix = cstr(h.subarray(345, 500));
		if (prefix) name = `${prefix}/${name}`;
		const size = parseInt(cstr(h.subarray(124, 136)).trim() || '0', 8);
		const mode = parseInt(cstr(h.subarray(100, 108)).trim() || '644', 8);
		const type = h[156] === 0 ? '0' : String.fromCharCode(h[156]);
		const body = data.subarray(off + 512, off + 512 + size);
		off += 512 + Math.ceil(size / 512) * 512;
		if (type === 'x') {
			// pax extended header: "<len> key=value\n" records
			const text = body.toString('utf8');
			let i = 0;
			while (i < text.length) {
				const sp = text.indexOf(' ', i);
				const len = parseInt(text.slice(i, sp), 10);
				if (!len) break;
				const rec = text.slice(sp + 1, i + len - 1);
				const eq = rec.indexOf('=');
				if (rec.slice(0, eq) === 'path') nextName = rec.slice(eq + 1);
				i += len;
			}
			continue;
		}
		if (type === 'g') continue;
		if (type === 'L') {
			nextName = cstr(body);
			continue;
		}
		if (nextName) {
			name = nextName;
			nextName = null;
		}
		const rel = name.replace(/^\.?\/?[^/]+\//, ''); // drop "package/"
		if (!rel) continue;
		const target = path.resolve(root, rel);
		if (target !== root && !target.startsWith(root + path.sep)) {
			throw new Error(`refusing tar entry outside the target folder: ${name}`);
		}
		if (type === '5') {
			fs.mkdirSync(target, { recursive: true });
		} else if (type === '0' || type === '7') {
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, body, { mode: mode & 0o777 || 0o644 });
		}
		// symlinks/hardlinks/devices: not produced by `npm pack`; ignored.
	}
}

/**
 * Installs a packed community node package (`npm pack` output) into an n8n
 * user folder the way n8n's own installer lays it out:
 *   <userFolder>/.n8n/nodes/node_modules/<name>/   (the unpacked package)
 *   <userFolder>/.n8n/nodes/package.json           ({ dependencies: { <name>: <version> } })
 * n8n (1.123 and 2.41) loads every `n8n-nodes-*` folder in that node_modules
 * on start-up and for `n8n execute`; the package.json is what n8n itself
 * writes there and is kept for fidelity (loading does not need it).
 * `require('n8n-workflow')` in the package resolves to n8n's own copy (n8n
 * puts its module paths on NODE_PATH). Returns { name, version, dir }.
 */
function installPackage(userFolder, tgzPath) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const tmp = fs.mkdtempSync(path.join(nodesDir + '-unpack-'));
	try {
		extractTgz(tgzPath, tmp);
		const pkg = JSON.parse(fs.readFileSync(path.join(tmp, 'package.json'), 'utf8'));
		const dest = path.join(nodesDir, 'node_modules', pkg.name);
		fs.rmSync(dest, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(dest), { recursive: true });
		fs.renameSync(tmp, dest);
		const manifestPath = path.join(nodesDir, 'package.json');
		let manifest = { name: 'installed-nodes', private: true, dependencies: {} };
		if (fs.existsSync(manifestPath)) manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
		manifest.dependencies = { ...(manifest.dependencies || {}), [pkg.name]: pkg.version };
		fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
		return { name: pkg.name, version: pkg.version, dir: dest };
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/**
 * The run data printed by `n8n execute --rawOutput`: it starts at the first
 * line that is exactly `{` (log lines come before it) and ends at a line that
 * is exactly `}` (log lines may follow). Returns null when there is none.
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	const start = lines.indexOf('{');
	if (start === -1) return null;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			/* try an earlier closing line */
		}
	}
	return null;
}

/** Output items (json only) of a node in a parsed IRun: [ [items of output 0], ... ]. */
function nodeOutput(run, nodeName, runIndex = 0) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!task) return undefined;
	return (task.data?.main || []).map((items) => (items || []).map((i) => i.json));
}

function httpJson(method, url, body, headers = {}) {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const req = http.request(
			url,
			{
				method,
				headers: {
					accept: 'application/json',
					...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
					...headers,
				},
				timeout: 30000,
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* ------------------------------------------------------ process registry */

/** pid -> { label, group }: processes started through this module (or trackProcess) not yet reaped. */
const started = new Map();
/** Every process ever registered, with its start time, for stillRunning(). */
const everStarted = [];

/** Linux process table from /proc: [{ pid, pgid, state, start }] (start: clock ticks after boot), or null. */
function procTable() {
	if (!fs.existsSync('/proc/self/stat')) return null;
	const out = [];
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// Fields after "(comm)": state ppid pgrp ... starttime is field 22, i.e. index 19 here.
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		out.push({ pid: Number(name), state: f[0], pgid: Number(f[2]), start: Number(f[19]) });
	}
	return out;
}

/** Registers a child process; `group` when it leads its own process group (spawned detached). */
function trackProcess(child, label, { group = false } = {}) {
	if (!child || !child.pid) return;
	started.set(child.pid, { label, group });
	// A single process leaves the registry when it exits: its pid may be reused
	// soon (pid_max can be 32768). A group is reaped (and left) by its owner.
	if (!group) child.once('exit', () => started.delete(child.pid));
	const self = procTable()?.find((p) => p.pid === child.pid);
	everStarted.push({ pid: child.pid, label, group, start: self ? self.start : null });
}

function signalProcess(pid, group, signal) {
	try {
		process.kill(group ? -pid : pid, signal);
		return true;
	} catch {
		return false; // ESRCH: gone
	}
}

/** Kills one registered process (its whole group when it has one) and forgets it. */
function killStarted(pid, signal = 'SIGKILL') {
	const entry = started.get(pid);
	if (!entry) return;
	signalProcess(pid, entry.group, signal);
	if (signal === 'SIGKILL') started.delete(pid);
}

/** Kills every registered process (group) by id: for signal handlers and `exit`. Synchronous. */
function killAllStarted(signal = 'SIGKILL') {
	for (const pid of [...started.keys()]) killStarted(pid, signal);
}

/**
 * Every process ever registered that is still alive, or any live member of a
 * process group it led: [{ pid, label }]. On Linux this reads /proc and
 * compares start times, so a pid reused by another program does not count.
 * Returns { checked, alive }.
 */
function stillRunning() {
	const table = procTable();
	const alive = [];
	for (const e of everStarted) {
		if (!table) {
			if (signalProcess(e.pid, e.group, 0)) alive.push({ pid: e.pid, label: e.label });
			continue;
		}
		const live = table.filter(
			(p) => p.state !== 'Z' && (e.group ? p.pgid === e.pid : p.pid === e.pid) && (e.start === null || p.start >= e.start),
		);
		for (const p of live) alive.push({ pid: p.pid, label: p.pid === e.pid ? e.label : `${e.label}: child ${p.pid}` });
	}
	return { checked: everStarted.length, alive };
}

/** Runs when a registered detached child has exited: reaps anything left in its group. */
function reapGroup(pid) {
	signalProcess(pid, true, 'SIGKILL');
	started.delete(pid);
}

/* ------------------------------------------------------------- instances */

/**
 * A fresh n8n instance of install `key` ('v1' | 'v2'): own user folder, DB,
 * encryption key and broker port. Installs n8n first if needed (cached).
 * options: { userFolder, encryptionKey, logLevel, env, keep }
 */
async function createN8n(key, options = {}) {
	const inst = ensureInstall(key);
	const userFolder = options.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${key}-`));
	fs.mkdirSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	const encryptionKey = options.encryptionKey || crypto.randomBytes(24).toString('hex');
	const [brokerPort] = await freePorts(1);
	const env = {
		...inst.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		DB_SQLITE_DATABASE: path.join(userFolder, '.n8n', 'database.sqlite'),
		N8N_LOG_LEVEL: options.logLevel || 'info',
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: path.join(userFolder, '.n8n', 'logs', 'n8n.log'),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		...(inst.n8nVersion.startsWith('1.') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...(options.env || {}),
	};
	const scratch = path.join(userFolder, 'e2e-inputs');
	fs.mkdirSync(scratch, { recursive: true });
	let fileNo = 0;
	const children = new Set();

	/** Runs `n8n <args>`; resolves { code, signal, stdout, stderr, ms }. */
	function cli(args, { timeoutMs = 180000, extraEnv } = {}) {
		const t0 = Date.now();
		return new Promise((resolve, reject) => {
			const child = spawn(inst.nodeExe, [inst.n8nBin, ...args], {
				cwd: userFolder,
				env: { ...env, ...(extraEnv || {}) },
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true, // own process group: killed as a whole, task runner included
			});
			children.add(child);
			trackProcess(child, `n8n ${args[0]} (${key})`, { group: true });
			const out = [];
			const err = [];
			child.stdout.on('data', (c) => out.push(c));
			child.stderr.on('data', (c) => err.push(c));
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				killStarted(child.pid);
			}, timeoutMs);
			child.on('error', (e) => {
				clearTimeout(timer);
				children.delete(child);
				reapGroup(child.pid);
				reject(e);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				children.delete(child);
				reapGroup(child.pid);
				resolve({
					timedOut,
					code,
					signal,
					stdout: Buffer.concat(out).toString('utf8'),
					stderr: Buffer.concat(err).toString('utf8'),
					ms: Date.now() - t0,
				});
			});
		});
	}

	function writeInput(prefix, data) {
		const file = path.join(scratch, `${prefix}-${++fileNo}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async function mustSucceed(what, r) {
		if (r.code !== 0) {
			throw new Error(`${what} failed (exit ${r.code}, ${r.signal || 'no signal'}):\n${r.stdout}\n${r.stderr}`);
		}
		return r;
	}

	/**
	 * Imports credentials: one object or an array of
	 * { id, name, type, data: { ...plain-text fields } } — n8n encrypts `data`
	 * with the instance key. Give an explicit `id` to reference it from workflows.
	 */
	async function importCredentials(json) {
		const list = Array.isArray(json) ? json : [json];
		const file = writeInput('credentials', list);
		try {
			return mustSucceed('n8n import:credentials', await cli(['import:credentials', `--input=${file}`]));
		} finally {
			fs.rmSync(file, { force: true }); // it holds the secrets in plain text
		}
	}

	/** Imports workflows: one object or an array (each with an `id` of at most 21 chars). */
	async function importWorkflow(json) {
		const list = Array.isArray(json) ? json : [json];
		for (const wf of list) {
			if (wf.id && String(wf.id).length > 21) throw new Error(`workflow id "${wf.id}" is over 21 characters`);
		}
		const file = writeInput('workflows', list);
		return mustSucceed('n8n import:workflow', await cli(['import:workflow', `--input=${file}`]));
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`. Resolves { code, json, stdout, stderr, ms }:
	 * code 0 on success, 1 on failure; json is the IRun (also printed for a
	 * failed run), or null.
	 */
	async function execute(id, opts) {
		const r = await cli(['execute', `--id=${id}`, '--rawOutput'], opts);
		return { ...r, json: parseExecuteOutput(r.stdout) };
	}

	/**
	 * `n8n execute-batch --ids=<ids> --snapshot=<dir> --output=<file>`: runs the
	 * workflows one after the other (concurrency 1) in a single n8n process.
	 * n8n takes only ids that contain a digit. Resolves
	 *   { code, stdout, stderr, ms, summary, summaryText, runs: { [id]: { json, text, result } } }
	 * where json is the IRun of a successful workflow (n8n writes a snapshot for
	 * those only) and result its entry in the summary ({ executionStatus, error, ... }).
	 */
	async function executeBatch(ids, { timeoutMs = 600000 } = {}) {
		for (const id of ids) {
			if (!/\d/.test(id)) throw new Error(`n8n execute-batch ignores workflow id "${id}": it needs a digit`);
		}
		const dir = fs.mkdtempSync(path.join(scratch, 'batch-'));
		const snapshots = path.join(dir, 'snapshots');
		fs.mkdirSync(snapshots);
		const output = path.join(dir, 'summary.json');
		const r = await cli(['execute-batch', `--ids=${ids.join(',')}`, `--snapshot=${snapshots}`, `--output=${output}`], { timeoutMs });
		const summaryText = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '';
		let summary = null;
		try {
			summary = summaryText ? JSON.parse(summaryText) : null;
		} catch {
			/* left null */
		}
		const runs = {};
		for (const id of ids) {
			const file = path.join(snapshots, `${id}-snapshot.json`);
			const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
			let json = null;
			try {
				json = text ? JSON.parse(text) : null;
			} catch {
				/* left null */
			}
			const result = summary?.executions?.find((e) => e.workflowId === id) ?? null;
			runs[id] = { json, text, result };
		}
		return { ...r, summary, summaryText, runs };
	}

	/**
	 * Spawns a long-running `n8n <args>` (its own process group) and resolves once `isReady(url)` holds
	 * for http://127.0.0.1:<port>. Returns { url, port, pid, startMs, logs(), stop() }.
	 */
	async function serve(args, { port, extraEnv = {}, isReady, label, timeoutMs = 120000 }) {
		const child = spawn(inst.nodeExe, [inst.n8nBin, ...args], {
			cwd: userFolder,
			env: { ...env, ...extraEnv },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		children.add(child);
		trackProcess(child, `${label} (${key})`, { group: true });
		let logs = '';
		child.stdout.on('data', (c) => (logs += c));
		child.stderr.on('data', (c) => (logs += c));
		let exited = null;
		const exitPromise = new Promise((resolve) =>
			child.on('close', (code, signal) => {
				exited = { code, signal };
				children.delete(child);
				reapGroup(child.pid);
				resolve(exited);
			}),
		);
		const url = `http://127.0.0.1:${port}`;
		const stop = async () => {
			if (exited) return exited;
			child.kill('SIGTERM'); // n8n shuts down its task runner itself; the group is reaped on exit
			const t = setTimeout(() => !exited && killStarted(child.pid), 20000);
			const r = await exitPromise;
			clearTimeout(t);
			return r;
		};
		const t0 = Date.now();
		for (;;) {
			if (exited) throw new Error(`${label} exited early (${JSON.stringify(exited)}):\n${logs}`);
			if (Date.now() - t0 > timeoutMs) {
				await stop();
				throw new Error(`${label}: not ready after ${timeoutMs} ms:\n${logs}`);
			}
			if (await isReady(url).catch(() => false)) break;
			await sleep(250);
		}
		return { url, port, pid: child.pid, startMs: Date.now() - t0, logs: () => logs, stop };
	}

	/** `n8n start` on a free 127.0.0.1 port; resolves once the REST API answers. */
	async function start({ timeoutMs = 120000, extraEnv = {} } = {}) {
		const [port] = await freePorts(1);
		// 1.x answers every path with 200 "n8n is starting up" (and /healthz) during migrations, before the
		// REST routes exist; /rest/settings is public and gives JSON once the app is up.
		const isReady = async (url) => {
			const r = await httpJson('GET', `${url}/rest/settings`);
			return r.status === 200 && r.json && r.json.data;
		};
		const extra = { N8N_PORT: String(port), N8N_HOST: '127.0.0.1', N8N_PROTOCOL: 'http', ...extraEnv };
		return await serve(['start'], { port, extraEnv: extra, isReady, label: 'n8n start', timeoutMs });
	}

	/** `n8n worker` (queue mode) with its own health port and task broker port; resolves once it is ready. */
	async function startWorker({ concurrency = 10, timeoutMs = 120000 } = {}) {
		const [port, brokerPort] = await freePorts(2);
		const extraEnv = { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(brokerPort) };
		const isReady = async (url) => (await httpJson('GET', `${url}/healthz/readiness`)).status === 200;
		return await serve(['worker', `--concurrency=${concurrency}`], { port, extraEnv, isReady, label: 'n8n worker', timeoutMs });
	}

	/**
	 * Sets up the instance owner through the REST API (first start only),
	 * logs in and returns a small client with the auth cookie:
	 *   { cookie, get(path), post(path, body), testCredential(credential) }
	 * testCredential({ name, type, data }) -> { status: 'OK'|'Error', message }
	 * runs the credential type's `test` request exactly as the editor's
	 * "Test" button does (POST /rest/credentials/test).
	 */
	async function restOwnerLogin(url, owner = {}) {
		const email = owner.email || 'owner@e2e.test';
		const password = owner.password || 'E2e-Passw0rd!';
		const setup = await httpJson('POST', `${url}/rest/owner/setup`, {
			email,
			password,
			firstName: 'E2E',
			lastName: 'Owner',
		});
		let cookie = cookieFrom(setup);
		if (!cookie) {
			// Owner exists already (or setup answered without a cookie): log in.
			const login = await httpJson('POST', `${url}/rest/login`, { emailOrLdapLoginId: email, email, password });
			cookie = cookieFrom(login);
			if (!cookie) {
				throw new Error(`n8n login failed: setup ${setup.status} ${setup.text}; login ${login.status} ${login.text}`);
			}
		}
		const headers = { cookie, 'browser-id': 'e2e' };
		const client = {
			cookie,
			get: (p) => httpJson('GET', url + p, undefined, headers),
			post: (p, body) => httpJson('POST', url + p, body, headers),
			/** POST /rest/credentials -> the stored credential's id. */
			async createCredential({ name, type, data }) {
				const r = await client.post('/rest/credentials', { name, type, data });
				if (r.status !== 200 || !r.json?.data?.id) {
					throw new Error(`credential create HTTP ${r.status}: ${r.text}`);
				}
				return r.json.data.id;
			},
			/**
			 * Both n8n 1.123 and 2.41 test only a stored credential (the editor
			 * saves before it tests): without an `id` the credential is created
			 * first. `data` sent here is what gets tested.
			 */
			async testCredential(credential) {
				const id = credential.id || (await client.createCredential(credential));
				const r = await client.post('/rest/credentials/test', {
					credentials: { id, name: credential.name || '', type: credential.type, data: credential.data },
				});
				if (r.status !== 200) throw new Error(`credentials test HTTP ${r.status}: ${r.text}`);
				return { id, ...(r.json.data ?? r.json) };
			},
		};
		return client;
	}

	function cookieFrom(res) {
		const set = res.headers['set-cookie'] || [];
		const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		return auth || null;
	}

	/** Kills any n8n child still running (by PID) and removes the user folder. */
	function cleanup() {
		for (const c of children) killStarted(c.pid);
		if (!options.keep) fs.rmSync(userFolder, { recursive: true, force: true });
	}

	return {
		key,
		install: inst,
		userFolder,
		encryptionKey,
		env,
		cli,
		installPackage: (tgzPath) => installPackage(userFolder, tgzPath),
		importCredentials,
		importWorkflow,
		execute,
		executeBatch,
		start,
		startWorker,
		restOwnerLogin,
		cleanup,
	};
}

module.exports = {
	createN8n,
	installPackage,
	extractTgz,
	npmPack,
	parseExecuteOutput,
	nodeOutput,
	freePort,
	freePorts,
	httpJson,
	trackProcess,
	killStarted,
	killAllStarted,
	stillRunning,
};
