// The group catalogue of one app: group IDs in creation order, for get_appid_group_list.
// A generated block (computed on read from seed and index) comes first, so an app of
// 20,000 groups costs one small object until a group is used; explicit groups follow.

import { hash32, seedFromString } from './datasets';
import type { GeneratedGroupsSpec, GroupSpec, GroupType } from './records';

const ID_HEAD = '@TGS#';
const ADJECTIVES = ['Sunny', 'Quiet', 'Brave', 'Lucky', 'Swift', 'Clever', 'Golden', 'Silver', 'Happy', 'Bright', 'Calm', 'Bold'];
const NOUNS = ['Otters', 'Pandas', 'Falcons', 'Builders', 'Readers', 'Runners', 'Makers', 'Gamers', 'Travellers', 'Cooks', 'Coders', 'Artists'];

/** A readable name that is a pure function of a seed, e.g. "Brave Pandas 417". */
export function generatedName(seed: number, index: number): string {
	const h = hash32(seed, index);
	return `${ADJECTIVES[h % ADJECTIVES.length]} ${NOUNS[(h >>> 8) % NOUNS.length]} ${index + 1}`;
}

/** The default name of a group added without one: generated from its ID. */
export function defaultGroupName(id: string): string {
	return generatedName(seedFromString(id), 0).replace(/ 1$/, '');
}

/** Private and Work, ChatRoom and Meeting are old and new names of one type. */
export function sameType(a: string, b: string): boolean {
	const canonical = (t: string) => (t === 'Private' ? 'Work' : t === 'ChatRoom' ? 'Meeting' : t);
	return canonical(a) === canonical(b);
}

export class GroupCatalog {
	/** how many generated groups come first */
	generated: number;
	prefix: string;
	types: string[];
	members: number;
	seed: number;
	/** ids of added groups, in order */
	explicit: string[];
	explicitSet: Set<string>;

	/** @param spec generated groups: a count, or `count` of them, types cycling through `types`, each with `members` members */
	constructor(spec: number | GeneratedGroupsSpec | null | undefined) {
		const s: GeneratedGroupsSpec = typeof spec === 'number' ? { count: spec } : spec || {};
		if (!Number.isInteger(s.count ?? 0) || (s.count ?? 0) < 0) throw new Error('generatedGroups.count must be a non-negative integer');
		this.generated = s.count ?? 0;
		this.prefix = s.prefix || 'GEN';
		this.types = s.types && s.types.length ? s.types.slice() : ['Public'];
		this.members = s.members ?? 3;
		this.seed = s.seed != null ? Number(s.seed) >>> 0 : 20261201;
		this.explicit = [];
		this.explicitSet = new Set();
	}

	get count(): number {
		return this.generated + this.explicit.length;
	}

	typeAt(index: number): string {
		return this.types[index % this.types.length];
	}

	generatedId(index: number): string {
		const community = this.typeAt(index) === 'Community' ? '_' : '';
		return `${ID_HEAD}${community}${this.prefix}${String(index + 1).padStart(6, '0')}`;
	}

	/** Index of a generated group ID, or -1. */
	generatedIndex(id: unknown): number {
		if (typeof id !== 'string' || !id.startsWith(ID_HEAD)) return -1;
		const rest = id.slice(ID_HEAD.length).replace(/^_/, '');
		if (!rest.startsWith(this.prefix)) return -1;
		const digits = rest.slice(this.prefix.length);
		if (!/^\d{6,12}$/.test(digits)) return -1;
		const index = Number(digits) - 1;
		return index >= 0 && index < this.generated && this.generatedId(index) === id ? index : -1;
	}

	/** The addGroup spec of a generated group (used the first time it is looked up). */
	generatedSpec(id: string): GroupSpec | null {
		const index = this.generatedIndex(id);
		if (index < 0 || this.explicitSet.has(id)) return null;
		return { id, type: this.typeAt(index) as GroupType, name: generatedName(this.seed, index), members: this.members, seed: hash32(this.seed ^ 0x9e3779b9, index) };
	}

	register(id: string): void {
		if (this.explicitSet.has(id) || this.generatedIndex(id) >= 0) return;
		this.explicitSet.add(id);
		this.explicit.push(id);
	}

	idAt(position: number): string {
		return position < this.generated ? this.generatedId(position) : this.explicit[position - this.generated];
	}

	/**
	 * Group IDs from `start`, at most `limit`, of `type` when given (resolveType gives an explicit group's type);
	 * `next` is the position after the last one read.
	 */
	page(start: number, limit: number, type: string | undefined, resolveType: (id: string) => string): { ids: string[]; next: number; total: number } {
		const typeOf = (pos: number) => (pos < this.generated ? this.typeAt(pos) : resolveType(this.explicit[pos - this.generated]));
		const ids: string[] = [];
		let pos = start;
		while (pos < this.count && ids.length < limit) {
			if (!type || sameType(typeOf(pos), type)) ids.push(this.idAt(pos));
			pos++;
		}
		if (type) while (pos < this.count && !sameType(typeOf(pos), type)) pos++;
		let total = this.count;
		if (type) {
			total = 0;
			for (let p = 0; p < this.count; p++) if (sameType(typeOf(p), type)) total++;
		}
		return { ids, next: pos, total };
	}
}
