'use strict';
// Checks shared by the group member APIs: the group ID, the group types an API refuses, ID lists.

const { ApiError } = require('../errors');
const { isValidUserId } = require('./common');

function bad(info) {
	return new ApiError(10004, `Invalid parameter: ${info}`);
}

/** The group of `body.GroupId`: 10015 for an ID that is not @TGS#..., 10010 for an unknown one. */
function findGroup(state, app, body) {
	const id = body.GroupId;
	if (typeof id !== 'string' || !id.startsWith('@TGS#')) throw new ApiError(10015);
	const group = state.findGroup(app.sdkAppId, id);
	if (!group) throw new ApiError(10010);
	return group;
}

/** Private is the old name of Work, ChatRoom of Meeting. */
function isWork(group) {
	return group.type === 'Work' || group.type === 'Private';
}

/** 10007 for the group types whose page says the API is not supported. */
function refuseTypes(group, types, command) {
	const refused = types.some((t) => (t === 'Work' ? isWork(group) : group.type === t));
	if (refused) throw new ApiError(10007, `No operation permissions: ${group.type} groups do not support ${command}.`);
}

/** A required array of 1..max user IDs (strings). */
function userIdArray(value, name, max) {
	if (!Array.isArray(value) || value.length === 0 || value.length > max) throw bad(`${name} must hold 1 to ${max} accounts.`);
	if (value.some((id) => typeof id !== 'string')) throw bad(`${name} must hold strings.`);
	return value;
}

module.exports = { bad, findGroup, isWork, refuseTypes, userIdArray, isValidUserId };
