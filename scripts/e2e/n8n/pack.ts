// The package as n8n gets it: `npm pack`, unpacked the way n8n's community-package installer lays it out.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

/**
 * Runs `npm pack` in `pkgDir`, writes the .tgz to `outDir`; returns its path.
 * (`npm pack` runs no install lifecycle script; our package has only prepublishOnly.)
 */
export function npmPack(pkgDir: string, outDir: string): string {
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

const cstr = (buf: Buffer): string => {
	const z = buf.indexOf(0);
	return buf.toString('utf8', 0, z === -1 ? buf.length : z);
};

/** The `path` of a pax extended header ("<len> key=value\n" records), or null. */
function paxPath(body: Buffer): string | null {
	const text = body.toString('utf8');
	let found: string | null = null;
	for (let i = 0; i < text.length; ) {
		const sp = text.indexOf(' ', i);
		const len = parseInt(text.slice(i, sp), 10);
		if (!len) break;
		const rec = text.slice(sp + 1, i + len - 1);
		const eq = rec.indexOf('=');
		if (rec.slice(0, eq) === 'path') found = rec.slice(eq + 1);
		i += len;
	}
	return found;
}

interface TarEntry {
	name: string;
	mode: number;
	type: string;
	body: Buffer;
}

/** The entries of an uncompressed tar: ustar prefixes, pax `path` and GNU long names applied. */
function tarEntries(data: Buffer): TarEntry[] {
	const entries: TarEntry[] = [];
	let off = 0;
	let nextName: string | null = null;
	while (off + 512 <= data.length) {
		const h = data.subarray(off, off + 512);
		if (h.every((b) => b === 0)) break;
		const prefix = cstr(h.subarray(345, 500));
		const name = prefix ? `${prefix}/${cstr(h.subarray(0, 100))}` : cstr(h.subarray(0, 100));
		const size = parseInt(cstr(h.subarray(124, 136)).trim() || '0', 8);
		const mode = parseInt(cstr(h.subarray(100, 108)).trim() || '644', 8);
		const type = h[156] === 0 ? '0' : String.fromCharCode(h[156]);
		const body = data.subarray(off + 512, off + 512 + size);
		off += 512 + Math.ceil(size / 512) * 512;
		if (type === 'x') nextName = paxPath(body) ?? nextName;
		else if (type === 'L') nextName = cstr(body);
		else if (type !== 'g') {
			entries.push({ name: nextName || name, mode, type, body });
			nextName = null;
		}
	}
	return entries;
}

/**
 * Extracts a gzipped tar (as `npm pack` makes) into `destDir`, dropping the
 * leading `package/` folder. Handles ustar prefixes, pax `path` and GNU long names.
 */
export function extractTgz(tgzPath: string, destDir: string): void {
	const root = path.resolve(destDir);
	fs.mkdirSync(root, { recursive: true });
	for (const { name, mode, type, body } of tarEntries(zlib.gunzipSync(fs.readFileSync(tgzPath)))) {
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

export interface InstalledPackage {
	name: string;
	version: string;
	dir: string;
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
 * puts its module paths on NODE_PATH).
 */
export function installPackage(userFolder: string, tgzPath: string): InstalledPackage {
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
