import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type { ChatCredentials } from '../shared/credentials';
import { optionsCollection } from '../shared/descriptions';
import { callbackCredentials } from './credentialCache';
import { EVENT_OPTIONS, isBeforeEvent, isSelected } from './events';
import { callbackItems } from './output';
import { OK_REPLY, answerNow, failReply } from './reply';
import { replyFields } from './replyMode';
import { verifyCallback } from './verify';

const MAX_BODY_BYTES = 1024 * 1024;

interface TriggerOptions {
	splitAccounts?: boolean;
	maxAgeSeconds?: number;
	beforeEventReply?: 'allow' | 'workflow';
}

/** The JSON object Tencent posted: n8n's parsed body, else the raw bytes read as JSON; undefined if neither is an object. */
function callbackPayload(body: unknown, rawBody: unknown): IDataObject | undefined {
	const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);
	if (isObject(body) && Object.keys(body as object).length > 0) return body as IDataObject;
	if (Buffer.isBuffer(rawBody) && rawBody.length > 0) {
		try {
			const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
			return isObject(parsed) ? (parsed as IDataObject) : undefined;
		} catch {
			return undefined;
		}
	}
	return isObject(body) ? (body as IDataObject) : undefined;
}

function bodyBytes(headers: IDataObject, rawBody: unknown): number {
	if (Buffer.isBuffer(rawBody)) return rawBody.length;
	const length = Number(headers['content-length']);
	return Number.isFinite(length) ? length : 0;
}

export class TencentChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Chat Trigger',
		name: 'tencentChatTrigger',
		icon: { light: 'file:../../icons/tencentChat.svg', dark: 'file:../../icons/tencentChat.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["events"].includes("*") ? "Any event" : $parameter["events"].length + " event(s)" }}',
		description: 'Starts the workflow on Tencent Cloud Chat callbacks: official account and group events, verified',
		defaults: { name: 'Tencent Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudChatApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Before Event Reply "workflow": n8n answers with the first item of the last node, as the Webhook node's "When Last Node Finishes".
				...replyFields(),
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Paste the Production URL into the Tencent Cloud Chat console: Applications > your app > Callback Configuration > Callback URL, then switch on the events you want. Tencent keeps one URL per app, so while you listen for a test event put the Test URL there instead, and put the Production URL back afterwards.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: EVENT_OPTIONS,
				description:
					'The callbacks that start the workflow (switch them on in the console too). Others are answered OK at once and start nothing.',
			},
			optionsCollection([
				{
					displayName: 'Before Event Reply',
					name: 'beforeEventReply',
					type: 'options',
					default: 'allow',
					description: 'How Before events (which can refuse an action) are answered. Tencent waits about 2 seconds.',
					options: [
						{ name: 'Allow at Once', value: 'allow', description: 'Answer OK (allow) as soon as the callback arrives' },
						{
							name: 'From the Workflow',
							value: 'workflow',
							description:
								'Answer when the workflow has finished, with the first item of the last node that ran: ActionStatus, ErrorCode (0 allows, 1 refuses) and ErrorInfo',
						},
					],
				},
				{
					displayName: 'Max Request Age',
					name: 'maxAgeSeconds',
					type: 'number',
					default: 60,
					typeOptions: { minValue: 1, numberPrecision: 0 },
					description:
						'With a Callback Token: how many seconds the time a callback was signed may differ from this n8n\'s clock. Older callbacks are refused as replays.',
				},
				{
					displayName: 'Split Accounts',
					name: 'splitAccounts',
					type: 'boolean',
					default: false,
					description:
						'Whether to output one item per user for events about several users (new subscribers, members who joined or left): each item then has the event\'s fields and account, the one user ID, instead of the list',
				},
			]),
		],
	};

	// The callback URL is set in the Tencent console only (one per app, no API): nothing to register or remove.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const receivedAtMs = Date.now();
		const req = this.getRequestObject();
		const query = this.getQueryData() as IDataObject;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		let credentials: ChatCredentials;
		try {
			credentials = await callbackCredentials(this, receivedAtMs);
		} catch {
			this.logger.error('Tencent Chat Trigger: the Tencent Cloud Chat credential is incomplete; callbacks are refused until it is fixed');
			return answerNow(this, 500, failReply('The n8n credential for this app is incomplete.'));
		}
		const refusal = verifyCallback(query, {
			sdkAppId: credentials.sdkAppId,
			callbackToken: credentials.callbackToken,
			maxAgeSeconds: Math.max(1, Number(options.maxAgeSeconds ?? 60) || 60),
			nowSeconds: Math.floor(receivedAtMs / 1000),
		});
		if (refusal) {
			// Never the body: it is untrusted and may hold users' messages.
			this.logger.warn(`Tencent Chat Trigger refused a callback: ${refusal.reason}`);
			return answerNow(this, 401, failReply(`Unauthorized: ${refusal.reason}.`));
		}
		if (bodyBytes(this.getHeaderData() as IDataObject, req.rawBody) > MAX_BODY_BYTES) {
			return answerNow(this, 413, failReply('The body is larger than 1 MB.'));
		}
		const payload = callbackPayload(req.body, req.rawBody);
		if (!payload) return answerNow(this, 400, failReply('The body is not a JSON object.'));
		const event = typeof query.CallbackCommand === 'string' ? query.CallbackCommand : '';
		if (!event) return answerNow(this, 400, failReply('CallbackCommand is missing from the URL.'));
		const events = this.getNodeParameter('events', []) as string[];
		if (!isSelected(events, event)) return { webhookResponse: OK_REPLY };

		const items = callbackItems(
			payload,
			{
				event,
				sdkAppId: credentials.sdkAppId,
				clientIp: String(query.ClientIP ?? ''),
				platform: String(query.OptPlatform ?? ''),
				requestTime: typeof query.RequestTime === 'string' ? query.RequestTime : undefined,
				receivedAtMs,
			},
			options.splitAccounts === true,
		);
		if (options.beforeEventReply !== 'workflow') return { webhookResponse: OK_REPLY, workflowData: [items] };
		// The workflow answers Before events; After events' replies are ignored, so they are answered at once.
		if (isBeforeEvent(event)) return { workflowData: [items] };
		return answerNow(this, 200, OK_REPLY, [items]);
	}
}
