// What the runners of one n8n version share.
import type { N8n } from '../n8n';
import type { Report } from '../report';
import type { Emulator } from '../cases/types';

export interface VersionEnv {
	key: string;
	n8n: N8n;
	emu: Emulator & { process?: any; pid?: number; close(): Promise<unknown> };
	report: Report;
}
