'use strict';
const path = require('node:path');

module.exports = {
	REPO_ROOT: path.resolve(__dirname, '..', '..'),
	// Harness-only node types are `harness.<name>`, e.g. `harness.input`.
	FIXTURE_PACKAGE: 'harness',
	PACKAGE_NAME: 'n8n-nodes-tencent-chat',
	// runNode() wires this credential reference into the node under test.
	CREDENTIAL_TYPE: 'tencentCloudChatApi',
	CREDENTIAL_ID: 'cred-1',
	CREDENTIAL_NAME: 'Tencent Cloud Chat',
	DEFAULT_TIMEOUT_MS: 30000,
};
