// The registry of processes the e2e tools start. Every n8n process runs in its own process group (detached);
// when it ends, or on cleanup, timeout or a signal to the runner, the whole group is killed by its id (-pid),
// so children n8n starts (the task runner) cannot outlive it.
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

interface Entry {
	label: string;
	group: boolean;
}
interface EverStarted extends Entry {
	pid: number;
	start: number | null;
}
interface ProcRow {
	pid: number;
	pgid: number;
	state: string;
	start: number;
}

/** pid -> { label, group }: processes started through this module (or trackProcess) not yet reaped. */
const started = new Map<number, Entry>();
/** Every process ever registered, with its start time, for stillRunning(). */
const everStarted: EverStarted[] = [];

/** Linux process table from /proc: [{ pid, pgid, state, start }] (start: clock ticks after boot), or null. */
function procTable(): ProcRow[] | null {
	if (!fs.existsSync('/proc/self/stat')) return null;
	const out: ProcRow[] = [];
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// Fields after "(comm)": state ppid pgrp ... starttime is field 22, i.e. index 19 here.
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		out.push({ pid: Number(name), state: f[0], pgid: Number(f[2]), start: Number(f[19]) });
	}
	return out;
}

/** Registers a child process; `group` when it leads its own process group (spawned detached). */
export function trackProcess(child: ChildProcess | undefined, label: string, { group = false } = {}): void {
	if (!child || !child.pid) return;
	const pid = child.pid;
	started.set(pid, { label, group });
	// A single process leaves the registry when it exits: its pid may be reused
	// soon (pid_max can be 32768). A group is reaped (and left) by its owner.
	if (!group) child.once('exit', () => started.delete(pid));
	const self = procTable()?.find((p) => p.pid === pid);
	everStarted.push({ pid, label, group, start: self ? self.start : null });
}

function signalProcess(pid: number, group: boolean, signal: NodeJS.Signals | 0): boolean {
	try {
		process.kill(group ? -pid : pid, signal);
		return true;
	} catch {
		return false; // ESRCH: gone
	}
}

/** Kills one registered process (its whole group when it has one) and forgets it. */
export function killStarted(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
	const entry = pid === undefined ? undefined : started.get(pid);
	if (!entry || pid === undefined) return;
	signalProcess(pid, entry.group, signal);
	if (signal === 'SIGKILL') started.delete(pid);
}

/** Kills every registered process (group) by id: for signal handlers and `exit`. Synchronous. */
export function killAllStarted(signal: NodeJS.Signals = 'SIGKILL'): void {
	for (const pid of [...started.keys()]) killStarted(pid, signal);
}

/**
 * Every process ever registered that is still alive, or any live member of a
 * process group it led: [{ pid, label }]. On Linux this reads /proc and
 * compares start times, so a pid reused by another program does not count.
 */
export function stillRunning(): { checked: number; alive: { pid: number; label: string }[] } {
	const table = procTable();
	const alive: { pid: number; label: string }[] = [];
	for (const e of everStarted) {
		if (!table) {
			if (signalProcess(e.pid, e.group, 0)) alive.push({ pid: e.pid, label: e.label });
			continue;
		}
		const live = table.filter(
			(p) => p.state !== 'Z' && (e.group ? p.pgid === e.pid : p.pid === e.pid) && (e.start === null || p.start >= e.start),
		);
		for (const p of live) alive.push({ pid: p.pid, label: p.pid === e.pid ? e.label : `${e.label}: child ${p.pid}` });
	}
	return { checked: everStarted.length, alive };
}

/** Runs when a registered detached child has exited: reaps anything left in its group. */
export function reapGroup(pid: number | undefined): void {
	if (pid === undefined) return;
	signalProcess(pid, true, 'SIGKILL');
	started.delete(pid);
}
