// The request log: one entry per API call, and the counts stats() gives from it.

import type { FaultKind } from './options';

export interface LogEntry {
	time: number;
	service: string;
	command: string;
	sdkAppId: number | null;
	identifier: string | null;
	random: number | string | null;
	/** TLS.time of the ticket, when it decodes */
	ticketTime: number | null;
	/** a short hash of the ticket (see usersig.ts ticketId), never the ticket */
	ticketId: string | null;
	body: any;
	/** the HTTP status sent; 0 when the client left first */
	status: number | null;
	errorCode: number | null;
	fault: FaultKind | 'intercept' | null;
	/** the call hung (a hang fault) before it was answered */
	hung?: boolean;
}

export interface Stats {
	requests: number;
	calls: Record<string, number>;
	errors: Record<string, number>;
	faults: Record<string, number>;
	distinctTicketIds: number;
}

export function newLogEntry(service: string, command: string): LogEntry {
	return {
		time: Date.now(),
		service,
		command,
		sdkAppId: null,
		identifier: null,
		random: null,
		ticketTime: null,
		ticketId: null,
		body: null,
		status: null,
		errorCode: null,
		fault: null,
	};
}

function bump(counts: Record<string, number>, key: string | number): void {
	counts[key] = (counts[key] || 0) + 1;
}

export function statsOf(log: LogEntry[]): Stats {
	const calls: Record<string, number> = {};
	const errors: Record<string, number> = {};
	const faults: Record<string, number> = {};
	const tickets = new Set<string>();
	for (const e of log) {
		bump(calls, e.command);
		if (e.errorCode) bump(errors, e.errorCode);
		if (e.fault) bump(faults, e.fault);
		if (e.hung && e.fault !== 'hang') bump(faults, 'hang');
		if (e.ticketId) tickets.add(e.ticketId);
	}
	return { requests: log.length, calls, errors, faults, distinctTicketIds: tickets.size };
}
