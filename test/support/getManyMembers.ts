// Shared set-up of the Member → Get Many tests: the groups of getManyGroups() in one emulator per test file,
// the parameters, and what the emulator holds, to compare with.
import { NODE, getManyGroups, useGroupBackend, json } from './groupMembers';
import type { GroupBackend } from './groupMembers';
import type { EmulatorRequest } from './backend';
import type { Item } from '../harness';
import { isoOrNull } from './simplified';

export const getAll = (groupId: any, more: Record<string, any> = {}) => ({ resource: 'member', operation: 'getAll', groupId, ...more });
export const all = (groupId: any, options: Record<string, any> = {}) => getAll(groupId, { returnAll: true, options });
export const accounts = (items: Item[]): string[] => json(items).map((member) => member.Member_Account);
export const byOffset = (list: EmulatorRequest[]): EmulatorRequest[] => [...list].sort((a, b) => (a.body.Offset ?? 0) - (b.body.Offset ?? 0));
/** The emulator leaves out an empty AppMemberDefinedData. */
export const withoutEmptyCustom = ({ AppMemberDefinedData, ...member }: Record<string, any>) => (AppMemberDefinedData.length ? { ...member, AppMemberDefinedData } : member);
export const flattened = ({ AppMemberDefinedData, ...member }: Record<string, any>) => ({
	...member,
	customFields: Object.fromEntries(AppMemberDefinedData.map((d: { Key: string; Value: string }) => [d.Key, d.Value])),
});

/** A member of Get Many as version 1 gives it (custom fields flattened), as Simplify shows it. */
export const simplified = (groupId: string) => (raw: any) => ({
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

export interface GetManyContext {
	backend: GroupBackend;
	/** The get_group_member_info calls of the test. */
	calls(): EmulatorRequest[];
	/** What the emulator holds, as Tencent answers it, and with every field. */
	members(groupId: string): any[];
	fullMembers(groupId: string): any[];
	/** Runs Return All on `groupId` with `options`, expects every member the emulator holds, in order; the items. */
	everyMember(groupId: string, options?: Record<string, any>): Promise<Item[]>;
}

/** Starts the groups' emulator for the test file (requests cleared before each test). */
export function useGetManyBackend(): GetManyContext {
	const backend = useGroupBackend(getManyGroups());
	return {
		backend,
		calls: () => backend.calls('get_group_member_info'),
		members: (groupId) => backend.emu.getMembers(groupId),
		fullMembers: (groupId) => backend.emu.getMembers(groupId, { full: true }),
		async everyMember(groupId, options = {}) {
			const { items, error } = await backend.run(NODE, all(groupId, options));
			expect(error).toBeUndefined();
			expect(accounts(items)).toEqual(backend.emu.getMembers(groupId));
			return items;
		},
	};
}
