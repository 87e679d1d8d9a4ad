'use strict';
// Shared set-up of the Member → Get Many tests: the groups of getManyGroups() in one emulator per test file,
// the parameters, and what the emulator holds, to compare with.
const { getManyGroups, startGroupBackend, json } = require('./groupMembers');
const { isoOrNull } = require('./simplified');

const getAll = (groupId, more = {}) => ({ resource: 'member', operation: 'getAll', groupId, ...more });
const all = (groupId, options = {}) => getAll(groupId, { returnAll: true, options });
const accounts = (items) => json(items).map((member) => member.Member_Account);
const byOffset = (list) => [...list].sort((a, b) => (a.body.Offset ?? 0) - (b.body.Offset ?? 0));
/** The emulator leaves out an empty AppMemberDefinedData. */
const withoutEmptyCustom = ({ AppMemberDefinedData, ...member }) => (AppMemberDefinedData.length ? { ...member, AppMemberDefinedData } : member);
const flattened = ({ AppMemberDefinedData, ...member }) => ({ ...member, customFields: Object.fromEntries(AppMemberDefinedData.map((d) => [d.Key, d.Value])) });

/** A member of Get Many as version 1 gives it (custom fields flattened), as Simplify shows it. */
const simplified = (groupId) => (raw) => ({
	groupId,
	userId: raw.Member_Account,
	role: raw.Role,
	joinedAt: isoOrNull(raw.JoinTime),
	nameCard: raw.NameCard,
	mutedUntil: isoOrNull(raw.MuteUntil),
	notifications: raw.MsgFlag,
	lastMessageAt: isoOrNull(raw.LastSendMsgTime),
	customFields: raw.customFields,
});

/** Starts the groups' emulator for the test file (requests cleared before each test); `.backend` once started. */
function useGetManyBackend() {
	const gm = {
		backend: undefined,
		calls: () => gm.backend.calls('get_group_member_info'),
		members: (groupId) => gm.backend.emu.getMembers(groupId),
		fullMembers: (groupId) => gm.backend.emu.getMembers(groupId, { full: true }),
	};
	beforeAll(async () => {
		gm.backend = await startGroupBackend(getManyGroups());
	});
	afterAll(async () => gm.backend.close());
	beforeEach(() => gm.backend.emu.clearRequests());
	return gm;
}

module.exports = { getAll, all, accounts, byOffset, withoutEmptyCustom, flattened, simplified, useGetManyBackend };
