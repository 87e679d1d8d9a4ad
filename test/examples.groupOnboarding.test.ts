// examples/group-onboarding.json through n8n's engine (Code and If nodes included) against the demo data set:
// CRM customers in -> Add to the community group -> Update their name card.
import { useDemoExamples } from './support/demoExamples';
import { demo, json } from './support/examples';

const COMMUNITY = demo.communityGroupId;
const ctx = useDemoExamples();

test('40 new customers are added in one call, 2 were members already; all 42 get their name card', async () => {
	const result = await ctx.runExample('group-onboarding');

	const customers = json(result.items('CRM Customers'));
	expect(customers).toHaveLength(42);
	const adds = ctx.emu.requests().filter((r: any) => r.command === 'add_group_member');
	expect(adds.map((r: any) => r.body)).toEqual([{ GroupId: COMMUNITY, MemberList: customers.map((c) => ({ Member_Account: c.userId })), Silence: 1 }]);
	const added = json(result.items('Add to Community Group'));
	expect(added.filter((a) => a.result === 'added')).toHaveLength(40);
	expect(added.slice(40)).toEqual([
		{ groupId: COMMUNITY, memberAccount: 'member000002', result: 'alreadyMember', resultCode: 2 },
		{ groupId: COMMUNITY, memberAccount: 'member000003', result: 'alreadyMember', resultCode: 2 },
	]);

	const updates = ctx.emu.requests().filter((r: any) => r.command === 'modify_group_member_info');
	// Update runs items concurrently: the calls may arrive in any order.
	const byMember = (a: any, b: any) => a.Member_Account.localeCompare(b.Member_Account);
	expect(updates.map((r: any) => r.body).sort(byMember)).toEqual(customers.map((c) => ({ GroupId: COMMUNITY, Member_Account: c.userId, NameCard: `${c.name} (${c.company})` })).sort(byMember));
	expect(json(result.items('Update Name Card'))[0]).toEqual({ groupId: COMMUNITY, memberAccount: 'cust0001', nameCard: 'Customer 1 (Globex)' });

	// The group as Get Many sees it: 1,234 + 40 members, each customer with the name card.
	const members = ctx.emu.getMembers(COMMUNITY, { full: true });
	expect(members).toHaveLength(1274);
	const cards = new Map(members.map((m) => [m.Member_Account, m.NameCard]));
	for (const c of customers) expect(cards.get(c.userId)).toBe(`${c.name} (${c.company})`);
});
