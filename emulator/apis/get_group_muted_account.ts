'use strict';
// group_open_http_svc/get_group_muted_account (https://trtc.io/document/34964): the members muted now,
// as ShuttedUinList [{Member_Account, ShuttedUntil}] (the field names of the page's sample).

const { okBody } = require('../errors');
const { findGroup } = require('./groups_common');

function getGroupMutedAccount({ body, app, state, nowSeconds }) {
	const group = findGroup(state, app, body);
	const list = [];
	if (group.type === 'AVChatRoom') {
		for (const [id, until] of group.mutes) if (until > nowSeconds) list.push({ Member_Account: id, ShuttedUntil: until });
	} else {
		for (let i = 0, n = group.members.count; i < n; i++) {
			const m = group.members.at(i);
			if (m.MuteUntil > nowSeconds) list.push({ Member_Account: m.Member_Account, ShuttedUntil: m.MuteUntil });
		}
	}
	return okBody({ GroupId: group.id, ShuttedUinList: list });
}

module.exports = { service: 'group_open_http_svc', command: 'get_group_muted_account', mutates: false, badJsonCode: 10004, handler: getGroupMutedAccount };
