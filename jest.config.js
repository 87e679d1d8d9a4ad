/** The tests are TypeScript, transpiled by ts-jest (types are checked by `npm run typecheck`); they run the built package (dist/) through n8n's engine against the emulator. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json' }] },
	testTimeout: 60000,
	maxWorkers: 2,
};
