// examples/group-onboarding.json through n8n's engine (Code and If nodes included) against the demo data set:
// CRM customers in -> Add to the community group -> Update their name card.
import { useDemoExamples } from './support/demoExamples';
import { demo, json, onboardingAlreadyMembers, onboardingCalls, sortedByMember } from './support/examples';
import type { Customer } from './support/examples';

const COMMUNITY = demo.communityGroupId;
const ctx = useDemoExamples();

test('40 new customers are added in one call, 2 were members already; all 42 get their name card', async () => {
	const result = await ctx.runExample('group-onboarding');

	const customers: Customer[] = json(result.items('CRM Customers'));
	expect(customers).toHaveLength(42);
	const expected = onboardingCalls(COMMUNITY, customers);
	const adds = ctx.emu.requests().filter((r: any) => r.command === 'add_group_member');
	expect(adds.map((r: any) => r.body)).toEqual(expected.add);
	const added = json(result.items('Add to Community Group'));
	expect(added.filter((a) => a.result === 'added')).toHaveLength(40);
	expect(added.slice(40)).toEqual(onboardingAlreadyMembers(COMMUNITY));

	const updates = ctx.emu.requests().filter((r: any) => r.command === 'modify_group_member_info');
	// Update runs items concurrently: the calls may arrive in any order.
	expect(sortedByMember(updates.map((r: any) => r.body))).toEqual(expected.updates);
	expect(json(result.items('Update Name Card'))[0]).toEqual({ groupId: COMMUNITY, memberAccount: 'cust0001', nameCard: 'Customer 1 (Globex)' });

	// The group as Get Many sees it: 1,234 + 40 members, each customer with the name card.
	const members = ctx.emu.getMembers(COMMUNITY, { full: true });
	expect(members).toHaveLength(1274);
	const cards = new Map(members.map((m) => [m.Member_Account, m.NameCard]));
	for (const c of customers) expect(cards.get(c.userId)).toBe(`${c.name} (${c.company})`);
});
