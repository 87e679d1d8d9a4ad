import { useBackend, NO_SEND_LIMITS, json, paired } from '../../../support/officialAccount';

const ctx = useBackend();
const send = (more = {}) => ({ resource: 'message', operation: 'send', officialAccount: '@TOA#_news', text: 'Hello', ...more });
const history = async (id: string) => ctx.account(id).messages;

beforeEach(() => ctx.backend.emu.addOfficialAccount({ id: '@TOA#_news', messages: 3, sendLimits: NO_SEND_LIMITS }));

describe('Message → Send', () => {
	test('a text message: the exact request, and the output names the MsgKey that history shows', async () => {
		const { items, error } = await ctx.run(send());
		expect(error).toBeUndefined();
		const [call] = ctx.calls('send_official_account_msg');
		expect(call.body).toEqual({ Official_Account: '@TOA#_news', Random: expect.any(Number), MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Hello' } }] });
		expect(Number.isInteger(call.body.Random) && call.body.Random >= 0 && call.body.Random <= 4294967295).toBe(true);
		const newest = (await history('@TOA#_news')).get(4);
		expect(json(items)).toEqual([{ officialAccount: '@TOA#_news', msgKey: newest.MsgKey, msgTime: newest.MsgTimeStamp }]);
		expect(paired(items)).toEqual([{ item: 0 }]);
	});

	test('a custom message with every option', async () => {
		const params = send({
			messageType: 'custom',
			customData: '{"card":1}',
			customDescription: 'card',
			customExtension: 'ext',
			options: { cloudCustomData: 'cc', onlineOnly: true, pushTitle: 'Sale', pushText: 'Today only' },
		});
		const { error } = await ctx.run(params);
		expect(error).toBeUndefined();
		expect(ctx.calls('send_official_account_msg')[0].body).toEqual({
			Official_Account: '@TOA#_news',
			Random: expect.any(Number),
			MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"card":1}', Desc: 'card', Ext: 'ext' } }],
			CloudCustomData: 'cc',
			OnlineOnlyFlag: 1,
			OfflinePushInfo: { PushFlag: 0, Title: 'Sale', Desc: 'Today only' },
		});
	});

	test('each item gets its own Random; sends to one account are a second apart, other accounts do not wait', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_paced', sendLimits: { perHour: 100 } }); // the real 1 per second
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_other', sendLimits: { perHour: 100 } });
		const accounts = ['@TOA#_paced', '@TOA#_other', '@TOA#_paced', '@TOA#_paced'];
		const { items, error } = await ctx.run(send({ officialAccount: '={{ $json.a }}', text: '={{ $json.t }}' }), accounts.map((a, i) => ({ a, t: `m${i}` })));
		expect(error).toBeUndefined();
		const calls = ctx.calls('send_official_account_msg');
		expect(calls.map((c) => c.body.Official_Account)).toEqual(accounts); // no 10023, so no repeats
		expect(new Set(calls.map((c) => c.body.Random)).size).toBe(4);
		const paced = calls.filter((c) => c.body.Official_Account === '@TOA#_paced').map((c) => c.time);
		expect(paced[1] - paced[0]).toBeGreaterThanOrEqual(1000);
		expect(paced[2] - paced[1]).toBeGreaterThanOrEqual(1000);
		expect(calls[1].time - calls[0].time).toBeLessThan(900); // @TOA#_other went at once
		expect(json(items).map((i) => i.officialAccount)).toEqual(accounts);
		expect(paired(items)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	test('the hourly broadcast limit becomes a message that says which limit and when to try again', async () => {
		ctx.backend.emu.addOfficialAccount({ id: '@TOA#_hour', sendLimits: { minIntervalMs: 0 } }); // 2 an hour
		const { items, error } = await ctx.run(send({ officialAccount: '@TOA#_hour', text: '={{ $json.t }}' }), [{ t: 'a' }, { t: 'b' }, { t: 'c' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(json(items)[2]).toEqual({
			error: 'Could not send to official account "@TOA#_hour": Tencent\'s limit of broadcasts per hour for one official account was reached [Tencent error 10024]',
			description: expect.stringMatching(/try again in an hour/),
			officialAccount: '@TOA#_hour',
		});
		expect(ctx.calls('send_official_account_msg')).toHaveLength(3);
	});

	test('a "too fast" answer from Tencent (another sender) is waited out and sent again with the same Random', async () => {
		let refused = 0;
		ctx.backend.emu.setOptions({
			intercept: ({ command }) => (command === 'send_official_account_msg' && refused++ === 0 ? { body: { ActionStatus: 'FAIL', ErrorCode: 10023, ErrorInfo: 'too fast' } } : null),
		});
		try {
			const { items, error } = await ctx.run(send());
			expect(error).toBeUndefined();
			const calls = ctx.calls('send_official_account_msg');
			expect(calls).toHaveLength(2);
			expect(calls[1].body.Random).toBe(calls[0].body.Random);
			expect(calls[1].time - calls[0].time).toBeGreaterThanOrEqual(1000);
			expect(json(items)[0].msgKey).toMatch(/^4_1_/);
		} finally {
			ctx.backend.emu.setOptions({ intercept: null });
		}
	});

	test.each([
		['Text', { text: '={{ $json.nothing }}' }, 'Text is empty in item 0'],
		['Custom Data', { messageType: 'custom', customData: '' }, 'Custom Data is empty in item 0'],
		['size', { text: '新'.repeat(4200) }, /^The message is \d+ bytes in item 0, but Tencent allows at most 12288 bytes$/],
		['account', { officialAccount: '={{ $json.nothing }}' }, 'Official Account is empty in item 0'],
	])('bad input (%s) fails before any call', async (label, more, message) => {
		const { error } = await ctx.run(send(more));
		if (typeof message === 'string') expect(error.message).toBe(message);
		else expect(error.message).toMatch(message);
		expect(ctx.calls('send_official_account_msg')).toHaveLength(0);
	});

	test('Continue On Fail: bad and failing items become error items, the rest are sent', async () => {
		const { items } = await ctx.run(send({ officialAccount: '={{ $json.a }}', text: '={{ $json.t }}' }), [{ a: '@TOA#_news', t: '' }, { a: '@TOA#_none', t: 'x' }, { a: '@TOA#_news', t: 'ok' }], { continueOnFail: true });
		expect(json(items)).toEqual([
			{ error: 'Text is empty in item 0', description: expect.any(String), officialAccount: '@TOA#_news' },
			{ error: 'Could not send a message to official account "@TOA#_none": the official account does not exist or was dismissed [Tencent error 10010]', description: expect.any(String), officialAccount: '@TOA#_none' },
			{ officialAccount: '@TOA#_news', msgKey: expect.stringMatching(/^4_1_/), msgTime: expect.any(Number) },
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test.each(['appliedThen502', 'appliedThenReset'])('%s: the send reaches Tencent exactly once; the item says it may have gone out and how to check', async (fault) => {
		ctx.backend.emu.setOptions({ faults: { [fault]: 1 } });
		const { error } = await ctx.run(send({ text: `lost ${fault}` }));
		expect(ctx.calls('send_official_account_msg')).toHaveLength(1);
		expect((await history('@TOA#_news')).get(4).MsgBody[0].MsgContent.Text).toBe(`lost ${fault}`); // it went out
		expect(error.message).toMatch(/outcome is unknown/);
		expect(error.description).toContain('The message may have gone out: Message → Get Many for official account "@TOA#_news" shows whether it did');
	});
});
