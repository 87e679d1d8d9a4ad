import js from '@eslint/js';
import { config as n8nCommunityRules } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

// n8n's community rules with Cloud support apply unchanged to what n8n's scanner checks;
// `npm run lint:product` also runs them from n8n's own default config file.
const PRODUCT = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const product = n8nCommunityRules.map((block) =>
	block.files?.length === 1 && block.files[0] === '**/*.ts' ? { ...block, files: PRODUCT } : block,
);

// The tests, emulator, scripts and benchmarks run in Node and may use its built-ins.
const TOOLS = ['test/**/*.ts', 'scripts/**/*.ts', 'emulator/**/*.ts', 'bench/**/*.ts'];
const tools = tseslint.config({
	files: TOOLS,
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: {
		// The tests load the built package (dist/) at run time, as n8n does.
		'@typescript-eslint/no-require-imports': ['error', { allow: ['/dist/'] }],
		// Tencent's and n8n's JSON reaches the tests untyped.
		'@typescript-eslint/no-explicit-any': 'off',
		'no-console': 'off',
	},
});

export default [...product, ...tools];
