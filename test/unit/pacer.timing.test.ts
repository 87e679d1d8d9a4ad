const { CallPacer } = require('../../dist/nodes/shared/transport/limiter');

test.each([0, 0.5, -5, 1e9, NaN, 201])('the pacer refuses a rate of %s calls per second', (rate) => {
	expect(() => new CallPacer().acquire(rate)).toThrow(`A pacer takes a whole number of calls per second from 1 to 200, not ${rate}`);
});

test('calls at 20 per second leave evenly spaced, 50 ms apart', async () => {
	const pacer = new CallPacer();
	const times: number[] = [];
	for (let call = 0; call < 6; call++) {
		await pacer.acquire(20);
		times.push(Date.now());
	}
	const gaps = times.slice(1).map((time, index) => time - times[index]);
	// 50 ms apart on the schedule; a busy machine fires a timer a few ms late, never early by more.
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(40);
});

test('a cancelled wait returns at once', async () => {
	const pacer = new CallPacer();
	await pacer.acquire(1);
	const controller = new AbortController();
	const started = Date.now();
	setTimeout(() => controller.abort(), 50);
	await pacer.acquire(1, controller.signal);
	expect(Date.now() - started).toBeLessThan(500);
});

/** Keeps the event loop busy, as a worker building thousands of items does. */
function stall(ms: number): void {
	const until = Date.now() + ms;
	while (Date.now() < until);
}

test('after a stall the pacer makes up the lost time at twice its pace, not in one burst', async () => {
	const pacer = new CallPacer();
	await pacer.acquire(50); // 20 ms apart
	const late = pacer.acquire(50); // due 20 ms later
	stall(80); // it starts about 60 ms late, behind schedule by three calls
	await late;
	const times = [Date.now()];
	for (let call = 0; call < 4; call++) {
		await pacer.acquire(50);
		times.push(Date.now());
	}
	const gaps = times.slice(1).map((time, index) => time - times[index]);
	// Half the spacing (about 10 ms) apart while behind: all at once they would be 0 or 1 ms apart, and
	// without making up they would be back at 20 ms apart after the first.
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(6);
	expect(times[4] - times[0]).toBeLessThan(60);
});
