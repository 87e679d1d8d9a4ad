// Keeps rooms small: no file over 300 lines and no function over 60, in the product and in the
// tests, emulator, scripts and benchmarks. A `describe` block's callback is a list of tests, not a function body.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const FOLDERS = ['nodes', 'credentials', 'test', 'scripts', 'emulator', 'bench'];
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;
const GROUPING_CALLS = new Set(['describe', 'describe.each', 'describe.skip', 'describe.only']);

interface Measure {
	file: string;
	name: string;
	lines: number;
}

function sourceFiles(folder: string): string[] {
	const dir = path.join(ROOT, folder);
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|js)$/.test(file) && !file.includes('node_modules') && !file.endsWith('.d.ts'))
		.map((file) => path.join(folder, file));
}

function calleeName(node: ts.Node): string | undefined {
	const call = node.parent;
	if (!call || !ts.isCallExpression(call)) return undefined;
	const callee = ts.isCallExpression(call.expression) ? call.expression.expression : call.expression;
	return callee.getText();
}

function functionName(node: ts.FunctionLikeDeclaration): string {
	if (node.name) return node.name.getText();
	const parent = node.parent;
	if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
	const callee = calleeName(node);
	return callee ? `${callee}(…) callback` : '(anonymous)';
}

function measureFunctions(file: string, source: ts.SourceFile): Measure[] {
	const found: Measure[] = [];
	const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
	const visit = (node: ts.Node) => {
		if (ts.isFunctionLike(node) && 'body' in node && node.body && !GROUPING_CALLS.has(calleeName(node) ?? '')) {
			const lines = lineOf(node.body.getEnd()) - lineOf(node.body.getStart(source)) + 1;
			found.push({ file, name: functionName(node as ts.FunctionLikeDeclaration), lines });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

function measureAll() {
	const files: Measure[] = [];
	const functions: Measure[] = [];
	for (const file of FOLDERS.flatMap(sourceFiles)) {
		const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
		files.push({ file, name: file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
		functions.push(...measureFunctions(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)));
	}
	return { files, functions };
}

function main() {
	const { files, functions } = measureAll();
	const byLines = (a: Measure, b: Measure) => b.lines - a.lines;
	const largest = [...functions].sort(byLines).slice(0, 5);
	console.log('Largest functions:');
	for (const f of largest) console.log(`  ${f.lines} lines  ${f.name}  (${f.file})`);
	const longFiles = files.filter((f) => f.lines > MAX_FILE_LINES).sort(byLines);
	const longFunctions = functions.filter((f) => f.lines > MAX_FUNCTION_LINES).sort(byLines);
	for (const f of longFiles) console.error(`${f.file}: ${f.lines} lines (at most ${MAX_FILE_LINES})`);
	for (const f of longFunctions) console.error(`${f.file}: ${f.name} has ${f.lines} lines (at most ${MAX_FUNCTION_LINES})`);
	if (longFiles.length || longFunctions.length) process.exitCode = 1;
}

main();
