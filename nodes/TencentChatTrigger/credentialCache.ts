import type { IWebhookFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, readCredentials, type ChatCredentials } from '../shared/credentials';

/**
 * How long a callback reuses the credential read by an earlier one. n8n 2.x starts a fresh expression
 * isolate for every credential read in a webhook, which at 20 callbacks a second costs more than the rest
 * of the callback; an edited credential (a new Callback Token) applies to callbacks after this time.
 */
export const CREDENTIAL_REUSE_MS = 2000;
const MAX_ENTRIES = 100;

interface Entry {
	credentials: ChatCredentials;
	readAtMs: number;
}

const recent = new Map<string, Entry>();

function forgetExpired(nowMs: number): void {
	for (const [key, entry] of recent) if (nowMs - entry.readAtMs >= CREDENTIAL_REUSE_MS) recent.delete(key);
}

/** The node's credential, checked; reused for CREDENTIAL_REUSE_MS per stored credential. Throws if incomplete. */
export async function callbackCredentials(ctx: IWebhookFunctions, nowMs: number): Promise<ChatCredentials> {
	const id = ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	const key = id ? `${ctx.getWorkflow().id ?? ''}:${id}` : undefined;
	const entry = key ? recent.get(key) : undefined;
	if (entry && nowMs - entry.readAtMs < CREDENTIAL_REUSE_MS && nowMs >= entry.readAtMs) return entry.credentials;
	const credentials = readCredentials(await ctx.getCredentials(CREDENTIAL_TYPE));
	if (key) {
		if (recent.size >= MAX_ENTRIES) forgetExpired(nowMs);
		recent.set(key, { credentials, readAtMs: nowMs });
	}
	return credentials;
}
