/*
 * What a user does and sees, one check each. `ctx` holds the page, the
 * editor URL, the emulator, the nodes as built (nodeTypes.ts), the
 * credential's copy and `shot(name)` for the README's pictures.
 */

import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

import * as editor from './editor';
import * as credential from './credential';
import * as expected from './expected';
import type { BuiltNode } from './nodeTypes';

const ROWS_CHECKED = 10;

/** What every check is given. */
interface Context {
	page: Page;
	url: string;
	emu: any;
	nodes: BuiltNode[];
	copy: credential.CredentialCopy;
	shot: (name: string, locator?: Locator) => Promise<void>;
}

/** A check: resolves to a note on what it saw, throws when what it saw is wrong. */
type Check = (ctx: Context) => Promise<string>;

/** The nodes panel lists the trigger without " Trigger" (its own heading says so). */
function panelName(node: BuiltNode): string {
	return node.isTrigger ? node.displayName.replace(/ Trigger$/, '') : node.displayName;
}

function nodeNamed(ctx: Context, name: string): BuiltNode {
	return ctx.nodes.find((n) => n.name === name)!;
}

async function nodesPanel(ctx: Context): Promise<string> {
	const { page, url, nodes } = ctx;
	await editor.newWorkflow(page, url);
	const listed = await editor.searchNodes(page, 'Tencent');
	for (const node of nodes) {
		assert.ok(listed.includes(panelName(node)), `the nodes panel lists "${panelName(node)}" (${node.file}); it lists: ${listed.join(', ')}`);
	}
	await ctx.shot('nodes-panel');
	return `lists ${nodes.map(panelName).join(', ')}`;
}

/** Opens a node from the searched panel at an operation's action; checks the node offers every action. */
async function addNodeAt(ctx: Context, nodeName: string, resource: string, operation: string): Promise<BuiltNode> {
	const node = nodeNamed(ctx, nodeName);
	const op = node.resources[resource].operations[operation];
	const actions = await editor.pickNodeAction(ctx.page, node.displayName, op.action);
	const offered = Object.values(node.resources).flatMap((r) => Object.values(r.operations).map((o) => o.action));
	for (const action of offered) assert.ok(actions.includes(action), `"${node.displayName}" offers the action "${action}"; it offers: ${actions.join(', ')}`);
	await editor.ndv(ctx.page);
	return node;
}

async function credentialTest(ctx: Context): Promise<string> {
	const { page, copy } = ctx;
	await addNodeAt(ctx, 'tencentChatOfficialAccount', 'subscriber', 'getAll');
	await page.getByTestId('node-credentials-empty-state').getByRole('button').first().click();
	const data = { sdkAppId: expected.DEMO.sdkAppId, baseUrl: ctx.emu.url, secretKey: `wrong-${expected.DEMO.secretKey}` };
	await credential.fillCredential(page, data, copy);
	const wrong = await credential.saveAndReadTest(page);
	assert.equal(wrong.ok, false, 'the Test must fail for a wrong Secret Key');
	assert.ok(wrong.text.includes(copy.wrongKeyMessage), `the dialog shows "${copy.wrongKeyMessage}"; it reads: ${wrong.text.slice(0, 600)}`);
	await credential.fillCredential(page, { ...data, secretKey: expected.DEMO.secretKey }, copy);
	const right = await credential.saveAndReadTest(page);
	assert.equal(right.ok, true, `the Test must pass with the right key; the dialog reads: ${right.text.slice(0, 600)}`);
	const success = await credential.reopenAndSeeSuccess(page);
	const exposure = await credential.secretExposure(page, expected.DEMO.secretKey);
	assert.deepEqual(exposure, { type: 'password', inField: false, inPage: false }, 'the Secret Key is a password field and not in the page');
	await ctx.shot('credential', credential.dialog(page));
	await credential.closeDialog(page);
	return `wrong key: "${copy.wrongKeyMessage}"; right key: "${success}"`;
}

/** Visible rows i hold the expected values i, in order. */
function assertRows(rows: string[], values: string[], what: string): void {
	assert.ok(rows.length >= values.length, `${what}: ${values.length} rows expected, the table shows ${rows.length}`);
	values.forEach((value, i) => assert.ok(rows[i].includes(value), `${what}: row ${i + 1} should show "${value}"; it reads "${rows[i].slice(0, 200)}"`));
}

/** Execute step with the default Limit; the panel says "N items" and the first rows match. */
async function runAndCompare(ctx: Context, what: string, values: string[], limit: number): Promise<string> {
	const { countText, rows } = await editor.executeStep(ctx.page);
	assert.match(countText, new RegExp(`^${limit} items?$`), `${what}: the panel should say ${limit} items; it says "${countText}"`);
	assertRows(rows, values, what);
	return `${countText}, rows 1-${values.length} as the emulator holds them`;
}

function defaultLimit(node: BuiltNode): number {
	return node.properties.find((p) => p.name === 'limit').default;
}

async function subscribersGetMany(ctx: Context): Promise<string> {
	const node = nodeNamed(ctx, 'tencentChatOfficialAccount');
	await editor.fillParameter(ctx.page, 'officialAccount', expected.DEMO.officialAccountId);
	const note = await runAndCompare(ctx, 'Subscriber Get Many', await expected.subscriberIds(ctx.emu, ROWS_CHECKED), defaultLimit(node));
	await ctx.shot('official-account');
	return note;
}

/**
 * Each resource and operation of the open node, picked in the dropdowns: its parameters show. Then
 * `restore` sets the node back as it ran, so later Execute steps (which run it again) still work.
 */
async function everyOperation(ctx: Context, nodeName: string, restore: (page: Page) => Promise<void>): Promise<string> {
	const node = nodeNamed(ctx, nodeName);
	let count = 0;
	for (const resource of Object.values(node.resources)) {
		if (Object.keys(node.resources).length > 1) await editor.chooseOption(ctx.page, 'resource', resource.name);
		for (const operation of Object.values(resource.operations)) {
			await editor.chooseOption(ctx.page, 'operation', operation.name);
			const text = await editor.parametersText(ctx.page);
			for (const label of operation.parameters) {
				assert.ok(text.includes(label), `${node.displayName} ${resource.name} > ${operation.name} shows "${label}"; the panel reads: ${text.slice(0, 400)}`);
			}
			count += 1;
		}
	}
	await restore(ctx.page);
	await editor.closeNdv(ctx.page);
	return `${count} operations, each with its parameters`;
}

async function membersGetMany(ctx: Context): Promise<string> {
	const node = await openNode(ctx, 'tencentChatGroupMembers', 'member', 'getAll');
	await editor.pickFromList(ctx.page, 'groupId', expected.publicGroupName());
	const note = await runAndCompare(ctx, 'Member Get Many', await expected.memberIds(ctx.emu, ROWS_CHECKED), defaultLimit(node));
	await ctx.shot('group-members');
	return note;
}

async function messagesGetMany(ctx: Context): Promise<string> {
	const node = await openNode(ctx, 'tencentChatOfficialAccount', 'message', 'getAll');
	await editor.fillParameter(ctx.page, 'officialAccount', expected.DEMO.officialAccountId);
	const note = await runAndCompare(ctx, 'Message Get Many', await expected.messageTexts(ctx.emu, ROWS_CHECKED), defaultLimit(node));
	await editor.closeNdv(ctx.page);
	return note;
}

/** Back to Subscriber > Get Many on the demo account. */
function restoreSubscribers(ctx: Context): (page: Page) => Promise<void> {
	const { resources } = nodeNamed(ctx, 'tencentChatOfficialAccount');
	return async (page: Page) => {
		await editor.chooseOption(page, 'resource', resources.subscriber.name);
		await editor.chooseOption(page, 'operation', resources.subscriber.operations.getAll.name);
		await editor.fillParameter(page, 'officialAccount', expected.DEMO.officialAccountId);
	};
}

/** Back to Member > Get Many on the demo Public group. */
function restoreMembers(ctx: Context): (page: Page) => Promise<void> {
	const { resources } = nodeNamed(ctx, 'tencentChatGroupMembers');
	return async (page: Page) => {
		await editor.chooseOption(page, 'operation', resources.member.operations.getAll.name);
		await editor.pickFromList(page, 'groupId', expected.publicGroupName());
	};
}

/** Adds a node right after the Manual Trigger (so it runs once), at an action, from the nodes panel. */
async function openNode(ctx: Context, nodeName: string, resource: string, operation: string): Promise<BuiltNode> {
	await editor.selectManualTrigger(ctx.page);
	await editor.searchNodes(ctx.page, 'Tencent');
	return await addNodeAt(ctx, nodeName, resource, operation);
}

async function triggerPanel(ctx: Context): Promise<string> {
	const node = ctx.nodes.find((n) => n.isTrigger)!;
	await editor.searchNodes(ctx.page, 'Tencent');
	await ctx.page.getByTestId('node-creator-item-name').filter({ hasText: editor.exactly(panelName(node)) }).click();
	const triggers = ctx.page.locator('[data-keyboard-nav-type="action"]');
	if (await triggers.first().isVisible().catch(() => false)) await triggers.first().click();
	await editor.ndv(ctx.page);
	const text = await editor.parametersText(ctx.page);
	const labels = node.properties.filter((p) => p.type !== 'notice' && !p.displayOptions).map((p) => p.displayName);
	for (const label of labels) assert.ok(text.includes(label), `${node.displayName} shows "${label}"; the panel reads: ${text.slice(0, 400)}`);
	await ctx.shot('trigger');
	await editor.closeNdv(ctx.page);
	return `shows ${labels.join(', ')}`;
}

/** In order: each needs the one before (the credential is made once, the nodes are added to one workflow). */
const CHECKS: [string, Check][] = [
	['the nodes panel lists every node for "Tencent"', nodesPanel],
	['the credential Test fails with the wrong-key message, then succeeds', credentialTest],
	['Official Account: Subscriber > Get Many runs and shows the subscribers', subscribersGetMany],
	['Official Account: every resource and operation shows its parameters', (ctx) => everyOperation(ctx, 'tencentChatOfficialAccount', restoreSubscribers(ctx))],
	['Group Members: Member > Get Many runs and shows the members', membersGetMany],
	['Group Members: every operation shows its parameters', (ctx) => everyOperation(ctx, 'tencentChatGroupMembers', restoreMembers(ctx))],
	['Official Account: Message > Get Many runs and shows the messages', messagesGetMany],
	['Trigger: its panel shows its parameters', triggerPanel],
];

export { CHECKS, panelName, type Context, type Check };
