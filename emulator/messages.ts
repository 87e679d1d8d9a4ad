// Message history of one official account: seqs 1..N, newest = N.
// Generated messages are computed on read; holes (IsPlaceMsg 1) and recalled
// messages (IsPlaceMsg 2) are chosen by explicit seq lists or by a ratio.
// Seqs below expiredBelowSeq have expired: they are never returned.

import * as ds from './datasets';
import type { MessageElement, MessageRecord } from './records';

/** Seqs chosen one by one, or a share of them chosen by hash. */
interface SeqChoice {
	set: Set<number>;
	ratio: number;
}

export interface MessageStoreOptions {
	seed: number;
	from: string;
	expiredBelowSeq?: number;
}

function toSeqSet(v: unknown, name: string): SeqChoice {
	if (v == null) return { set: new Set(), ratio: 0 };
	if (typeof v === 'number') {
		if (!(v >= 0 && v <= 1)) throw new Error(`${name} ratio must be within 0..1`);
		return { set: new Set(), ratio: v };
	}
	if (Array.isArray(v)) return { set: new Set(v.map(Number)), ratio: 0 };
	throw new Error(`${name} must be an array of seqs or a ratio`);
}

export class MessageStore {
	seed: number;
	from: string;
	/** seq -> message when given as a list */
	explicit: Map<number, MessageRecord> | null;
	/** the newest seq */
	count: number;
	holes: SeqChoice;
	recalled: SeqChoice;
	expiredBelowSeq: number;
	/** seq -> message appended by send_official_account_msg */
	sent: Map<number, MessageRecord>;

	/** @param spec N, explicit messages, or {count|list, holes, recalled, expiredBelowSeq} */
	constructor(spec: any, opts: MessageStoreOptions) {
		this.seed = opts.seed >>> 0;
		this.from = opts.from;
		this.explicit = null;
		let cfg = spec;
		if (typeof spec === 'number' || Array.isArray(spec)) cfg = { count: spec };
		if (cfg == null) cfg = { count: 0 };
		if (typeof cfg !== 'object') throw new Error('messages must be a number, an array or an object');
		const list = Array.isArray(cfg.count) ? cfg.count : Array.isArray(cfg.list) ? cfg.list : null;
		if (list) {
			this.explicit = new Map();
			let seq = 0;
			for (const m of list) {
				seq = m.MsgSeq != null ? Number(m.MsgSeq) : seq + 1;
				this.explicit.set(seq, this.normalise(m, seq));
			}
			this.count = seq === 0 ? 0 : Math.max(...this.explicit.keys());
		} else {
			const n = cfg.count == null ? 0 : cfg.count;
			if (!Number.isInteger(n) || n < 0) throw new Error('messages count must be a non-negative integer');
			this.count = n;
		}
		this.holes = toSeqSet(cfg.holes, 'holes');
		this.recalled = toSeqSet(cfg.recalled, 'recalled');
		this.expiredBelowSeq = Number(cfg.expiredBelowSeq ?? opts.expiredBelowSeq ?? 0);
		this.sent = new Map();
	}

	/** Appends a sent message as the newest; returns it as history will show it. */
	append({ body, time, cloudCustomData }: { body: MessageElement[]; time: number; cloudCustomData?: string }): MessageRecord {
		const seq = this.count + 1;
		const msg: MessageRecord = { From_Account: this.from, IsPlaceMsg: 0, MsgBody: body, MsgSeq: seq, MsgKey: ds.msgKey(seq, time), MsgTimeStamp: time };
		if (cloudCustomData) msg.CloudCustomData = cloudCustomData;
		this.sent.set(seq, msg);
		this.count = seq;
		return { ...msg };
	}

	/** Marks a message recalled (IsPlaceMsg 2 from now on). */
	recall(seq: number): void {
		this.recalled.set.add(seq);
	}

	normalise(m: Partial<MessageRecord> & { text?: unknown }, seq: number): MessageRecord {
		const time = m.MsgTimeStamp != null ? Number(m.MsgTimeStamp) : ds.messageTime(this.seed, seq);
		let body = m.MsgBody;
		if (!body) body = m.text != null ? [{ MsgType: 'TIMTextElem', MsgContent: { Text: String(m.text) } }] : [];
		return {
			From_Account: m.From_Account ?? this.from,
			IsPlaceMsg: m.IsPlaceMsg ?? 0,
			MsgBody: body,
			MsgSeq: seq,
			MsgKey: m.MsgKey ?? ds.msgKey(seq, time),
			MsgTimeStamp: time,
		};
	}

	placeKind(seq: number): number {
		if (this.sent.has(seq)) return this.recalled.set.has(seq) ? 2 : 0; // ratios apply to generated history only
		if (this.holes.set.has(seq) || ds.pickedByRatio(this.seed, 0x1f1f, seq, this.holes.ratio)) return 1;
		if (this.recalled.set.has(seq) || ds.pickedByRatio(this.seed, 0x2e2e, seq, this.recalled.ratio)) return 2;
		return 0;
	}

	/** The message at seq (1..count), as the API returns it. */
	get(seq: number): MessageRecord {
		let msg: MessageRecord;
		const sent = this.sent.get(seq);
		if (sent) {
			msg = { ...sent };
		} else if (this.explicit) {
			const listed = this.explicit.get(seq);
			// A seq missing from an explicit list reads as a hole.
			msg = listed ? { ...listed } : this.normalise({ IsPlaceMsg: 1 }, seq);
		} else {
			const time = ds.messageTime(this.seed, seq);
			msg = {
				From_Account: this.from,
				IsPlaceMsg: 0,
				MsgBody: ds.generatedMessageBody(this.seed, seq),
				MsgSeq: seq,
				MsgKey: ds.msgKey(seq, time),
				MsgTimeStamp: time,
			};
		}
		const kind = msg.IsPlaceMsg || this.placeKind(seq);
		if (kind) {
			msg.IsPlaceMsg = kind;
			msg.MsgBody = [];
		}
		return msg;
	}
}
