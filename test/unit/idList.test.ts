const { parseIdList } = require('../../dist/nodes/shared/idList');

test.each([
	['one ID', 'u1', ['u1']],
	['commas and spaces', ' u1 , u2 ', ['u1', 'u2']],
	['a pasted column with blank lines', 'u1\n\n u2 \n\n', ['u1', 'u2']],
	['Windows line ends', 'u1\r\nu2\r\n', ['u1', 'u2']],
	['a trailing comma', 'u1,', ['u1']],
	['a number', 1001, ['1001']],
	['an array of strings and numbers', ['u1', 2, ' u3 '], ['u1', '2', 'u3']],
])('%s', (_name, raw, ids) => {
	expect(parseIdList(raw)).toEqual(ids);
});

test.each([
	['blank text', '  ', 'is empty'],
	['only separators', ',\n,', 'is empty'],
	['an empty array', [], 'is an empty list'],
	['an empty entry in an array', ['u1', ''], 'has an empty ID at position 2'],
	['a blank entry in an array', ['u1', '  '], 'has an empty ID at position 2'],
	['null in an array', [null], 'has null at position 1, not an ID'],
	['an object in an array', ['u1', { id: 'u2' }], 'has an object at position 2, not an ID'],
	['an object', { id: 'u1' }, 'is an object, not a list of IDs'],
	['a boolean', true, 'is a boolean, not a list of IDs'],
	['NaN', NaN, 'is a number, not a list of IDs'],
])('%s is a problem that says what is wrong', (_name, raw, problem) => {
	expect(parseIdList(raw).problem).toBe(problem);
});
