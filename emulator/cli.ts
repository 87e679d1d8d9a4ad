// npx tsx emulator/cli.ts --port 8080 [--seed demo] [--latency 50] [--no-rate-limit] [--config file.json|-]
// --config - reads the JSON configuration from stdin (spawnEmulator uses that).

import fs from 'node:fs';
import { startEmulator, type StartOptions } from './server';

interface Args {
	port: number;
	seed?: string;
	latency?: number;
	rateLimit: boolean;
	config?: string;
	help?: boolean;
}

function parseArgs(argv: string[]): Args {
	const out: Args = { port: 0, seed: undefined, latency: undefined, rateLimit: true, config: undefined };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--port') out.port = Number(value());
		else if (a === '--seed') out.seed = value();
		else if (a === '--latency') out.latency = Number(value());
		else if (a === '--no-rate-limit') out.rateLimit = false;
		else if (a === '--config') out.config = value();
		else if (a === '--help' || a === '-h') out.help = true;
		else throw new Error(`unknown argument ${a}`);
	}
	return out;
}

function readConfig(file: string | undefined): StartOptions {
	if (!file) return {};
	const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
	return text.trim() ? JSON.parse(text) : {};
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be 0..65535');
	if (args.latency != null && !(args.latency >= 0)) throw new Error('--latency must be a number of ms >= 0');
	if (args.help) {
		process.stdout.write('usage: npx tsx emulator/cli.ts --port 8080 [--seed demo] [--latency 50] [--no-rate-limit] [--config file.json|-]\n');
		return;
	}
	// Flags win over the file.
	const config = readConfig(args.config);
	if (args.port) config.port = args.port;
	if (args.seed) config.seed = args.seed;
	if (args.latency != null) config.latencyMs = args.latency;
	if (!args.rateLimit) config.rateLimit = false;
	const emu = await startEmulator(config);
	process.stdout.write(`Tencent Chat emulator listening on ${emu.url}\n`);
	const stop = () => {
		emu.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	process.stderr.write(`emulator: ${err.message}\n`);
	process.exit(1);
});
