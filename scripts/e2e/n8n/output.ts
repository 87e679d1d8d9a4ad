// Reading what `n8n execute` prints.

/**
 * The run data printed by `n8n execute --rawOutput`: it starts at the first
 * line that is exactly `{` (log lines come before it) and ends at a line that
 * is exactly `}` (log lines may follow). Returns null when there is none.
 */
export function parseExecuteOutput(stdout: string): any {
	const lines = stdout.split(/\r?\n/);
	const start = lines.indexOf('{');
	if (start === -1) return null;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			/* try an earlier closing line */
		}
	}
	return null;
}

/** Output items (json only) of a node in a parsed IRun: [ [items of output 0], ... ]. */
export function nodeOutput(run: any, nodeName: string, runIndex = 0): any[][] | undefined {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!task) return undefined;
	return (task.data?.main || []).map((items: any[] | null) => (items || []).map((i) => i.json));
}
