// Module-level state is bounded: idle tickets and pacers are dropped, so a long-running n8n with many
// credentials (every credential Test among them) does not grow without end.
const { getUserSig, cachedTicketCount } = require('../../dist/nodes/shared/userSig');
const { pacerFor, pacerCount } = require('../../dist/nodes/shared/transport/limiter');

let now;
beforeEach(() => {
	now = Date.UTC(2026, 11, 1, 10, 0, 0);
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

const key = (index: number) => ({ sdkAppId: 1400000000 + index, identifier: 'administrator', secretKey: `key-${index}` });

test('tickets unused for more than 30 minutes are dropped', () => {
	for (let index = 0; index < 500; index++) getUserSig(key(index));
	expect(cachedTicketCount()).toBeGreaterThanOrEqual(500);
	now += 20 * 60_000;
	getUserSig(key(0)); // used again: stays
	now += 15 * 60_000;
	getUserSig(key(9999));
	expect(cachedTicketCount()).toBe(2);
});

test('a ticket in use is kept and reused', () => {
	const first = getUserSig(key(1));
	for (let minute = 0; minute < 120; minute += 10) {
		now += 10 * 60_000;
		expect(getUserSig(key(1))).toBe(first);
	}
});

test('pacers idle for more than 10 minutes are dropped', () => {
	for (let index = 0; index < 300; index++) pacerFor('http://127.0.0.1:1', 1400000000 + index, 'add_subscriber');
	expect(pacerCount()).toBeGreaterThanOrEqual(300);
	now += 11 * 60_000;
	const kept = pacerFor('http://127.0.0.1:1', 1, 'get_subscriber_info');
	expect(pacerCount()).toBe(1);
	expect(pacerFor('http://127.0.0.1:1', 1, 'get_subscriber_info')).toBe(kept);
});
