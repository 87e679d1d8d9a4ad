// The Official Account examples of issue 11 (weekly broadcast, CRM tier sync) through n8n's engine
// with n8n's own nodes, against the emulator's `demo` data set.
import { useDemoExamples } from './support/demoExamples';
import { BROADCAST_TEXT, TIER_ERROR, broadcastBody, demo, json, tierWrites, userId } from './support/examples';

const ACCOUNT = demo.officialAccountId;
const ctx = useDemoExamples();
const { runExample, calls, commands } = ctx;
const account = () => ctx.emu.state.findAccount(demo.sdkAppId, ACCOUNT);

test('weekly broadcast: one send with this week\'s text, the newest message in the history', async () => {
	const before = account().messages.count;
	const result = await runExample('weekly-broadcast');
	expect(commands()).toEqual(['send_official_account_msg']);
	const [call] = calls('send_official_account_msg');
	const text = json(result.items("This Week's Message"))[0].text;
	expect(text).toMatch(BROADCAST_TEXT);
	expect(call.body).toEqual({ ...broadcastBody(ACCOUNT, text), Random: expect.any(Number) });
	const newest = account().messages.get(before + 1);
	expect(newest.MsgBody).toEqual(call.body.MsgBody);
	expect(json(result.items('Send Broadcast'))).toEqual([{ officialAccount: ACCOUNT, msgKey: newest.MsgKey, msgTime: newest.MsgTimeStamp }]);
});

test('CRM tier sync: each follower gets tier:<tier> as Custom Data; the one who does not follow is an error item', async () => {
	const result = await runExample('crm-tier-sync');
	const written = json(result.items('Write Tier'));
	expect(written).toHaveLength(21);
	const expected = tierWrites(ACCOUNT);
	expect(written.slice(0, 20)).toEqual(expected);
	expect(written[20]).toEqual({
		error: expect.stringMatching(TIER_ERROR),
		description: expect.any(String),
		officialAccount: ACCOUNT,
		subscriberAccount: 'walk-in-customer',
	});
	expect(calls('modify_subscriber_info')).toHaveLength(21);
	const subscribers = account().subscribers;
	for (const write of expected) expect(subscribers.recordOf(write.subscriberAccount).CustomString).toBe(write.customData);
	expect(subscribers.recordOf(userId(221)).CustomString).not.toMatch(/^tier:(bronze|silver|gold)$/);
});
