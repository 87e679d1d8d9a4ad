// Checks one case's run against its data: success or the expected error, the items, the calls, then its check.
import assert from 'node:assert/strict';
import { expectFailure, expectSuccess, outputItems } from '../workflows';
import type { RunResult } from '../workflows';
import type { CaseContext, E2eCase, ExpectedCalls, ExpectedError, ExpectedItems } from './types';

const sortedIf = (list: unknown[], sorted?: boolean): unknown[] => (sorted ? [...list].sort() : list);

async function expected(equals: ExpectedItems['equals'], ctx: CaseContext): Promise<unknown[]> {
	return typeof equals === 'function' ? await equals(ctx) : equals;
}

async function checkItems(res: RunResult, ctx: CaseContext, spec: ExpectedItems): Promise<void> {
	const got = outputItems(res.json, spec.node, spec.output).map(spec.pick ?? ((item) => item.json));
	const want = await expected(spec.equals, ctx);
	assert.deepEqual(sortedIf(got, spec.sorted), sortedIf(want, spec.sorted), `${spec.node}: output items`);
}

async function checkCalls(ctx: CaseContext, spec: ExpectedCalls): Promise<void> {
	const calls = ctx.calls(spec.filter);
	const what = spec.what ?? `${spec.filter.command ?? 'all'} calls${spec.filter.id ? ` about ${spec.filter.id}` : ''}`;
	if (spec.count !== undefined) assert.equal(calls.length, spec.count, what);
	if (!spec.equals) return;
	const got = calls.map(spec.pick ?? ((call) => call));
	const want = await expected(spec.equals, ctx);
	assert.deepEqual(sortedIf(got, spec.sorted), sortedIf(want, spec.sorted), what);
}

function checkError(res: RunResult, spec: ExpectedError): any {
	const err = expectFailure(res, spec.node);
	for (const pattern of spec.message) assert.match(err.message, pattern);
	if (spec.description) assert.match(err.description ?? '', spec.description);
	if (spec.text) assert.match(`${err.message} ${err.description ?? ''}`, spec.text);
	return err;
}

/** Throws (an assertion error) when the run does not give what the case expects; returns the case's note. */
export async function verifyCase(c: E2eCase, res: RunResult, ctx: CaseContext): Promise<string | void> {
	let err: any;
	if (c.error) err = checkError(res, c.error);
	else expectSuccess(res);
	for (const spec of c.items ?? []) await checkItems(res, ctx, spec);
	for (const spec of c.calls ?? []) await checkCalls(ctx, spec);
	return c.check ? await c.check(res, ctx, err) : undefined;
}
