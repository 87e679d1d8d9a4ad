'use strict';
// Read-only view of one finished run, for assertions.

function createResult({ run, error, execute, cancel, cancelled }) {
	const runData = () => run?.data.resultData.runData ?? {};
	const lastTask = (nodeName) => runData()[nodeName]?.at(-1);

	return {
		run,
		error,
		status: run?.status ?? (error ? 'error' : undefined),
		cancelled: cancelled(),
		cancel,
		ran: (nodeName) => lastTask(nodeName) !== undefined,
		// Output items (main output 0) of the node's last run, as the node produced them.
		items(nodeName) {
			const task = lastTask(nodeName);
			if (!task) {
				const ran = Object.keys(runData()).join(', ') || 'none';
				throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})`);
			}
			return task.data?.main?.[0] ?? [];
		},
		// The error the node's last run ended with: the real thrown object when known.
		nodeError(nodeName) {
			const taskError = lastTask(nodeName)?.error;
			return taskError && execute ? execute.real(taskError) : taskError;
		},
	};
}

module.exports = { createResult };
