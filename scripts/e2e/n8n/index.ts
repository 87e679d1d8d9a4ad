// Helpers to drive a real n8n from Node (see ./instance.ts); the names scripts/ui and scripts/scale import.
export { createN8n } from './instance';
export type { N8n, N8nOptions } from './instance';
export { installPackage, extractTgz, npmPack } from './pack';
export { parseExecuteOutput, nodeOutput } from './output';
export { freePort, freePorts, httpJson } from './http';
export { trackProcess, killStarted, killAllStarted, stillRunning } from './processes';
export type { ExecuteResult, BatchResult } from './commands';
export type { Server } from './serve';
export type { RestClient } from './rest';
