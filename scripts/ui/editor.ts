/*
 * Steps a user takes in n8n 2.x's workflow editor, on a playwright page.
 * Selectors are the editor's own `data-test-id`s (found in the running
 * editor), plus visible text where the editor has no id.
 */

import { selectors, type BrowserContext, type Page } from 'playwright-core';

// The functions handed to the page run in the browser; this file is checked without the DOM's types.
declare const window: any;
declare const document: any;
declare const MutationObserver: any;

const TIMEOUT_MS = 30000;

/** Playwright's getByTestId() reads n8n's attribute. */
function useN8nTestIds() {
	selectors.setTestIdAttribute('data-test-id');
}

/** An exact, whole-text match for a visible name. */
function exactly(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/**
 * Records every error toast and error box the editor shows, as it appears
 * (a MutationObserver in the page), so a step cannot miss one that fades.
 */
async function watchErrors(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		window.__uiErrors = [];
		const seen = new WeakSet();
		const check = () => {
			for (const el of document.querySelectorAll('.el-notification, .el-message--error, [data-test-id="node-error-message"]')) {
				if (seen.has(el)) continue;
				const isError = el.matches('.el-message--error, [data-test-id="node-error-message"]') || el.querySelector('.el-notification--error');
				if (!isError) continue;
				seen.add(el);
				window.__uiErrors.push(el.innerText.trim().replace(/\s+/g, ' '));
			}
		};
		new MutationObserver(check).observe(document, { childList: true, subtree: true });
	});
}

/** The error toasts and messages shown since the last call (and forgets them). */
async function takeErrors(page: Page): Promise<string[]> {
	return await page.evaluate(() => window.__uiErrors.splice(0));
}

/** A new workflow with a Manual Trigger, the way a user starts one. */
async function newWorkflow(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/workflow/new`);
	await page.getByTestId('node-creator-plus-button').click({ timeout: 60000 });
	await page.getByTestId('node-creator-search-bar').fill('manual');
	await page.getByTestId('node-creator-item-name').filter({ hasText: exactly('Manual Trigger') }).click();
}

/** Selects the workflow's Manual Trigger on the canvas: the next node added follows it. */
async function selectManualTrigger(page: Page): Promise<void> {
	await page.getByTestId('canvas-trigger-node').first().click();
}

/** Opens the nodes panel and searches; returns the names it lists. */
async function searchNodes(page: Page, query: string): Promise<string[]> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	const names = page.getByTestId('node-creator').getByTestId('node-creator-item-name');
	await names.filter({ hasText: query }).first().waitFor();
	return (await names.allInnerTexts()).map((t) => t.trim());
}

/** In the searched nodes panel: opens a node, returns its action names, clicks `action` (if given). */
async function pickNodeAction(page: Page, nodeName: string, action?: string): Promise<string[]> {
	await page.getByTestId('node-creator-item-name').filter({ hasText: exactly(nodeName) }).click();
	const actions = page.locator('[data-keyboard-nav-type="action"]').getByTestId('node-creator-item-name');
	await actions.first().waitFor();
	const names = (await actions.allInnerTexts()).map((t) => t.trim());
	if (action) await actions.filter({ hasText: exactly(action) }).click();
	return names;
}

/** The node details view (NDV), once open. */
async function ndv(page: Page) {
	const view = page.getByTestId('ndv');
	await view.waitFor({ timeout: TIMEOUT_MS });
	return view;
}

/** Picks an option of an options parameter by its visible name. */
async function chooseOption(page: Page, parameterName: string, optionName: string): Promise<void> {
	await page.getByTestId('ndv').getByTestId(`parameter-input-${parameterName}`).click();
	// An option's accessible name includes its description: match its title line.
	await page.getByRole('option').filter({ visible: true }).filter({ has: page.getByText(optionName, { exact: true }) }).click();
}

/** Types a value into a text parameter of the NDV. */
async function fillParameter(page: Page, parameterName: string, value: string): Promise<void> {
	await page.getByTestId('ndv').getByTestId(`parameter-input-${parameterName}`).locator('input, textarea').first().fill(value);
}

/** Picks `label` in a resource locator's From List mode. */
async function pickFromList(page: Page, parameterName: string, label: string): Promise<void> {
	await page.getByTestId('ndv').getByTestId(`resource-locator-${parameterName}`).getByTestId('rlc-input').click();
	await page.getByTestId('rlc-item').filter({ hasText: label }).first().click();
}

/** The visible text of the NDV's parameters pane. */
async function parametersText(page: Page): Promise<string> {
	return await page.getByTestId('ndv').getByTestId('node-parameters').innerText();
}

/**
 * Clicks Execute step and waits for the output table; returns the item count
 * the panel states and the visible rows' texts.
 */
async function executeStep(page: Page): Promise<{ countText: string; rows: string[] }> {
	const view = page.getByTestId('ndv');
	await view.getByTestId('node-execute-button').click();
	const output = view.getByTestId('output-panel');
	const count = output.getByTestId('ndv-items-count');
	const shownError = page.waitForFunction(() => window.__uiErrors.length > 0, null, { timeout: 60000 });
	const outcome = await Promise.race([count.waitFor({ timeout: 60000 }).then(() => 'items'), shownError.then(() => 'error')]).catch(() => 'timeout');
	if (outcome !== 'items') {
		throw new Error(`Execute step showed no items (${outcome}); the output panel reads: ${(await output.innerText()).slice(0, 800)}`);
	}
	const tableButton = output.getByTestId('radio-button-table');
	if (await tableButton.isVisible()) await tableButton.click();
	const rows = output.locator('table tbody tr');
	await rows.first().waitFor();
	return { countText: (await count.innerText()).trim(), rows: (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()) };
}

/** Closes the NDV (back to the canvas). */
async function closeNdv(page: Page): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

export {
	useN8nTestIds,
	exactly,
	watchErrors,
	takeErrors,
	newWorkflow,
	selectManualTrigger,
	searchNodes,
	pickNodeAction,
	ndv,
	chooseOption,
	fillParameter,
	pickFromList,
	parametersText,
	executeStep,
	closeNdv,
};
