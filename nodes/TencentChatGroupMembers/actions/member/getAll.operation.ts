import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { forEachItem } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { readSimplify, simplifyMember, simplifyProperty } from '../../../shared/simplify';
import { readGroupId } from './common';
import { flattenCustomFields, optionsProperty, readFilters, readPageSize, readPagination } from './memberOptions';
import { walkNext } from './nextPaging';
import { MAX_OFFSET_PAGE_SIZE, walkOffset } from './offsetPaging';
import { pageFetcher, type MemberQuery, type MemberWalk } from './pageFetcher';

/** Community group IDs start with this (Tencent's examples); others are detected by the Next in the first answer. */
const COMMUNITY_PREFIX = '@TGS#_';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	simplifyProperty,
	optionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['member'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex, output) => {
		const groupId = readGroupId.call(this, itemIndex);
		const limit = readLimit.call(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const flatten = options.flattenCustomFields !== false;
		const pagination = readPagination(options);
		const query: MemberQuery = { groupId, filters: readFilters(options), itemIndex, what: `members of group "${groupId}"` };
		const fetcher = pageFetcher.call(this, query, Math.min(readPageSize.call(this, options, itemIndex), MAX_OFFSET_PAGE_SIZE));
		const pairedItem = { item: itemIndex };
		const simplify = readSimplify.call(this, itemIndex);
		const shape = (member: IDataObject) =>
			simplify ? simplifyMember(member, groupId) : flatten ? flattenCustomFields(member) : member;
		const walk: MemberWalk = {
			limit,
			roleFiltered: query.filters.MemberRoleFilter !== undefined,
			emit: (member) => output.push({ json: shape(member), pairedItem }),
		};

		if (pagination === 'next' || (pagination === 'auto' && groupId.startsWith(COMMUNITY_PREFIX))) {
			return await walkNext.call(this, fetcher, query, walk);
		}
		if (pagination === 'offset') return await walkOffset.call(this, fetcher, query, walk);

		// Auto: Next "" without Offset suits both kinds; only a Community group answers with a Next.
		const first = await fetcher.fetch({ Next: '' }, limit, 1);
		const walkOn = first.next === undefined ? walkOffset : walkNext;
		await walkOn.call(this, fetcher, query, { ...walk, first });
	});
}
