/*
 * Secret-leak scanner for what n8n prints and writes.
 *
 *   const scanner = createLeakScanner({ secrets: { 'the e2e app': 'key…' } });
 *   const problems = scanner.scan([{ label: 'stdout', text }, ...]); // [] when clean
 *
 * A text leaks when it holds
 *   - a secret key as is, URL-encoded or in base64;
 *   - a `usersig=` query parameter with a value;
 *   - a UserSig: every run of >= 100 characters from [A-Za-z0-9*_-] (the
 *     alphabet of Tencent's URL-safe base64) is decoded with the emulator's
 *     decodeUserSig, from its start and from every "eJ" in it (a zlib stream
 *     in base64 starts with "eJ", so a ticket glued to other text is found
 *     too); a run that inflates only in part (a ticket cut short) counts when
 *     what it gives holds a "TLS." ticket field.
 * Problems name the text and the kind of leak, never the secret itself.
 */

import zlib from 'node:zlib';
import { decodeUserSig, signUserSig } from '../../emulator';

export interface Text {
	label: string;
	text: string | undefined;
}

const LONG_RUN = /[A-Za-z0-9*_-]{100,}/g;
const USERSIG_QUERY = /usersig=[^&\s"'<>\\]/i;
const TICKET_FIELD = /"TLS\.(?:sig|identifier|sdkappid|time|expire)"/;

function partialTicket(candidate: string): boolean {
	const b64 = candidate.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=').replace(/=+(?=[^=])/g, '');
	let text: string;
	try {
		text = zlib
			.inflateSync(Buffer.from(b64, 'base64'), { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 1 << 16 })
			.toString('latin1');
	} catch {
		return false;
	}
	return TICKET_FIELD.test(text);
}

/** A UserSig inside one run of ticket characters: { offset, doc? } or null. */
export function ticketInRun(run: string): { offset: number; doc?: any } | null {
	const starts: number[] = [0];
	for (let i = run.indexOf('eJ', 1); i !== -1; i = run.indexOf('eJ', i + 1)) starts.push(i);
	for (const offset of starts) {
		const candidate = run.slice(offset);
		const decoded: any = decodeUserSig(candidate); // { doc } or { code, info }
		if (decoded.doc) return { offset, doc: decoded.doc };
		if (partialTicket(candidate)) return { offset };
	}
	return null;
}

/** A scanner for the given secrets; `stats` counts what it read. */
export function createLeakScanner({ secrets }: { secrets: Record<string, string> }) {
	const needles: { name: string; form: string }[] = [];
	for (const [name, secret] of Object.entries(secrets)) {
		if (!secret) continue;
		const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
		for (const form of forms) needles.push({ name, form });
	}
	const stats = { texts: 0, bytes: 0, longRuns: 0 };

	function scanText(label: string, text: string | undefined): string[] {
		const problems: string[] = [];
		if (typeof text !== 'string' || text.length === 0) return problems;
		stats.texts++;
		stats.bytes += text.length;
		for (const { name, form } of needles) {
			if (text.includes(form)) problems.push(`${label}: holds the secret key of ${name}`);
		}
		const q = USERSIG_QUERY.exec(text);
		if (q) problems.push(`${label}: holds a "usersig=" query with a value at character ${q.index}`);
		for (const m of text.matchAll(LONG_RUN)) {
			stats.longRuns++;
			const found = ticketInRun(m[0]);
			if (found) {
				const who = found.doc ? ` (a ticket for SDKAppID ${found.doc['TLS.sdkappid']}, identifier "${found.doc['TLS.identifier']}")` : ' (part of a ticket)';
				problems.push(`${label}: holds a UserSig${who} at character ${m.index + found.offset}`);
			}
		}
		return problems;
	}

	/** texts: [{ label, text }] -> problems (strings). */
	function scan(texts: Text[]): string[] {
		return texts.flatMap(({ label, text }) => scanText(label, text));
	}

	return { scan, stats };
}

/** Proves the scanner finds what it looks for (and nothing in clean text); throws otherwise. */
export function selfTest(): void {
	const key = 'selftest-key-0123456789abcdef';
	const sig = signUserSig({ sdkAppId: 1400000009, secretKey: key, identifier: 'administrator' });
	const scanner = createLeakScanner({ secrets: { 'the self-test app': key } });
	const must: Record<string, string> = {
		'a UserSig alone': `{"url":"x"} ${sig} end`,
		'a UserSig glued to text': `Bearer_abc${sig}xyz`,
		'a UserSig cut short': sig.slice(0, Math.max(100, Math.floor(sig.length * 0.7))),
		'a UserSig in JSON run data': JSON.stringify({ json: { options: { qs: { usersig: sig } } } }, null, 2),
		'a usersig= query': 'GET /v4/a/b?sdkappid=1&identifier=administrator&usersig=abc&random=1',
		'the secret key': `error: bad key ${key}`,
		'the secret key in base64': Buffer.from(key).toString('base64'),
	};
	for (const [what, text] of Object.entries(must)) {
		if (scanner.scan([{ label: what, text }]).length === 0) throw new Error(`leak scanner self-test: it missed ${what}`);
	}
	const clean = [
		'A'.repeat(300),
		Buffer.from('x'.repeat(400)).toString('base64').replace(/[+/=]/g, '_'),
		'usersig=&random=1 and usersig= alone',
		`eJ${'q'.repeat(200)}`,
	].join('\n');
	const falsePositives = scanner.scan([{ label: 'clean text', text: clean }]);
	if (falsePositives.length) throw new Error(`leak scanner self-test: false positives ${falsePositives.join('; ')}`);
	if (ticketInRun(sig)?.doc?.['TLS.sdkappid'] !== 1400000009) throw new Error('leak scanner self-test: ticket not decoded');
}

