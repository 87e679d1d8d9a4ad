'use strict';
// Checks shared by the official account APIs.

const { ApiError } = require('../errors');
const { seedFromString } = require('../datasets');

function requireOfficialAccountService(app) {
	if (!app.officialAccountService) throw new ApiError(131000);
}

/** The subscriber APIs: missing -> 6017, empty -> 130007, unknown -> 130004. */
function findSubscriberAccount(state, app, id) {
	if (typeof id !== 'string') throw new ApiError(6017, 'Invalid request parameter: Official_Account is required.');
	if (id.trim() === '') throw new ApiError(130007);
	const account = state.findAccount(app.sdkAppId, id);
	if (!account) throw new ApiError(130004);
	return account;
}

/** A UserID the service would accept: 1..32 bytes of printable characters. */
function isValidUserId(id) {
	return typeof id === 'string' && id.length > 0 && Buffer.byteLength(id) <= 32 && !/[\u0000-\u001f\u007f]/.test(id);
}

/** How a rejected item is echoed back: as given when it is a string or number. */
function echoId(id) {
	return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

function isIntIn(v, min, max) {
	return Number.isInteger(v) && v >= min && v <= max;
}

/** Per-object tag inside cursors, so a cursor from another account or group is refused. */
function cursorTag(id) {
	return seedFromString(id) & 0xffff;
}

module.exports = { requireOfficialAccountService, findSubscriberAccount, isValidUserId, echoId, isIntIn, cursorTag };
