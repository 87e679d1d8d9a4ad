// One official account's life through the node, as the e2e suite runs it in real n8n:
// Create -> Subscriber Add -> Send -> Message Get Many -> Recall -> Get -> Delete.
import { useBackend, json } from '../../support/officialAccount';

const ctx = useBackend();
const ID = '@TOA#_lifecycle';

test('Create, Add, Send, Get Many, Recall, Get and Delete work on the same account', async () => {
	let r = await ctx.run({ resource: 'officialAccount', operation: 'create', ownerAccount: 'owner1', name: 'Lifecycle', options: { customId: ID } });
	expect(json(r.items)).toEqual([{ officialAccount: ID, ownerAccount: 'owner1', name: 'Lifecycle', customId: ID }]);

	r = await ctx.run({ resource: 'subscriber', operation: 'add', officialAccount: ID, subscriberAccounts: 'fan1, fan2' });
	expect(json(r.items).map((i) => i.result)).toEqual(['added', 'added']);

	r = await ctx.run({ resource: 'message', operation: 'send', officialAccount: ID, text: 'Hello fans' });
	const [{ msgKey }] = json(r.items);

	r = await ctx.run({ resource: 'message', operation: 'getAll', officialAccount: ID, returnAll: true });
	expect(json(r.items).map((m) => [m.MsgKey, m.text])).toEqual([[msgKey, 'Hello fans']]);

	r = await ctx.run({ resource: 'message', operation: 'recall', officialAccount: ID, messageKeys: msgKey });
	expect(json(r.items)).toEqual([{ officialAccount: ID, msgKey, result: 'recalled', resultCode: 0 }]);

	r = await ctx.run({ resource: 'message', operation: 'getAll', officialAccount: ID, returnAll: true, options: { includeRecalled: true } });
	expect(json(r.items).map((m) => [m.MsgKey, m.IsPlaceMsg])).toEqual([[msgKey, 2]]);

	r = await ctx.run({ resource: 'officialAccount', operation: 'get', officialAccount: ID });
	expect(json(r.items)[0]).toMatchObject({ Official_Account: ID, Name: 'Lifecycle', Owner_Account: 'owner1', SubscriberNum: 2 });

	r = await ctx.run({ resource: 'officialAccount', operation: 'getAll', subscriberAccount: 'fan1', returnAll: true });
	expect(json(r.items).map((a) => a.Official_Account)).toEqual([ID]);

	r = await ctx.run({ resource: 'officialAccount', operation: 'delete', officialAccount: ID });
	expect(json(r.items)).toEqual([{ officialAccount: ID, deleted: true }]);
	r = await ctx.run({ resource: 'officialAccount', operation: 'get', officialAccount: ID });
	expect(r.error.message).toBe(`The official account does not exist, or was deleted: "${ID}" in item 0`);
});
