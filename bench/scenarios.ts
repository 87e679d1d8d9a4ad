// The benchmark scenarios by name. Each runs in its own child process (see run.ts) and returns plain JSON.

import { diy, DIY_SAMPLE } from './scenarios.diy';
import { sync, SYNC_SIZE } from './scenarios.sync';
import { returnAll, groupMembers, RETURN_ALL_SIZE, GROUP_SIZE } from './scenarios.read';
import { BATCHED_SCENARIOS } from './scenarios.batched';
import { GROUP_SCENARIOS } from './scenarios.groups';

const SCENARIOS: Record<string, () => Promise<any>> = {
	'sync-items': () => sync({ itemCount: SYNC_SIZE }),
	'sync-list': () => sync({ itemCount: 1, repeat: 3 }),
	'return-all': returnAll,
	'group-members': () => groupMembers({ repeat: 5 }),
	diy,
	...BATCHED_SCENARIOS,
	...GROUP_SCENARIOS,
};

export { SCENARIOS, SYNC_SIZE, RETURN_ALL_SIZE, GROUP_SIZE, DIY_SAMPLE };
