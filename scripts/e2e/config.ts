// What every version's run sets up: the emulator's accounts and groups, the credentials, the secrets to look for.
import crypto from 'node:crypto';
import { datasets } from '../../emulator';
import type { StartOptions } from '../../emulator';
import { APP, CRED, CRED_TYPE, credentialData } from './workflows';
import type { CredentialRef } from './workflows';
import { GROUP_SPEC } from './cases/groupMembers';
import { TOKEN } from './cases/trigger';

export const DEMO = datasets.demo;
export const WRONG_KEY = `e2e-wrong-key-${crypto.randomBytes(12).toString('hex')}`;
export const UNKNOWN_APP_ID = 1400099999;

/** The credentials every version imports. DEMO_CRED is what examples/*.json reference. */
export const DEMO_CRED: CredentialRef = { id: 'tencent-chat-demo', name: 'Tencent Cloud Chat API' };
export const WRONG_KEY_CRED: CredentialRef = { id: 'e2eCredWrongKey1', name: 'Tencent Chat (wrong key)' };

/** The three credentials to import, for the emulator at `url`. */
export function credentialsFor(url: string) {
	return [
		{ ...CRED, type: CRED_TYPE, data: credentialData(url) },
		{ ...DEMO_CRED, type: CRED_TYPE, data: credentialData(url, { sdkAppId: DEMO.sdkAppId, secretKey: DEMO.secretKey }) },
		{ ...WRONG_KEY_CRED, type: CRED_TYPE, data: credentialData(url, { secretKey: WRONG_KEY }) },
	];
}

/** Secrets that must never appear in anything n8n prints or writes. */
export const SECRETS = {
	'the e2e app': APP.secretKey,
	'the demo app': DEMO.secretKey,
	'the wrong-key credential': WRONG_KEY,
	'the callback token': TOKEN,
};

export const HOLES = [5, 30];
export const RECALLED = [7, 44];
export const BIG = 5000;

export const EMULATOR_OPTIONS: StartOptions = {
	port: 0,
	logBodies: true,
	apps: [APP],
	seed: 'demo', // the demo app (1400000001) with @TOA#_demo_news (3,000), its groups (730 and 1,234 members)
	officialAccounts: [
		{ id: '@TOA#_e2e', subscribers: 401, messages: { count: 60, holes: HOLES, recalled: RECALLED } },
		{ id: '@TOA#_e2elimit', subscribers: 401 },
		{ id: '@TOA#_e2econt', subscribers: 401 },
		{ id: '@TOA#_e2ebig', subscribers: BIG },
		{ id: '@TOA#_crm', subscribers: ['existing1', 'existing2'] },
		{ id: '@TOA#_crmrm', subscribers: ['existing1', 'existing2'] },
	],
	groups: [
		{ id: '@TGS#e2epub', type: 'Public', members: 230 },
		{ id: '@TGS#_e2ecomm', type: 'Community', members: 250, customFields: ['Level', 'Team'] },
		GROUP_SPEC,
	],
};
