// Version 2 of the trigger differs from version 1 only in n8n's handling (n8n evaluates a binary-data expression on
// every request to a version 1 webhook node): the same callback gets the same answer and the same items.
import { OK, callbackQuery, triggerWorkflow, post, emitted } from '../../support/trigger';

const ADDED = 'OfficialAccount.CallbackAfterAddSubscriber';
const body = { Official_Account: '@TOA#_v2', SubscribeAccountList: [{ Subscriber_Account: 'a' }, { Subscriber_Account: 'b' }], EventTime: 1764590000123 };

test.each([1, 2])('version %i answers OK and emits one item per account with Split Accounts', async (version) => {
	const workflow = triggerWorkflow({ events: [ADDED], options: { splitAccounts: true }, version });
	const answer = await post(workflow, { query: callbackQuery(ADDED), body });
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual(OK);
	expect(emitted(answer).map((j) => [j.event, j.account, j.Official_Account, j.eventTime])).toEqual([
		[ADDED, 'a', '@TOA#_v2', '2025-12-01T11:53:20.123Z'],
		[ADDED, 'b', '@TOA#_v2', '2025-12-01T11:53:20.123Z'],
	]);
});

test.each([1, 2])('version %i answers a Before event from the workflow when asked to', async (version) => {
	const before = 'OfficialAccount.CallbackBeforeAddSubscriber';
	const workflow = triggerWorkflow({ events: [before], options: { beforeEventReply: 'workflow' }, values: { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'no' }, version });
	const answer = await post(workflow, { query: callbackQuery(before), body });
	expect(answer.body).toMatchObject({ ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'no' });
});
