// Read-only view of one finished run, for assertions.
import type { IRun, IRunData } from 'n8n-workflow';
import type { HarnessWorkflowExecute } from './execution';
import type { Item, RunResult } from './types';

export interface ResultOptions {
	run: IRun | undefined;
	error: any;
	execute: HarnessWorkflowExecute | undefined;
	cancel: () => void;
	cancelled: () => boolean;
}

export function createResult({ run, error, execute, cancel, cancelled }: ResultOptions): RunResult {
	const runData = (): IRunData => run?.data.resultData.runData ?? {};
	const lastTask = (nodeName: string) => runData()[nodeName]?.at(-1);

	return {
		run,
		error,
		status: run?.status ?? (error ? 'error' : undefined),
		cancelled: cancelled(),
		cancel,
		ran: (nodeName: string) => lastTask(nodeName) !== undefined,
		// Output items (main output 0) of the node's last run, as the node produced them.
		items(nodeName: string): Item[] {
			const task = lastTask(nodeName);
			if (!task) {
				const ran = Object.keys(runData()).join(', ') || 'none';
				throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})`);
			}
			return task.data?.main?.[0] ?? [];
		},
		// The error the node's last run ended with: the real thrown object when known.
		nodeError(nodeName: string) {
			const taskError = lastTask(nodeName)?.error;
			return taskError && execute ? execute.real(taskError) : taskError;
		},
	};
}
