// group_open_http_svc/get_appid_group_list (https://trtc.io/document/34960): the app's group IDs in
// creation order. Limit at most 10,000 (the default), Next 0 to start and 0 when done, optional
// GroupType. Only 1 call a second (the server answers 60007 beyond it).

import { okBody, type Envelope } from '../errors';
import { GROUP_TYPES } from '../state';
import { bad } from './groups_common';
import type { Group } from '../records';
import type { ApiContext } from './types';

const MAX_LIMIT = 10000;

function getAppidGroupList({ body, app, state }: ApiContext): Envelope {
	const limit = body.Limit ?? MAX_LIMIT;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw bad(`Limit must be 1 to ${MAX_LIMIT}.`);
	const next = body.Next ?? 0;
	if (!Number.isSafeInteger(next) || next < 0) throw bad('Next must be 0 or a value returned by the previous call.');
	const type = body.GroupType;
	if (type != null && !GROUP_TYPES.includes(type)) throw bad(`GroupType must be one of ${GROUP_TYPES.join(', ')}.`);
	const catalog = state.catalog(app.sdkAppId);
	if (next > catalog.count) throw bad('Next is not a value returned by this API.');
	const page = catalog.page(next, limit, type, (id) => (state.findGroup(app.sdkAppId, id) as Group).type);
	return okBody({
		TotalCount: page.total,
		GroupIdList: page.ids.map((GroupId) => ({ GroupId })),
		Next: page.next < catalog.count ? page.next : 0,
	});
}

export const service = 'group_open_http_svc';
export const command = 'get_appid_group_list';
export const mutates = false;
export const badJsonCode = 10004;
export const ratePerSecond = 1;
export { getAppidGroupList as handler };
