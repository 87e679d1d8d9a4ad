import { searchGroups } from './listSearch';

export const listSearch = { searchGroups };
