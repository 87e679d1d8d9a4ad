'use strict';
// im_open_login_svc/account_check: every well-formed UserID reads as imported.

const { ApiError, okBody } = require('../errors');

const MAX_ITEMS = 100;

function accountCheck({ body }) {
	const items = body.CheckItem;
	if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
		throw new ApiError(70402, `Invalid parameter: CheckItem must hold 1 to ${MAX_ITEMS} items.`);
	}
	const ResultItem = items.map((item) => {
		const id = item && item.UserID;
		if (typeof id !== 'string' || id === '') {
			return { UserID: typeof id === 'string' ? id : '', ResultCode: 70402, ResultInfo: 'invalid UserID', AccountStatus: 'NotImported' };
		}
		return { UserID: id, ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' };
	});
	return okBody({ ResultItem });
}

module.exports = { service: 'im_open_login_svc', command: 'account_check', mutates: false, badJsonCode: 60003, handler: accountCheck };
