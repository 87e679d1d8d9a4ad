// Subscribers of one official account, in subscription order.
// Positions never move: a generated block (virtual, computed on read) comes
// first, appended subscribers follow, and deletions leave tombstones. So a
// cursor that holds a position stays correct while others add and delete.

import * as ds from './datasets';
import type { SubscriberRecord } from './records';

const DEFAULT_PREFIX = 'user';

export interface SubscriberStoreOptions {
	seed: number;
	prefix?: string;
	maxSubscribers?: number | null;
}

export class SubscriberStore {
	seed: number;
	prefix: string;
	maxSubscribers: number;
	/** positions [0, generated) are virtual */
	generated: number;
	/** positions [generated, ...): explicit records (null once deleted) */
	extra: (SubscriberRecord | null)[];
	/** id -> position, live explicit records only */
	extraIndex: Map<string, number>;
	/** tombstoned positions */
	dead: Set<number>;
	alive: number;
	/** position -> CustomString set by modify_subscriber_info (generated records) */
	customStrings: Map<number, string>;

	/** @param spec generated count, or ids / {Subscriber_Account, ...} objects */
	constructor(spec: number | (string | Partial<SubscriberRecord>)[] | null | undefined, opts: SubscriberStoreOptions) {
		this.seed = opts.seed >>> 0;
		this.prefix = opts.prefix || DEFAULT_PREFIX;
		this.maxSubscribers = opts.maxSubscribers == null ? Infinity : Number(opts.maxSubscribers);
		this.generated = 0;
		this.extra = [];
		this.extraIndex = new Map();
		this.dead = new Set();
		this.alive = 0;
		this.customStrings = new Map();
		if (typeof spec === 'number') {
			if (!Number.isInteger(spec) || spec < 0) throw new Error('subscribers must be a non-negative integer');
			this.generated = spec;
			this.alive = spec;
		} else if (Array.isArray(spec)) {
			for (const item of spec) {
				const rec: Partial<SubscriberRecord> = typeof item === 'string' ? { Subscriber_Account: item } : item;
				if (!rec || typeof rec.Subscriber_Account !== 'string') throw new Error('each subscriber needs Subscriber_Account');
				if (this.positionOf(rec.Subscriber_Account) >= 0) continue; // a list never holds one id twice
				this.append(rec as SubscriberRecord, ds.generatedSubscriber(this.seed, this.prefix, this.length).SubscribeTime);
			}
		} else if (spec != null) {
			throw new Error('subscribers must be a number or an array');
		}
	}

	/** Number of positions ever used (alive or tombstoned). */
	get length(): number {
		return this.generated + this.extra.length;
	}

	get count(): number {
		return this.alive;
	}

	positionOf(id: string): number {
		const p = this.extraIndex.get(id);
		if (p !== undefined) return p;
		if (this.generated > 0) {
			const i = ds.subscriberIndex(this.prefix, id);
			if (i >= 0 && i < this.generated && !this.dead.has(i)) return i;
		}
		return -1;
	}

	has(id: string): boolean {
		return this.positionOf(id) >= 0;
	}

	append(rec: Pick<SubscriberRecord, 'Subscriber_Account'> & Partial<SubscriberRecord>, subscribeTime: number): number {
		const full: SubscriberRecord = {
			Subscriber_Account: rec.Subscriber_Account,
			SubscribeTime: rec.SubscribeTime ?? subscribeTime,
			CustomString: rec.CustomString ?? '',
			MsgFlag: rec.MsgFlag ?? 'AcceptAndNotify',
			LastSendMsgTime: rec.LastSendMsgTime ?? 0,
		};
		const pos = this.length;
		this.extra.push(full);
		this.extraIndex.set(full.Subscriber_Account, pos);
		this.alive++;
		return pos;
	}

	/** @returns 1 added, 2 already there, 0 account full */
	add(id: string, nowSeconds: number): 0 | 1 | 2 {
		if (this.has(id)) return 2;
		if (this.alive >= this.maxSubscribers) return 0;
		this.append({ Subscriber_Account: id }, nowSeconds);
		return 1;
	}

	/** @returns 1 removed, 2 was not subscribed */
	remove(id: string): 1 | 2 {
		const pos = this.positionOf(id);
		if (pos < 0) return 2;
		this.dead.add(pos);
		this.customStrings.delete(pos);
		if (pos >= this.generated) {
			this.extraIndex.delete(id);
			this.extra[pos - this.generated] = null; // free the record, keep the position
		}
		this.alive--;
		return 1;
	}

	recordAt(pos: number): SubscriberRecord {
		if (pos >= this.generated) return { ...(this.extra[pos - this.generated] as SubscriberRecord) };
		const rec = ds.generatedSubscriber(this.seed, this.prefix, pos);
		const custom = this.customStrings.get(pos);
		if (custom !== undefined) rec.CustomString = custom;
		return rec;
	}

	/** The live record of one subscriber, or undefined. */
	recordOf(id: string): SubscriberRecord | undefined {
		const pos = this.positionOf(id);
		return pos < 0 ? undefined : this.recordAt(pos);
	}

	/** @returns false when the user is not a subscriber */
	setCustomString(id: string, value: string): boolean {
		const pos = this.positionOf(id);
		if (pos < 0) return false;
		if (pos >= this.generated) (this.extra[pos - this.generated] as SubscriberRecord).CustomString = value;
		else this.customStrings.set(pos, value);
		return true;
	}

	/** Live records from position `start`, at most `limit` of them; `next` is the position after the last one read. */
	page(start: number, limit: number): { items: SubscriberRecord[]; next: number } {
		const items: SubscriberRecord[] = [];
		const end = this.length;
		let pos = start;
		const checkDead = this.dead.size > 0;
		while (pos < end && items.length < limit) {
			if (!checkDead || !this.dead.has(pos)) items.push(this.recordAt(pos));
			pos++;
		}
		// Skip trailing tombstones so the last page ends with an empty Next.
		while (checkDead && pos < end && this.dead.has(pos)) pos++;
		return { items, next: pos };
	}

	ids(): string[] {
		const out = new Array<string>(this.alive);
		let k = 0;
		const checkDead = this.dead.size > 0;
		for (let pos = 0; pos < this.generated; pos++) {
			if (!checkDead || !this.dead.has(pos)) out[k++] = ds.subscriberId(this.prefix, pos);
		}
		for (const rec of this.extra) if (rec) out[k++] = rec.Subscriber_Account;
		return out;
	}
}
