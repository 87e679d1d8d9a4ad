const { planBatches } = require('../../dist/nodes/shared/batches');
const { readOutcomes } = require('../../dist/nodes/TencentChatOfficialAccount/actions/subscriber/changeSubscriptions');

describe('planBatches', () => {
	test('de-duplicates IDs per target across items, in first-seen order, in batches of the cap', () => {
		const batches = planBatches(
			[{ target: 'A', ids: ['1', '2', '3'] }, undefined, { target: 'B', ids: ['1'] }, { target: 'A', ids: ['3', '4', '5'] }],
			'group',
			2,
		);
		expect(batches).toEqual([
			{ target: 'A', ids: ['1', '2'], label: 'group "A" (batch 1 of 3, 2 IDs)' },
			{ target: 'A', ids: ['3', '4'], label: 'group "A" (batch 2 of 3, 2 IDs)' },
			{ target: 'A', ids: ['5'], label: 'group "A" (batch 3 of 3, 1 IDs)' },
			{ target: 'B', ids: ['1'], label: 'group "B" (batch 1 of 1, 1 IDs)' },
		]);
	});

	test('no requests, no batches', () => {
		expect(planBatches([undefined], 'official account', 100)).toEqual([]);
	});
});

describe('readOutcomes', () => {
	const add = { results: { 1: 'added', 2: 'alreadySubscribed' } };

	test('maps Result 1, 2 and 0 and names what is missing or unknown', () => {
		const list = [
			{ Subscriber_Account: 'a', Result: 1 },
			{ Subscriber_Account: 'b', Result: 2 },
			{ Subscriber_Account: 'c', Result: 0 },
			{ Subscriber_Account: 'e', Result: 7 },
		];
		expect(Object.fromEntries(readOutcomes(add, ['a', 'b', 'c', 'd', 'e'], list))).toEqual({
			a: { result: 'added', resultCode: 1 },
			b: { result: 'alreadySubscribed', resultCode: 2 },
			c: { result: 'failed', resultCode: 0 },
			d: { result: 'failed', resultCode: null, error: 'Tencent returned no result for this ID' },
			e: { result: 'failed', resultCode: null, error: 'Tencent returned an unknown Result (7) for this ID' },
		});
	});

	test('an answer without a list fails every ID, none silently', () => {
		expect([...readOutcomes(add, ['a'], undefined).values()]).toEqual([{ result: 'failed', resultCode: null, error: 'Tencent returned no result for this ID' }]);
	});
});
