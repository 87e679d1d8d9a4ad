// im_open_login_svc/account_check: every well-formed UserID reads as imported.

import { ApiError, okBody, type Envelope } from '../errors';
import type { ApiContext } from './types';

const MAX_ITEMS = 100;

function accountCheck({ body }: ApiContext): Envelope {
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

export const service = 'im_open_login_svc';
export const command = 'account_check';
export const mutates = false;
export const badJsonCode = 60003;
export { accountCheck as handler };
