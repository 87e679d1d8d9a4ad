// Apps, official accounts and groups. Accounts and groups belong to one app;
// a request from another app does not see them.

import { SubscriberStore } from './subscribers';
import { MessageStore } from './messages';
import { MemberStore } from './members';
import { seedFromString } from './datasets';
import { GroupCatalog, defaultGroupName } from './groups';
import type { Callbacks } from './callbacks';
import type { AppRecord, AppSpec, Group, GroupSpec, GroupType, Hostile, MemberRecord, OfficialAccount, OfficialAccountSpec } from './records';

export const GROUP_TYPES: GroupType[] = ['Private', 'Public', 'ChatRoom', 'Work', 'Meeting', 'Community', 'AVChatRoom'];
export const HOSTILE: Hostile[] = ['repeatNext', 'emptyPagesForever', 'wrongMemberNum'];

function checkHostile(h: Hostile | false | null | undefined): Hostile | null {
	if (h != null && h !== false && !HOSTILE.includes(h)) throw new Error(`hostile must be one of ${HOSTILE.join(', ')}`);
	return h || null;
}

/** What addApp, addOfficialAccount and addGroup answer. */
export interface AddedApp {
	sdkAppId: number;
	admins: string[];
	officialAccountService: boolean;
}

export interface AddedAccount {
	id: string;
	appId: number;
	subscriberNum: number;
	messageNum: number;
}

export interface AddedGroup {
	id: string;
	appId: number;
	type: GroupType;
	memberNum: number;
}

export interface MembersQuery {
	appId?: number | string;
	/** whole records rather than IDs */
	full?: boolean;
}

export class State {
	/** sdkAppId -> app */
	apps = new Map<number, AppRecord>();
	/** appId \0 id -> official account */
	accounts = new Map<string, OfficialAccount>();
	/** appId \0 id -> group */
	groups = new Map<string, Group>();
	/** appId -> GroupCatalog (group IDs in order, generated ones virtual) */
	catalogs = new Map<number, GroupCatalog>();
	/** the emulator's callbacks, for API handlers that only see the state */
	callbacks?: Callbacks;

	addApp(app: AppSpec): AddedApp {
		const sdkAppId = Number(app && app.sdkAppId);
		if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) throw new Error('app.sdkAppId must be a positive integer');
		if (typeof app.secretKey !== 'string' || !app.secretKey) throw new Error('app.secretKey must be a non-empty string');
		const rec: AppRecord = {
			sdkAppId,
			secretKey: app.secretKey,
			admins: Array.isArray(app.admins) && app.admins.length ? app.admins.map(String) : ['administrator'],
			officialAccountService: app.officialAccountService !== false,
		};
		this.apps.set(sdkAppId, rec);
		const catalog = new GroupCatalog(app.generatedGroups);
		for (const id of this.catalogs.get(sdkAppId)?.explicit ?? []) catalog.register(id); // re-adding keeps its groups
		this.catalogs.set(sdkAppId, catalog);
		return { sdkAppId, admins: rec.admins.slice(), officialAccountService: rec.officialAccountService };
	}

	getApp(sdkAppId: number): AppRecord | undefined {
		return this.apps.get(sdkAppId);
	}

	resolveAppId(appId: number | string | undefined | null): number {
		if (appId != null) {
			const id = Number(appId);
			if (!this.apps.has(id)) throw new Error(`unknown appId ${appId}`);
			return id;
		}
		const first = this.apps.keys().next();
		if (first.done) throw new Error('add an app first');
		return first.value;
	}

	addOfficialAccount(spec: OfficialAccountSpec): AddedAccount {
		if (!spec || typeof spec.id !== 'string' || !spec.id) throw new Error('official account needs an id');
		const appId = this.resolveAppId(spec.appId);
		const seed = spec.seed != null ? Number(spec.seed) : seedFromString(spec.id);
		const account: OfficialAccount = {
			id: spec.id,
			appId,
			hostile: checkHostile(spec.hostile),
			subscribers: new SubscriberStore(spec.subscribers ?? 0, {
				seed,
				prefix: spec.subscriberPrefix,
				maxSubscribers: spec.maxSubscribers,
			}),
			messages: new MessageStore(spec.messages ?? 0, { seed, from: spec.id, expiredBelowSeq: spec.expiredBelowSeq }),
			hostileCounter: 0,
			// Profile fields and send limits: see accounts.ts (filled in on first use).
			profile: spec.profile ?? null,
			sendLimits: spec.sendLimits ?? null,
		};
		this.accounts.set(`${appId}\0${spec.id}`, account);
		return { id: account.id, appId, subscriberNum: account.subscribers.count, messageNum: account.messages.count };
	}

	addGroup(spec: GroupSpec): AddedGroup {
		if (!spec || typeof spec.id !== 'string' || !spec.id) throw new Error('group needs an id');
		const type = spec.type || 'Public';
		if (!GROUP_TYPES.includes(type)) throw new Error(`group type must be one of ${GROUP_TYPES.join(', ')}`);
		const appId = this.resolveAppId(spec.appId);
		const seed = spec.seed != null ? Number(spec.seed) : seedFromString(spec.id);
		const group: Group = {
			id: spec.id,
			appId,
			type,
			name: typeof spec.name === 'string' ? spec.name : defaultGroupName(spec.id),
			maxMembers: spec.maxMembers ?? 100000, // room for big test runs; set it to test a full group
			inviteNeedsConfirmation: spec.inviteNeedsConfirmation === true,
			mutes: new Map(),
			createTime: spec.createTime ?? 1700000000,
			hostile: checkHostile(spec.hostile),
			members: new MemberStore(spec.members ?? 0, {
				seed,
				prefix: spec.memberPrefix,
				customFields: spec.customFields,
				memberPaddingBytes: spec.memberPaddingBytes,
			}),
			hostileCounter: 0,
		};
		this.groups.set(`${appId}\0${spec.id}`, group);
		(this.catalogs.get(appId) as GroupCatalog).register(spec.id);
		return { id: group.id, appId, type, memberNum: group.members.count };
	}

	findAccount(appId: number, id: string): OfficialAccount | undefined {
		return this.accounts.get(`${appId}\0${id}`);
	}

	/** Destroys an official account: every API answers as if it never existed. */
	removeAccount(appId: number, id: string): boolean {
		return this.accounts.delete(`${appId}\0${id}`);
	}

	/** The official accounts of one app, in creation order. */
	accountsOf(appId: number): OfficialAccount[] {
		return [...this.accounts.values()].filter((a) => a.appId === appId);
	}

	findGroup(appId: number, id: string): Group | undefined {
		const group = this.groups.get(`${appId}\0${id}`);
		if (group) return group;
		const spec = this.catalogs.get(appId)?.generatedSpec(id);
		if (!spec) return undefined;
		this.addGroup({ ...spec, appId }); // a generated group becomes real when first used
		return this.groups.get(`${appId}\0${id}`);
	}

	catalog(appId: number): GroupCatalog {
		return this.catalogs.get(appId) as GroupCatalog;
	}

	/** For control calls: by id alone (first app that has it) or by id and app. */
	lookup<T extends { id: string }>(map: Map<string, T>, id: string, appId?: number | string): T | undefined {
		if (appId != null) return map.get(`${Number(appId)}\0${id}`);
		for (const v of map.values()) if (v.id === id) return v;
		return undefined;
	}

	getSubscribers(id: string, appId?: number | string): string[] {
		const a = this.lookup(this.accounts, id, appId);
		if (!a) throw new Error(`unknown official account ${id}`);
		return a.subscribers.ids();
	}

	getMembers(id: string, opts: MembersQuery & { full: true }): MemberRecord[];
	getMembers(id: string, opts?: MembersQuery & { full?: false }): string[];
	getMembers(id: string, opts?: MembersQuery): string[] | MemberRecord[];
	getMembers(id: string, opts: MembersQuery = {}): string[] | MemberRecord[] {
		const g = this.lookup(this.groups, id, opts.appId);
		if (!g) throw new Error(`unknown group ${id}`);
		if (!opts.full) return g.members.ids();
		const out: MemberRecord[] = [];
		for (let i = 0; i < g.members.count; i++) out.push(g.members.at(i));
		return out;
	}
}
