import { createHash, timingSafeEqual } from 'crypto';

/** What a callback is checked against: the credential's SDKAppID and Callback Token, and the Max Request Age. */
export interface VerifySettings {
	sdkAppId: number;
	callbackToken: string;
	maxAgeSeconds: number;
	nowSeconds: number;
}

/** A check that failed: why (for the reply and the log; never the body or the expected signature). */
export interface Refusal {
	reason: string;
}

function single(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** Sign = hex(sha256(token + RequestTime)) (https://trtc.io/document/34354). */
export function callbackSign(token: string, requestTime: string): string {
	return createHash('sha256').update(`${token}${requestTime}`).digest('hex');
}

/** Constant-time comparison; digests first, so inputs of any length compare in the same time. */
function sameSign(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * Checks a callback's query parameters. SdkAppid must be the credential's SDKAppID; with a Callback Token,
 * Sign must match and RequestTime must be within Max Request Age of now (either way: replays and clock skew).
 * Without a token a Sign is not checked: anyone who knows the URL could send it.
 */
export function verifyCallback(query: Record<string, unknown>, settings: VerifySettings): Refusal | undefined {
	const appId = single(query.SdkAppid);
	if (appId === undefined || appId.trim() !== String(settings.sdkAppId)) {
		return { reason: 'SdkAppid is not the SDKAppID of the credential' };
	}
	if (!settings.callbackToken) return undefined;
	const sign = single(query.Sign);
	const requestTime = single(query.RequestTime);
	if (!sign || !requestTime) return { reason: 'Sign or RequestTime is missing, but the credential has a Callback Token' };
	if (!/^\d{1,12}$/.test(requestTime)) return { reason: 'RequestTime is not a Unix time in seconds' };
	if (!sameSign(sign.toLowerCase(), callbackSign(settings.callbackToken, requestTime))) {
		return { reason: 'Sign does not match the Callback Token' };
	}
	if (Math.abs(settings.nowSeconds - Number(requestTime)) > settings.maxAgeSeconds) {
		return { reason: `RequestTime is more than ${settings.maxAgeSeconds} s away from the time of this n8n` };
	}
	return undefined;
}
