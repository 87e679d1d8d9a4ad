/** Tests are plain JavaScript: they run the built package (dist/) through n8n's engine against the emulator. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 60000,
	maxWorkers: 2,
};
