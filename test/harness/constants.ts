import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Harness-only node types are `harness.<name>`, e.g. `harness.input`. */
export const FIXTURE_PACKAGE = 'harness';
export const PACKAGE_NAME = 'n8n-nodes-tencent-chat';
/** runNode() wires this credential reference into the node under test. */
export const CREDENTIAL_TYPE = 'tencentCloudChatApi';
export const CREDENTIAL_ID = 'cred-1';
export const CREDENTIAL_NAME = 'Tencent Cloud Chat';
export const DEFAULT_TIMEOUT_MS = 30000;
