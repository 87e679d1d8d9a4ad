// Members of one group. Generated members are computed on read; role-filtered
// views are index arrays, cached per filter, so paging a filtered list is O(page).

import * as ds from './datasets';
import type { CustomDatum, MemberRecord } from './records';

export const ROLES: string[] = ['Owner', 'Admin', 'Member'];

export interface MemberStoreOptions {
	seed: number;
	prefix?: string;
	customFields?: string[];
	memberPaddingBytes?: number;
}

export class MemberStore {
	seed: number;
	prefix: string;
	customFields: string[];
	padding: string;
	/** a generated list: its length (0 once it is explicit) */
	generated: number;
	explicit: MemberRecord[] | null;
	/** Member_Account -> index into explicit */
	index: Map<string, number> | null = null;
	/** role filter -> member indexes */
	views: Map<string, Int32Array>;

	/** @param spec generated count, or IDs / [{Member_Account, Role, ...}] */
	constructor(spec: number | (string | Partial<MemberRecord>)[] | null | undefined, opts: MemberStoreOptions) {
		this.seed = opts.seed >>> 0;
		this.prefix = opts.prefix || 'member';
		this.customFields = opts.customFields || [];
		// One shared string: padding 6000 members costs one allocation, not 6000.
		this.padding = (opts.memberPaddingBytes ?? 0) > 0 ? 'P'.repeat(opts.memberPaddingBytes as number) : '';
		this.generated = 0;
		this.explicit = null;
		this.views = new Map();
		if (typeof spec === 'number') {
			if (!Number.isInteger(spec) || spec < 0) throw new Error('members must be a non-negative integer');
			this.generated = spec;
		} else if (Array.isArray(spec)) {
			this.explicit = spec.map((m, i) => this.normalise(m, i));
		} else if (spec != null) {
			throw new Error('members must be a number or an array');
		}
	}

	normalise(m: string | Partial<MemberRecord>, i: number): MemberRecord {
		const rec: Partial<MemberRecord> = typeof m === 'string' ? { Member_Account: m } : m;
		if (!rec || typeof rec.Member_Account !== 'string') throw new Error('each member needs Member_Account');
		const gen = ds.generatedMember(this.seed, this.prefix, i, [], '');
		let custom = rec.AppMemberDefinedData;
		if (!custom) custom = this.customFields.map((Key) => ({ Key, Value: '' }));
		return {
			Member_Account: rec.Member_Account as string,
			Role: rec.Role ?? (i === 0 ? 'Owner' : 'Member'),
			JoinTime: rec.JoinTime ?? gen.JoinTime,
			MsgSeq: rec.MsgSeq ?? gen.MsgSeq,
			MsgFlag: rec.MsgFlag ?? 'AcceptAndNotify',
			LastSendMsgTime: rec.LastSendMsgTime ?? 0,
			MuteUntil: rec.MuteUntil ?? 0,
			NameCard: rec.NameCard ?? this.padding,
			AppMemberDefinedData: custom,
		};
	}

	get count(): number {
		return this.explicit ? this.explicit.length : this.generated;
	}

	at(i: number): MemberRecord {
		if (this.explicit) return this.explicit[i];
		return ds.generatedMember(this.seed, this.prefix, i, this.customFields, this.padding);
	}

	roleAt(i: number): string {
		return this.explicit ? this.explicit[i].Role : ds.generatedRole(this.seed, i);
	}

	/** Indexes of the members whose role is in `roles` (null = everyone). */
	view(roles: string[] | null): Int32Array | null {
		if (!roles) return null;
		const wanted = ROLES.filter((r) => roles.includes(r));
		const key = wanted.join(',');
		let v = this.views.get(key);
		if (!v) {
			const tmp: number[] = [];
			for (let i = 0, n = this.count; i < n; i++) if (wanted.includes(this.roleAt(i))) tmp.push(i);
			v = Int32Array.from(tmp);
			this.views.set(key, v);
		}
		return v;
	}

	// ---- changes (add, remove, role, name card, mute) ----------------------------
	// The first change turns a generated list into explicit records; later changes are O(1)
	// per member except removal, which rebuilds the list once per call.

	materialise(): MemberRecord[] {
		if (!this.explicit) {
			this.explicit = new Array(this.generated);
			for (let i = 0; i < this.generated; i++) this.explicit[i] = ds.generatedMember(this.seed, this.prefix, i, this.customFields, this.padding);
			this.generated = 0;
		}
		this.indexed();
		this.views.clear();
		return this.explicit;
	}

	/** The index of the explicit list, built on first use. */
	private indexed(): Map<string, number> {
		if (!this.index) this.index = new Map((this.explicit as MemberRecord[]).map((m, i) => [m.Member_Account, i]));
		return this.index;
	}

	/** The member record, or undefined; read-only (use update to change it). */
	get(id: string): MemberRecord | undefined {
		if (this.explicit) {
			const i = this.indexed().get(id);
			return i === undefined ? undefined : this.explicit[i];
		}
		const i = ds.subscriberIndex(this.prefix, id); // member IDs have the same generated form
		return i >= 0 && i < this.generated ? this.at(i) : undefined;
	}

	has(id: string): boolean {
		return this.get(id) !== undefined;
	}

	/** @returns 1 added, 2 already a member */
	add(id: string, nowSeconds: number): 1 | 2 {
		if (this.has(id)) return 2;
		const list = this.materialise();
		const custom: CustomDatum[] = this.customFields.map((Key) => ({ Key, Value: '' }));
		list.push({ Member_Account: id, Role: 'Member', JoinTime: nowSeconds, MsgSeq: 0, MsgFlag: 'AcceptAndNotify', LastSendMsgTime: 0, MuteUntil: 0, NameCard: '', AppMemberDefinedData: custom });
		this.indexed().set(id, list.length - 1);
		return 1;
	}

	/** Removes every listed member that is there; returns how many were. */
	removeMany(ids: string[]): number {
		const gone = new Set(ids.filter((id) => this.has(id)));
		if (!gone.size) return 0;
		this.explicit = this.materialise().filter((m) => !gone.has(m.Member_Account));
		this.index = null;
		return gone.size;
	}

	/** Changes fields of one member (which must be there). */
	update(id: string, patch: Partial<MemberRecord>): void {
		const list = this.materialise();
		Object.assign(list[this.indexed().get(id) as number], patch);
	}

	ids(): string[] {
		const out = new Array<string>(this.count);
		for (let i = 0; i < out.length; i++) out[i] = this.explicit ? this.explicit[i].Member_Account : ds.memberId(this.prefix, i);
		return out;
	}
}
