// Remote control (EmulatorClient), spawnEmulator, cli.ts, and the request log.

import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { startEmulator, spawnEmulator, EmulatorClient, datasets, type Emulator } from '../../emulator';
import { call, sign, SUBS, ADD, MSGS, CHECK } from './helpers';

const CLI = path.join(__dirname, '../../emulator/cli.ts');
// tsx's loader, as spawnEmulator uses it.
const TSX = ['--import', pathToFileURL(require.resolve('tsx')).href];
const OA = datasets.demo.officialAccountId;

describe('EmulatorClient against an in-process emulator', () => {
	let emu: Emulator;
	let client: EmulatorClient;
	beforeAll(async () => {
		emu = await startEmulator({ seed: 'demo' });
		client = new EmulatorClient(emu.url as string);
	});
	afterAll(() => emu.close());

	test('same methods, same results', async () => {
		expect(await client.health()).toEqual({ ok: true });
		await client.reset();
		await client.addApp({ sdkAppId: 1400000077, secretKey: 'k77', admins: ['ops'] });
		expect(await client.addOfficialAccount({ id: '@TOA#_remote', appId: 1400000077, subscribers: ['a', 'b'], maxSubscribers: null })).toMatchObject({
			subscriberNum: 2,
		});
		expect(await client.addGroup({ id: '@TGS#REMOTE', type: 'Public', members: 3, appId: 1400000077 })).toMatchObject({ memberNum: 3 });
		expect(await client.getSubscribers('@TOA#_remote')).toEqual(['a', 'b']);
		expect(await client.getMembers('@TGS#REMOTE')).toEqual(['member000001', 'member000002', 'member000003']);
		expect((await client.getMembers('@TGS#REMOTE', { full: true }))[0]).toMatchObject({ Role: 'Owner' });
		expect((await client.getSubscribers(OA)).length).toBe(3000);

		const opts = await client.setOptions({ latencyMs: 5, faults: { error10002: 0.5 } });
		expect(opts).toMatchObject({ latencyMs: 5, faults: { error10002: 0.5, http502: 0 }, rateLimit: true });
		expect(await client.getOptions()).toEqual(opts);
		// Wrong on purpose: an option that does not exist, an intercept over HTTP.
		await expect(client.setOptions({ nope: 1 } as any)).rejects.toThrow(/unknown option nope/);
		await expect(client.setOptions({ faults: { http502: 2 } })).rejects.toThrow(/probability/);
		expect(() => client.setOptions({ intercept: () => undefined })).toThrow(/in-process/);
		await client.setOptions({ latencyMs: 0, faults: { error10002: 0 } });

		await client.clearRequests();
		const sig = sign(1400000077, 'k77', 'ops');
		const r = await call(emu, ADD, { Official_Account: '@TOA#_remote', SubscriberList: [{ Subscriber_Account: 'c' }] }, {
			sdkappid: '1400000077',
			identifier: 'ops',
			usersig: sig,
		});
		expect(r.json.SubscriberList[0].Result).toBe(1);
		expect(await client.getSubscribers('@TOA#_remote')).toEqual(['a', 'b', 'c']);
		const log = await client.requests();
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ service: 'official_account_open_http_svc', command: 'add_subscriber', sdkAppId: 1400000077, identifier: 'ops', status: 200, errorCode: 0, fault: null });
		expect(JSON.stringify(log)).not.toContain(sig);
		expect(await client.stats()).toMatchObject({ requests: 1, calls: { add_subscriber: 1 }, distinctTicketIds: 1 });
		await client.reset();
		expect((await client.requests()).length).toBe(0);
		await expect(client.getSubscribers('@TOA#_remote')).rejects.toThrow(/unknown official account/);
	});
});

describe('request log', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator({ seed: 'demo' });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	test('every request in order with the documented fields', async () => {
		const before = Date.now();
		await call(emu, SUBS, { Official_Account: OA, Limit: 1, Next: '' }, { random: '42' });
		await call(emu, CHECK, 'not json');
		await call(emu, MSGS, { Official_Account: OA, ReqMsgNumber: 1 }, { secretKey: 'bad' });
		const log = emu.requests();
		expect(log.map((e) => e.command)).toEqual(['get_subscriber_info', 'account_check', 'official_account_msg_get_simple']);
		expect(log[0]).toEqual({
			time: expect.any(Number),
			service: 'official_account_open_http_svc',
			command: 'get_subscriber_info',
			sdkAppId: 1400000001,
			identifier: 'administrator',
			random: 42,
			ticketTime: expect.any(Number),
			ticketId: expect.stringMatching(/^[0-9a-f]{12}$/),
			body: { Official_Account: OA, Limit: 1, Next: '' },
			status: 200,
			errorCode: 0,
			fault: null,
		});
		expect(log[0].time).toBeGreaterThanOrEqual(before);
		expect(log[1]).toMatchObject({ body: 'not json', errorCode: 60003 });
		expect(log[2]).toMatchObject({ errorCode: 70009 });
		expect(emu.stats()).toMatchObject({ requests: 3, errors: { 60003: 1, 70009: 1 }, distinctTicketIds: 2 });
		emu.clearRequests();
		expect(emu.requests()).toEqual([]);
	});

	test('logBodies: false leaves bodies out', async () => {
		emu.setOptions({ logBodies: false });
		await call(emu, SUBS, { Official_Account: OA, Limit: 1, Next: '' });
		expect(emu.requests()[0].body).toBeNull();
	});
});

describe('separate processes', () => {
	test('spawnEmulator: a child process driven through EmulatorClient', async () => {
		const emu = await spawnEmulator({ seed: 'demo', latencyMs: 0, officialAccounts: [{ id: '@TOA#_spawned', subscribers: 10 }] });
		try {
			expect(emu).toBeInstanceOf(EmulatorClient);
			expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const r = await call(emu, SUBS, { Official_Account: '@TOA#_spawned', Limit: 3, Next: '' });
			expect(r.json.SubscriberNum).toBe(10);
			await emu.setOptions({ faults: { error20005: 1 } });
			expect((await call(emu, SUBS, { Official_Account: OA, Limit: 3, Next: '' })).json.ErrorCode).toBe(20005);
			expect(await emu.stats()).toMatchObject({ requests: 2, faults: { error20005: 1 } });
		} finally {
			await emu.close();
		}
		expect(emu.process.exitCode !== null || emu.process.signalCode !== null).toBe(true);
	});

	function runCli(args: string[]) {
		const child = spawn(process.execPath, [...TSX, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		const ready = new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (c) => {
				out += c;
				if (out.includes('\n')) resolve(out.trim());
			});
			child.once('exit', (code) => reject(new Error(`exited ${code}`)));
		});
		const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
		return { child, ready, exited };
	}

	test('cli.ts: flags, one ready line, clean exit on SIGTERM', async () => {
		const { child, ready, exited } = runCli(['--port', '0', '--seed', 'demo', '--latency', '20', '--no-rate-limit']);
		const line = await ready;
		expect(line).toMatch(/^Tencent Chat emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
		const client = new EmulatorClient(line.split(' ').pop() as string);
		expect(await client.getOptions()).toMatchObject({ latencyMs: 20, rateLimit: false });
		expect((await client.getSubscribers(OA)).length).toBe(3000);
		child.kill('SIGTERM');
		expect(await exited).toEqual({ code: 0, signal: null });
	});

	test('cli.ts --config file.json', async () => {
		const file = path.join(os.tmpdir(), `emu-config-${process.pid}.json`);
		fs.writeFileSync(file, JSON.stringify({ apps: [{ sdkAppId: 1400000055, secretKey: 's' }], groups: [{ id: '@TGS#CFG', members: 4 }], ratePerSecond: 50 }));
		try {
			const { child, ready, exited } = runCli(['--config', file]);
			const client = new EmulatorClient((await ready).split(' ').pop() as string);
			expect(await client.getMembers('@TGS#CFG')).toHaveLength(4);
			expect((await client.getOptions()).ratePerSecond).toBe(50);
			child.kill('SIGINT');
			expect((await exited).code).toBe(0);
		} finally {
			fs.unlinkSync(file);
		}
	});
});
