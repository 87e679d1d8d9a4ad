// `npm run demo`, for the examples that start on Tencent's callbacks (the Tencent Chat Trigger): the emulator posts
// its real, signed callbacks to a stand-in for n8n's webhook server (test/support/triggerServer), which runs the
// trigger's webhook and the rest of the workflow through n8n's engine. Subscribers are added through the emulator's
// REST API, as another workflow or app would.
import { startTriggerServer } from '../test/support/triggerServer';
import { addSubscribers } from './e2e/restApi';

const TOKEN = 'demo-console-callback-token';
const TRIGGER = 'n8n-nodes-tencent-chat.tencentChatTrigger';

// Who subscribes in each story; `blocked-...` users are refused by the subscriber-guard example.
const ADDS: Record<string, string[][]> = {
	'new-subscriber-to-crm': [['alice', 'bob', 'user000001']],
	'subscriber-guard': [['carol'], ['blocked-mallory', 'dave']],
};

export const isTriggered = (workflow: any): boolean => workflow.nodes.some((node: any) => node.type === TRIGGER);

export interface TriggerExample {
	emu: any;
	demo: any;
	file: string;
	workflow: any;
	index: number;
	total: number;
}

/** Runs one trigger example; prints what happened; resolves to true when every callback was answered 200. */
export async function demoTrigger({ emu, demo, file, workflow, index, total }: TriggerExample): Promise<boolean> {
	const credentials = {
		'tencent-chat-demo': { sdkAppId: demo.sdkAppId, region: 'china', identifier: demo.identifier, secretKey: demo.secretKey, callbackToken: TOKEN },
	};
	const server = await startTriggerServer({ workflow, credentials, harnessOptions: { coreNodes: true } });
	const name = file.replace(/\.json$/, '');
	console.log(`\n[${index + 1}/${total}] ${workflow.name}`);
	console.log(`  examples/${file}: started by the emulator's signed callbacks to ${server.url}`);
	try {
		emu.clearCallbacks();
		emu.setOptions({ callbackUrl: server.url, callbackToken: TOKEN });
		for (const ids of ADDS[name] ?? [['alice']]) {
			const results = await addSubscribers(emu.url, demo, demo.officialAccountId, ids);
			await emu.callbacksIdle();
			console.log(`  Add        ${ids.join(', ')} -> Result ${results.join(', ')} (1 added, 2 already there, 0 refused)`);
		}
		for (const [i, call] of server.calls.entries()) {
			const entry = emu.callbackLog()[i];
			const last = call.started ? call.result?.run?.data.resultData.lastNodeExecuted : undefined;
			const ran = call.started ? `ran to "${last}"` : 'no execution (event not selected)';
			console.log(`  Callback   ${entry?.command ?? '?'}: HTTP ${call.status} ${call.text} in ${entry?.ms ?? '?'} ms, ${ran}`);
			if (call.started && last === 'CRM') {
				for (const item of call.result?.items('CRM') ?? []) console.log(`    CRM      ${JSON.stringify(item.json)}`);
			}
		}
		return server.calls.every((c: any) => c.status === 200);
	} finally {
		emu.setOptions({ callbackUrl: null, callbackToken: null });
		await server.close();
	}
}
