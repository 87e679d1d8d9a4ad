import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { REGIONS, isKnownRegion } from './regions';

export const CREDENTIAL_TYPE = 'tencentCloudChatApi';

/** The credential's fields, trimmed and checked: a stray space would make every ticket invalid. */
export interface ChatCredentials {
	sdkAppId: number;
	identifier: string;
	secretKey: string;
	baseUrl: string;
	/** The console's callback token ('' when not set): the Tencent Chat Trigger checks callbacks' Sign with it. */
	callbackToken: string;
}

/** A credential field is missing or malformed. The message names the field and says how to fix it. */
export class CredentialSetupError extends Error {
	constructor(
		message: string,
		readonly field: string,
	) {
		super(message);
		this.name = 'CredentialSetupError';
	}
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function parseSdkAppId(value: unknown): number {
	const raw = text(value);
	if (!/^\d{1,12}$/.test(raw) || Number(raw) === 0) {
		throw new CredentialSetupError(
			`${raw ? `The SDKAppID "${raw}" is not a number.` : 'The SDKAppID is empty.'} Copy the SDKAppID (for example 1400000001) from the Tencent Cloud Chat console's application list.`,
			'sdkAppId',
		);
	}
	return Number(raw);
}

function parseBaseUrl(region: string, customUrl: unknown): string {
	if (isKnownRegion(region)) return `https://${REGIONS[region].domain}`;
	if (region !== 'custom') {
		const known = [...Object.keys(REGIONS), 'custom'].join(', ');
		throw new CredentialSetupError(
			`The region "${region}" is unknown. Choose one of: ${known}.`,
			'region',
		);
	}
	const raw = text(customUrl).replace(/\/+$/, '');
	// Never echo a user name or password that was typed into the URL.
	const shown = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@]*@/i, '$1');
	if (!raw) {
		throw new CredentialSetupError(
			'The region is "Custom" but the Base URL is empty. Enter a full URL such as https://console.tim.qq.com or http://127.0.0.1:8080.',
			'baseUrl',
		);
	}
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	if (!url) {
		throw new CredentialSetupError(
			`The Base URL "${shown}" is not a valid URL. Enter a full URL with http:// or https://, such as http://127.0.0.1:8080.`,
			'baseUrl',
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CredentialSetupError(
			`The Base URL "${shown}" must start with http:// or https://.`,
			'baseUrl',
		);
	}
	if (url.username || url.password || raw !== shown) {
		throw new CredentialSetupError(
			`The Base URL "${shown}" contains a user name or password. Remove the part before the @: the node signs every request itself.`,
			'baseUrl',
		);
	}
	return raw;
}

export function readCredentials(data: ICredentialDataDecryptedObject): ChatCredentials {
	const sdkAppId = parseSdkAppId(data.sdkAppId);
	const identifier = text(data.identifier) || 'administrator';
	const secretKey = text(data.secretKey);
	if (!secretKey) {
		throw new CredentialSetupError(
			'The Secret Key is empty. Copy the key from the Tencent Cloud Chat console (Application Configuration > Basic Information).',
			'secretKey',
		);
	}
	const baseUrl = parseBaseUrl(text(data.region) || 'china', data.baseUrl);
	const callbackToken = text(data.callbackToken);
	return { sdkAppId, identifier, secretKey, baseUrl, callbackToken };
}
