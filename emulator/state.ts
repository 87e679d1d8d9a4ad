'use strict';
// Apps, official accounts and groups. Accounts and groups belong to one app;
// a request from another app does not see them.

const { SubscriberStore } = require('./subscribers');
const { MessageStore } = require('./messages');
const { MemberStore } = require('./members');
const { seedFromString } = require('./datasets');
const { GroupCatalog, defaultGroupName } = require('./groups');

const GROUP_TYPES = ['Private', 'Public', 'ChatRoom', 'Work', 'Meeting', 'Community', 'AVChatRoom'];
const HOSTILE = ['repeatNext', 'emptyPagesForever', 'wrongMemberNum'];

function checkHostile(h) {
	if (h != null && h !== false && !HOSTILE.includes(h)) throw new Error(`hostile must be one of ${HOSTILE.join(', ')}`);
	return h || null;
}

class State {
	constructor() {
		this.apps = new Map(); // sdkAppId -> app
		this.accounts = new Map(); // appId \0 id -> official account
		this.groups = new Map(); // appId \0 id -> group
		this.catalogs = new Map(); // appId -> GroupCatalog (group IDs in order, generated ones virtual)
	}

	addApp(app) {
		const sdkAppId = Number(app && app.sdkAppId);
		if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) throw new Error('app.sdkAppId must be a positive integer');
		if (typeof app.secretKey !== 'string' || !app.secretKey) throw new Error('app.secretKey must be a non-empty string');
		const rec = {
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

	getApp(sdkAppId) {
		return this.apps.get(sdkAppId);
	}

	resolveAppId(appId) {
		if (appId != null) {
			const id = Number(appId);
			if (!this.apps.has(id)) throw new Error(`unknown appId ${appId}`);
			return id;
		}
		const first = this.apps.keys().next();
		if (first.done) throw new Error('add an app first');
		return first.value;
	}

	addOfficialAccount(spec) {
		if (!spec || typeof spec.id !== 'string' || !spec.id) throw new Error('official account needs an id');
		const appId = this.resolveAppId(spec.appId);
		const seed = spec.seed != null ? Number(spec.seed) : seedFromString(spec.id);
		const account = {
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
			// Profile fields and send limits: see accounts.js (filled in on first use).
			profile: spec.profile ?? null,
			sendLimits: spec.sendLimits ?? null,
		};
		this.accounts.set(`${appId}\0${spec.id}`, account);
		return { id: account.id, appId, subscriberNum: account.subscribers.count, messageNum: account.messages.count };
	}

	addGroup(spec) {
		if (!spec || typeof spec.id !== 'string' || !spec.id) throw new Error('group needs an id');
		const type = spec.type || 'Public';
		if (!GROUP_TYPES.includes(type)) throw new Error(`group type must be one of ${GROUP_TYPES.join(', ')}`);
		const appId = this.resolveAppId(spec.appId);
		const seed = spec.seed != null ? Number(spec.seed) : seedFromString(spec.id);
		const group = {
			id: spec.id,
			appId,
			type,
			name: typeof spec.name === 'string' ? spec.name : defaultGroupName(spec.id),
			maxMembers: spec.maxMembers ?? 100000, // room for big test runs; set it to test a full group
			// add_group_member answers Result 3 (invited, waiting for the user) instead of adding
			inviteNeedsConfirmation: spec.inviteNeedsConfirmation === true,
			mutes: new Map(), // AVChatRoom: user -> muted until (no member list to hold it)
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
		this.catalogs.get(appId).register(spec.id);
		return { id: group.id, appId, type, memberNum: group.members.count };
	}

	findAccount(appId, id) {
		return this.accounts.get(`${appId}\0${id}`);
	}

	/** Destroys an official account: every API answers as if it never existed. */
	removeAccount(appId, id) {
		return this.accounts.delete(`${appId}\0${id}`);
	}

	/** The official accounts of one app, in creation order. */
	accountsOf(appId) {
		return [...this.accounts.values()].filter((a) => a.appId === appId);
	}

	findGroup(appId, id) {
		const group = this.groups.get(`${appId}\0${id}`);
		if (group) return group;
		const spec = this.catalogs.get(appId)?.generatedSpec(id);
		if (!spec) return undefined;
		this.addGroup({ ...spec, appId }); // a generated group becomes real when first used
		return this.groups.get(`${appId}\0${id}`);
	}

	catalog(appId) {
		return this.catalogs.get(appId);
	}

	/** For control calls: by id alone (first app that has it) or by id and app. */
	lookup(map, id, appId) {
		if (appId != null) return map.get(`${Number(appId)}\0${id}`);
		for (const v of map.values()) if (v.id === id) return v;
		return undefined;
	}

	getSubscribers(id, appId) {
		const a = this.lookup(this.accounts, id, appId);
		if (!a) throw new Error(`unknown official account ${id}`);
		return a.subscribers.ids();
	}

	getMembers(id, opts = {}) {
		const g = this.lookup(this.groups, id, opts.appId);
		if (!g) throw new Error(`unknown group ${id}`);
		if (!opts.full) return g.members.ids();
		const out = [];
		for (let i = 0; i < g.members.count; i++) out.push(g.members.at(i));
		return out;
	}
}

module.exports = { State, GROUP_TYPES, HOSTILE };
