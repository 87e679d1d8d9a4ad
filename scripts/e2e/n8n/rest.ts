// n8n's REST API as the editor uses it: the owner's login, credentials, their `test` request.
import { httpJson } from './http';
import type { HttpAnswer } from './http';

export interface CredentialInput {
	id?: string;
	name?: string;
	type: string;
	data: Record<string, unknown>;
}

export interface RestClient {
	cookie: string;
	get(path: string): Promise<HttpAnswer>;
	post(path: string, body: unknown): Promise<HttpAnswer>;
	createCredential(credential: CredentialInput): Promise<string>;
	testCredential(credential: CredentialInput): Promise<{ id: string; status?: string; message?: string }>;
}

function cookieFrom(res: HttpAnswer): string | null {
	const set = res.headers['set-cookie'] || [];
	const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	return auth || null;
}

/** Sets up the instance owner (first start only), or logs in when it exists: the auth cookie. */
async function ownerCookie(url: string, email: string, password: string): Promise<string> {
	const setup = await httpJson('POST', `${url}/rest/owner/setup`, { email, password, firstName: 'E2E', lastName: 'Owner' });
	const cookie = cookieFrom(setup);
	if (cookie) return cookie;
	// Owner exists already (or setup answered without a cookie): log in.
	const login = await httpJson('POST', `${url}/rest/login`, { emailOrLdapLoginId: email, email, password });
	const loggedIn = cookieFrom(login);
	if (!loggedIn) throw new Error(`n8n login failed: setup ${setup.status} ${setup.text}; login ${login.status} ${login.text}`);
	return loggedIn;
}

/**
 * Logs in as the instance owner and returns a small client with the auth cookie.
 * testCredential({ name, type, data }) -> { status: 'OK'|'Error', message } runs the credential
 * type's `test` request exactly as the editor's "Test" button does (POST /rest/credentials/test).
 */
export async function restOwnerLogin(url: string, owner: { email?: string; password?: string } = {}): Promise<RestClient> {
	const cookie = await ownerCookie(url, owner.email || 'owner@e2e.test', owner.password || 'E2e-Passw0rd!');
	const headers = { cookie, 'browser-id': 'e2e' };
	const client: RestClient = {
		cookie,
		get: (p) => httpJson('GET', url + p, undefined, headers),
		post: (p, body) => httpJson('POST', url + p, body, headers),
		/** POST /rest/credentials -> the stored credential's id. */
		async createCredential({ name, type, data }) {
			const r = await client.post('/rest/credentials', { name, type, data });
			if (r.status !== 200 || !r.json?.data?.id) throw new Error(`credential create HTTP ${r.status}: ${r.text}`);
			return r.json.data.id;
		},
		// Both n8n 1.123 and 2.41 test only a stored credential (the editor saves before it tests): without
		// an `id` the credential is created first. `data` sent here is what gets tested.
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
