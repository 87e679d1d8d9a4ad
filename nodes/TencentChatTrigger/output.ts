import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** The list fields of list events and the ID field of their entries (https://trtc.io/document/34354). */
const ACCOUNT_LISTS: Array<{ list: string; id: string }> = [
	{ list: 'SubscribeAccountList', id: 'Subscriber_Account' },
	{ list: 'NewMemberList', id: 'Member_Account' },
	{ list: 'ExitMemberList', id: 'Member_Account' },
	{ list: 'MemberList', id: 'Member_Account' },
	{ list: 'DestinationMembers', id: 'Member_Account' },
];

export interface CallbackMeta {
	event: string;
	sdkAppId: number;
	clientIp: string;
	platform: string;
	requestTime?: string;
	receivedAtMs: number;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** EventTime (ms) of the payload, else RequestTime (s) of the query, else when n8n received it. */
function eventTime(payload: IDataObject, meta: CallbackMeta): string {
	const ms = payload.EventTime;
	if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return new Date(ms).toISOString();
	if (meta.requestTime && /^\d{1,12}$/.test(meta.requestTime)) return new Date(Number(meta.requestTime) * 1000).toISOString();
	return new Date(meta.receivedAtMs).toISOString();
}

function accountOf(entry: unknown, idField: string): string | undefined {
	if (typeof entry === 'string') return entry;
	if (entry && typeof entry === 'object') {
		const id = (entry as IDataObject)[idField];
		if (typeof id === 'string' || typeof id === 'number') return String(id);
	}
	return undefined;
}

/** With Split Accounts: one item per account of the event's list, each without the list and with `account`. */
function splitByAccount(json: IDataObject): IDataObject[] {
	const field = ACCOUNT_LISTS.find((f) => Array.isArray(json[f.list]) && (json[f.list] as unknown[]).length > 0);
	if (!field) return [json];
	const { [field.list]: list, ...rest } = json;
	const out: IDataObject[] = [];
	for (const entry of list as unknown[]) {
		const account = accountOf(entry, field.id);
		if (account !== undefined) out.push({ ...rest, account });
	}
	return out.length ? out : [json];
}

/** The output items of one callback: { event, sdkAppId, clientIp, platform, eventTime, ...Tencent's payload }. */
export function callbackItems(payload: IDataObject, meta: CallbackMeta, splitAccounts: boolean): INodeExecutionData[] {
	const json: IDataObject = {
		event: meta.event,
		sdkAppId: meta.sdkAppId,
		clientIp: text(meta.clientIp),
		platform: text(meta.platform),
		eventTime: eventTime(payload, meta),
		...payload,
	};
	const all = splitAccounts ? splitByAccount(json) : [json];
	return all.map((item) => ({ json: item }));
}
