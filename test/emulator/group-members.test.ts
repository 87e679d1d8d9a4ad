// get_group_member_info: Offset paging, Community Next paging, filters, caps, 10018.

import { datasets, type Emulator } from '../../emulator';
import { call, MEMBERS, useDemoEmulator } from './helpers';

const PUB = datasets.demo.publicGroupId;
const COMM = datasets.demo.communityGroupId;

const demo = useDemoEmulator();
let emu: Emulator;
beforeAll(() => (emu = demo.emu));

const ok = (body: any) => demo.ok(MEMBERS, body);
const errorCode = (body: any) => demo.fails(MEMBERS, body);

async function byOffset(group: string, limit: number, extra = {}) {
	const out: any[] = [];
	for (let offset = 0; ; offset += limit) {
		const r = await ok({ GroupId: group, Limit: limit, Offset: offset, ...extra });
		expect(r).not.toHaveProperty('Next');
		out.push(r);
		if (r.MemberList.length < limit) break;
	}
	return out;
}

async function byNext(group: string, limit: number, extra = {}) {
	const out: any[] = [];
	let next = '';
	do {
		const r = await ok({ GroupId: group, Limit: limit, Next: next, ...extra });
		out.push(r);
		next = r.Next;
	} while (next !== '');
	return out;
}

describe('Offset groups', () => {
	test('Public group pages by Offset; MemberNum is the total', async () => {
		const pages = await byOffset(PUB, 100);
		expect(pages).toHaveLength(8);
		const ids = pages.flatMap((p) => p.MemberList.map((m) => m.Member_Account));
		expect(ids).toEqual(emu.getMembers(PUB));
		expect(pages.every((p) => p.MemberNum === 730)).toBe(true);
		const first = pages[0].MemberList[0];
		expect(first.Role).toBe('Owner');
		expect(Object.keys(first)).toEqual(['Member_Account', 'Role', 'JoinTime', 'MsgSeq', 'MsgFlag', 'LastSendMsgTime', 'MuteUntil', 'NameCard']);
		const roles = ids.map((_, i) => pages[Math.floor(i / 100)].MemberList[i % 100].Role);
		expect(roles.filter((r) => r === 'Owner')).toHaveLength(1);
		const admins = roles.filter((r) => r === 'Admin').length;
		expect(admins).toBeGreaterThan(10);
		expect(admins).toBeLessThan(80);
	});

	test('role filter applies before Offset/Limit; MemberNum stays unfiltered', async () => {
		const all = (await ok({ GroupId: PUB })).MemberList;
		const admins = all.filter((m) => m.Role === 'Admin').map((m) => m.Member_Account);
		const pages = await byOffset(PUB, 10, { MemberRoleFilter: ['Admin'] });
		const got = pages.flatMap((p) => p.MemberList);
		expect(got.every((m) => m.Role === 'Admin')).toBe(true);
		expect(got.map((m) => m.Member_Account)).toEqual(admins);
		expect(pages.every((p) => p.MemberNum === 730)).toBe(true);
		const owners = await ok({ GroupId: PUB, MemberRoleFilter: ['Owner', 'Member'], Limit: 5, Offset: 0 });
		expect(owners.MemberList[0].Role).toBe('Owner');
		expect(owners.MemberList.slice(1).every((m) => m.Role === 'Member')).toBe(true);
	});

	test('Limit absent returns everything from Offset; Limit caps at 6000', async () => {
		expect((await ok({ GroupId: PUB })).MemberList).toHaveLength(730);
		expect((await ok({ GroupId: PUB, Offset: 700 })).MemberList).toHaveLength(30);
		expect((await ok({ GroupId: PUB, Offset: 5000, Limit: 10 })).MemberList).toHaveLength(0);
		emu.addGroup({ id: '@TGS#BIG', type: 'Work', members: 6500 });
		const r = await ok({ GroupId: '@TGS#BIG', Limit: 6000, MemberInfoFilter: ['Role'] });
		expect(r.MemberList).toHaveLength(6000);
		expect(Object.keys(r.MemberList[0])).toEqual(['Member_Account', 'Role']);
		expect(await errorCode({ GroupId: '@TGS#BIG', Limit: 6001 })).toBe(10004);
		expect(await errorCode({ GroupId: PUB, Limit: 0 })).toBe(10004);
		expect(await errorCode({ GroupId: PUB, Offset: -1 })).toBe(10004);
	});

	test('every non-community type uses Offset and never returns Next', async () => {
		for (const type of ['Private', 'ChatRoom', 'Work', 'Meeting'] as const) {
			emu.addGroup({ id: `@TGS#${type}`, type, members: 30 });
			const pages = await byOffset(`@TGS#${type}`, 7);
			expect(pages.flatMap((p) => p.MemberList)).toHaveLength(30);
		}
	});

	test('wrongMemberNum: MemberNum claims more than exist', async () => {
		emu.addGroup({ id: '@TGS#LIAR', type: 'Public', members: 50, hostile: 'wrongMemberNum' });
		const r = await ok({ GroupId: '@TGS#LIAR', Limit: 100, Offset: 0 });
		expect(r.MemberList).toHaveLength(50);
		expect(r.MemberNum).toBeGreaterThan(50);
		expect((await ok({ GroupId: '@TGS#LIAR', Limit: 100, Offset: 100 })).MemberList).toEqual([]);
	});
});

describe('Community groups', () => {
	test('page by Next until it is empty; custom fields come back', async () => {
		const pages = await byNext(COMM, 100);
		expect(pages).toHaveLength(13);
		const members = pages.flatMap((p) => p.MemberList);
		expect(members.map((m) => m.Member_Account)).toEqual(emu.getMembers(COMM));
		expect(pages.every((p) => p.MemberNum === 1234)).toBe(true);
		expect(pages[0].Next).toMatch(/^\d{15,20}$/);
		expect(members[0].AppMemberDefinedData.map((d) => d.Key)).toEqual(['Level', 'Team']);
	});

	test('Next ends exactly on a page boundary', async () => {
		emu.addGroup({ id: '@TGS#_even', type: 'Community', members: 300 });
		const pages = await byNext('@TGS#_even', 100);
		expect(pages.map((p) => p.MemberList.length)).toEqual([100, 100, 100]);
		expect(pages[2].Next).toBe('');
	});

	test('role filter pages within the filtered list', async () => {
		const pages = await byNext(COMM, 20, { MemberRoleFilter: ['Admin', 'Owner'] });
		const got = pages.flatMap((p) => p.MemberList);
		expect(got[0].Role).toBe('Owner');
		expect(got.slice(1).every((m) => m.Role === 'Admin')).toBe(true);
		const expected = emu.getMembers(COMM, { full: true }).filter((m) => m.Role !== 'Member');
		expect(got.map((m) => m.Member_Account)).toEqual(expected.map((m) => m.Member_Account));
		expect(pages.every((p) => p.MemberNum === 1234)).toBe(true);
	});

	test('rejects Offset, needs Next, Limit at most 100, bad Next is 10004', async () => {
		expect(await errorCode({ GroupId: COMM, Limit: 10, Offset: 0 })).toBe(10004);
		expect(await errorCode({ GroupId: COMM, Limit: 10, Offset: 0, Next: '' })).toBe(10004);
		expect(await errorCode({ GroupId: COMM, Limit: 10 })).toBe(10004);
		expect(await errorCode({ GroupId: COMM, Limit: 101, Next: '' })).toBe(10004);
		expect((await ok({ GroupId: COMM, Limit: 100, Next: '' })).MemberList).toHaveLength(100);
		expect(await errorCode({ GroupId: COMM, Limit: 10, Next: '12345' })).toBe(10004);
		expect(await errorCode({ GroupId: COMM, Limit: 10, Next: 'abc' })).toBe(10004);
	});

	test('hostile: repeatNext and emptyPagesForever', async () => {
		emu.addGroup({ id: '@TGS#_loop', type: 'Community', members: 500, hostile: 'repeatNext' });
		const p1 = await ok({ GroupId: '@TGS#_loop', Limit: 100, Next: '' });
		const p2 = await ok({ GroupId: '@TGS#_loop', Limit: 100, Next: p1.Next });
		const p3 = await ok({ GroupId: '@TGS#_loop', Limit: 100, Next: p2.Next });
		expect(p3.Next).toBe(p1.Next);
		expect(p3.MemberList).toEqual(p2.MemberList);
		emu.addGroup({ id: '@TGS#_void', type: 'Community', members: 500, hostile: 'emptyPagesForever' });
		let next = '';
		const seen = new Set();
		for (let i = 0; i < 4; i++) {
			const r = await ok({ GroupId: '@TGS#_void', Limit: 100, Next: next });
			expect(r.MemberList).toEqual([]);
			expect(r.Next).not.toBe('');
			expect(seen.has(r.Next)).toBe(false);
			seen.add(r.Next);
			next = r.Next;
		}
	});
});

describe('filters, errors, size cap', () => {
	test('MemberInfoFilter picks fields; custom data only when asked', async () => {
		const r = await ok({ GroupId: COMM, Limit: 3, Next: '', MemberInfoFilter: ['Role', 'NameCard'] });
		expect(Object.keys(r.MemberList[0])).toEqual(['Member_Account', 'Role', 'NameCard']);
		const c = await ok({ GroupId: COMM, Limit: 3, Next: '', MemberInfoFilter: ['Role'], AppDefinedDataFilter_GroupMember: ['Team'] });
		expect(Object.keys(c.MemberList[0])).toEqual(['Member_Account', 'Role', 'AppMemberDefinedData']);
		expect(c.MemberList[0].AppMemberDefinedData.map((d) => d.Key)).toEqual(['Team']);
		const d = await ok({ GroupId: COMM, Limit: 3, Next: '', AppDefinedDataFilter_GroupMember: ['Level'] });
		expect(d.MemberList[0].AppMemberDefinedData).toEqual([{ Key: 'Level', Value: expect.any(String) }]);
		expect(d.MemberList[0]).toHaveProperty('JoinTime');
	});

	test('explicit member lists', async () => {
		emu.addGroup({
			id: '@TGS#LIST',
			type: 'Public',
			members: [{ Member_Account: 'bob', Role: 'Owner' }, { Member_Account: 'peter', MuteUntil: 1431069882 }, 'carol'],
		});
		const r = await ok({ GroupId: '@TGS#LIST' });
		expect(r.MemberList.map((m) => [m.Member_Account, m.Role])).toEqual([['bob', 'Owner'], ['peter', 'Member'], ['carol', 'Member']]);
		expect(r.MemberList[1].MuteUntil).toBe(1431069882);
	});

	test('errors: 10015 bad id, 10010 unknown, 10007 AVChatRoom, 10004 bad filters', async () => {
		expect(await errorCode({ GroupId: '' })).toBe(10015);
		expect(await errorCode({ GroupId: 'nope' })).toBe(10015);
		expect(await errorCode({})).toBe(10015);
		expect(await errorCode({ GroupId: '@TGS#NOPE' })).toBe(10010);
		emu.addGroup({ id: '@TGS#AV', type: 'AVChatRoom', members: 5 });
		expect(await errorCode({ GroupId: '@TGS#AV' })).toBe(10007);
		expect(await errorCode({ GroupId: PUB, MemberRoleFilter: ['Boss'] })).toBe(10004);
		expect(await errorCode({ GroupId: PUB, MemberInfoFilter: 'Role' })).toBe(10004);
	});

	test('10018 when the answer would pass 1 MB', async () => {
		emu.addGroup({ id: '@TGS#_fat', type: 'Community', members: 300, memberPaddingBytes: 20000 });
		expect(await errorCode({ GroupId: '@TGS#_fat', Limit: 100, Next: '' })).toBe(10018);
		const half = await ok({ GroupId: '@TGS#_fat', Limit: 50, Next: '' });
		expect(half.MemberList).toHaveLength(50);
		const thin = await ok({ GroupId: '@TGS#_fat', Limit: 100, Next: '', MemberInfoFilter: ['Role'] });
		expect(thin.MemberList).toHaveLength(100);
		emu.addGroup({ id: '@TGS#FATPUB', type: 'Public', members: 6000, memberPaddingBytes: 20000 });
		const t0 = Date.now();
		expect(await errorCode({ GroupId: '@TGS#FATPUB' })).toBe(10018);
		expect(Date.now() - t0).toBeLessThan(1000);
		// Unpadded: the whole 730-member group fits, an 8000-member one does not.
		emu.addGroup({ id: '@TGS#8K', type: 'Public', members: 8000 });
		expect(await errorCode({ GroupId: '@TGS#8K' })).toBe(10018);
		const r = await call(emu, MEMBERS, { GroupId: PUB });
		expect(Buffer.byteLength(r.text)).toBeLessThan(1048576);
	});
});
