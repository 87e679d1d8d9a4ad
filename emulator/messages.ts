'use strict';
// Message history of one official account: seqs 1..N, newest = N.
// Generated messages are computed on read; holes (IsPlaceMsg 1) and recalled
// messages (IsPlaceMsg 2) are chosen by explicit seq lists or by a ratio.
// Seqs below expiredBelowSeq have expired: they are never returned.

const ds = require('./datasets');

function toSeqSet(v, name) {
	if (v == null) return { set: new Set(), ratio: 0 };
	if (typeof v === 'number') {
		if (!(v >= 0 && v <= 1)) throw new Error(`${name} ratio must be within 0..1`);
		return { set: new Set(), ratio: v };
	}
	if (Array.isArray(v)) return { set: new Set(v.map(Number)), ratio: 0 };
	throw new Error(`${name} must be an array of seqs or a ratio`);
}

class MessageStore {
	/**
	 * @param {number|Array|object} spec N, explicit messages, or {count|list, holes, recalled, expiredBelowSeq}
	 * @param {{seed:number, from:string, expiredBelowSeq?:number}} opts
	 */
	constructor(spec, opts) {
		this.seed = opts.seed >>> 0;
		this.from = opts.from;
		this.explicit = null; // Map seq -> message when given as a list
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
		this.sent = new Map(); // seq -> message appended by send_official_account_msg
	}

	/** Appends a sent message as the newest; returns it as history will show it. */
	append({ body, time, cloudCustomData }) {
		const seq = this.count + 1;
		const msg = { From_Account: this.from, IsPlaceMsg: 0, MsgBody: body, MsgSeq: seq, MsgKey: ds.msgKey(seq, time), MsgTimeStamp: time };
		if (cloudCustomData) msg.CloudCustomData = cloudCustomData;
		this.sent.set(seq, msg);
		this.count = seq;
		return { ...msg };
	}

	/** Marks a message recalled (IsPlaceMsg 2 from now on). */
	recall(seq) {
		this.recalled.set.add(seq);
	}

	normalise(m, seq) {
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

	placeKind(seq) {
		if (this.sent.has(seq)) return this.recalled.set.has(seq) ? 2 : 0; // ratios apply to generated history only
		if (this.holes.set.has(seq) || ds.pickedByRatio(this.seed, 0x1f1f, seq, this.holes.ratio)) return 1;
		if (this.recalled.set.has(seq) || ds.pickedByRatio(this.seed, 0x2e2e, seq, this.recalled.ratio)) return 2;
		return 0;
	}

	/** The message at seq (1..count), as the API returns it. */
	get(seq) {
		let msg;
		if (this.sent.has(seq)) {
			msg = { ...this.sent.get(seq) };
		} else if (this.explicit) {
			msg = this.explicit.get(seq);
			// A seq missing from an explicit list reads as a hole.
			msg = msg ? { ...msg } : this.normalise({ IsPlaceMsg: 1 }, seq);
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

module.exports = { MessageStore };
