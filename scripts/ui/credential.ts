/*
 * The credential dialog, as a user fills it from a node: SDKAppID, Region
 * "Custom" with the emulator's URL as Base URL, the Secret Key; Save runs
 * the credential's Test. Expected texts come from the built credential.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { REPO } from '../e2e/install';
import { builtClass } from './nodeTypes';

const WRONG_KEY_CODE = 70009; // account_check: the UserSig's HMAC does not match (https://trtc.io/document/34348)

/** What the dialog shows, from the built credential. */
interface CredentialCopy {
	displayName: string;
	customRegion: string;
	wrongKeyMessage: string;
}

/** The built credential: its display name, the Custom region's name and the Test's message for a wrong key. */
function credentialCopy(): CredentialCopy {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	const credential = new (builtClass(pkg.n8n.credentials[0]))();
	const region = credential.properties.find((p) => p.name === 'region');
	const wrongKeyRule = credential.test.rules.find((r) => r.properties.key === 'ErrorCode' && r.properties.value === WRONG_KEY_CODE);
	return {
		displayName: credential.displayName,
		customRegion: region.options.find((o) => o.value === 'custom').name,
		wrongKeyMessage: wrongKeyRule.properties.message,
	};
}

function dialog(page: Page): Locator {
	return page.getByTestId('editCredential-modal');
}

/** Fills the dialog's fields. */
async function fillCredential(page: Page, { sdkAppId, baseUrl, secretKey }: { sdkAppId: number | string; baseUrl: string; secretKey: string }, copy: CredentialCopy): Promise<void> {
	const modal = dialog(page);
	await modal.getByTestId('parameter-input-sdkAppId').locator('input').fill(String(sdkAppId));
	await modal.getByTestId('parameter-input-region').click();
	await page.getByRole('option').filter({ hasText: new RegExp(`^\\s*${copy.customRegion}`) }).filter({ visible: true }).click();
	await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(baseUrl);
	await modal.getByTestId('parameter-input-secretKey').locator('input').fill(secretKey);
}

/** Saves; resolves to the Test's banner text ("Couldn't connect ..." with its details, or the success line). */
async function saveAndReadTest(page: Page): Promise<{ ok: boolean; text: string }> {
	const modal = dialog(page);
	await modal.getByTestId('credential-save-button').click();
	const failed = modal.getByText('More details');
	const closed = modal.waitFor({ state: 'hidden', timeout: 60000 }).then(() => 'closed');
	const outcome = await Promise.race([failed.waitFor({ timeout: 60000 }).then(() => 'failed'), closed]);
	if (outcome === 'closed') return { ok: true, text: '' };
	await failed.click();
	return { ok: false, text: (await modal.innerText()).replace(/\s+/g, ' ') };
}

/** Opens the node's selected credential again (the pencil) and waits for the Test's success line. */
async function reopenAndSeeSuccess(page: Page): Promise<string> {
	await page.getByTestId('ndv').getByTestId('credential-edit-button').click();
	const success = dialog(page).getByTestId('credentials-config-container-test-success');
	await success.waitFor({ timeout: 60000 });
	await page.waitForTimeout(500); // the banner's Retry button fades in (for the picture)
	return (await success.innerText()).trim().split('\n')[0].trim();
}

/** What the dialog exposes of the secret: the field's type and whether the key is anywhere in the page. */
async function secretExposure(page: Page, secretKey: string) {
	const field = dialog(page).getByTestId('parameter-input-secretKey').locator('input');
	const value = await field.inputValue();
	return { type: await field.getAttribute('type'), inField: value.includes(secretKey), inPage: (await page.content()).includes(secretKey) };
}

async function closeDialog(page: Page): Promise<void> {
	// Escape would close the node's panel too.
	await dialog(page).getByRole('button', { name: 'Close this dialog' }).click();
	await dialog(page).waitFor({ state: 'hidden' });
}

export { type CredentialCopy, credentialCopy, dialog, fillCredential, saveAndReadTest, reopenAndSeeSuccess, secretExposure, closeDialog };
