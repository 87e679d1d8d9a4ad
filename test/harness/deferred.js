'use strict';
// A promise with its resolve/reject exposed (n8n-workflow 2.41 dropped createDeferredPromise).
function createDeferred() {
	let resolve;
	let reject;
	const promise = new Promise((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

module.exports = { createDeferred };
