// The shapes the harness hands to tests. Items and errors stay loose: their JSON is n8n's and Tencent's.
import type { IRun, IWebhookResponseData } from 'n8n-workflow';
import type { LoadOptionsContext, PackageDirectoryLoader } from 'n8n-core';
import type { TestCredentialsHelper } from './credentials-helper';
import type { NodeTypes, CredentialTypes } from './registries';

/** One item as a node emits it (n8n's INodeExecutionData with its JSON untyped). */
export interface Item {
	json: any;
	pairedItem?: any;
	binary?: any;
	error?: any;
}

/** Decrypted credential data, as a test gives it. */
export type CredentialData = Record<string, any>;

/** Workflow JSON as n8n exports it. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: any[];
	connections?: Record<string, any>;
	settings?: Record<string, any>;
	staticData?: any;
	pinData?: any;
}

export interface RunOptions {
	/** Credential data by credential ID. */
	credentials?: Record<string, CredentialData>;
	timeoutMs?: number;
	cancelAfterMs?: number;
}

/** A finished run, read-only. */
export interface RunResult {
	run: IRun | undefined;
	/** The real thrown object (NodeApiError, NodeOperationError, WorkflowHasIssuesError, ...) or undefined. */
	error: any;
	status: string | undefined;
	cancelled: boolean;
	cancel: () => void;
	ran(nodeName: string): boolean;
	/** Output items (main output 0) of the node's last run. */
	items(nodeName: string): Item[];
	/** The error the node's last run ended with: the real thrown object when known. */
	nodeError(nodeName: string): any;
	/** The run's credential store (non-enumerable), for credential write-backs. */
	credentialsHelper?: TestCredentialsHelper;
}

/** A run in progress: a promise of its result that can be cancelled meanwhile. */
export type PendingRun = Promise<RunResult> & { cancel(): void };

export interface RunNodeOptions extends Omit<RunOptions, 'credentials'> {
	/** Our node's name (`tencentChatGroupMembers`) or a full type (`harness.transportCall`). */
	type: string;
	parameters?: Record<string, any>;
	items?: Item[];
	/** Credential data for the node's one credential. */
	credentials?: CredentialData;
	continueOnFail?: boolean;
	nodeName?: string;
	credentialType?: string;
	typeVersion?: number;
}

/** What runNode() resolves to: the node's output items, the run's error, and the whole result. */
export interface NodeRun {
	items: Item[];
	error: any;
	result: RunResult;
}

/** The request of a webhook call, as n8n's body parser leaves it. */
export interface WebhookRequest {
	query?: Record<string, any>;
	headers?: Record<string, any>;
	body?: any;
	rawBody?: Buffer;
}

export interface WebhookCallOptions {
	request: WebhookRequest;
	credentials?: Record<string, CredentialData>;
	triggerName?: string;
	mode?: 'webhook' | 'manual';
	timeoutMs?: number;
}

/** n8n's answer to one webhook call, and the run it started. */
export interface WebhookAnswer {
	status: number;
	text: string;
	body: any;
	headers: Record<string, string>;
	/** Whether an execution ran. */
	started: boolean;
	responseMode: string;
	webhookResult: IWebhookResponseData;
	result?: RunResult;
}

export interface LoadOptionsRequest {
	type: string;
	parameters?: Record<string, any>;
	credentials: CredentialData;
	path?: string;
}

/** The harness of one test file: runs workflows through n8n's engine. */
export interface Harness {
	run(workflowJson: WorkflowJson, options?: RunOptions): PendingRun;
	runNode(options: RunNodeOptions): Promise<NodeRun>;
	callWebhook(workflowJson: WorkflowJson, options: WebhookCallOptions): Promise<WebhookAnswer>;
	/** n8n-core's LoadOptionsContext for one node of ours, as the editor's list pickers get it. */
	loadOptionsContext(request: LoadOptionsRequest): LoadOptionsContext;
	loader: PackageDirectoryLoader | undefined;
	nodeTypes: NodeTypes;
	credentialTypes: CredentialTypes;
	container: any;
	packageName: string | undefined;
}

export interface HarnessOptions {
	/** Community package root (default: this repo); null loads only the harness fixtures. */
	packageDir?: string | null;
	/** More test-only node classes or instances, typed `harness.<name>`. */
	extraNodeTypes?: any[];
	/** n8n's log level for this test file (default 'silent' or N8N_LOG_LEVEL). */
	logLevel?: string;
	/** n8n's own nodes from n8n-nodes-base: `true` for CORE_NODES, or a list of their names. */
	coreNodes?: boolean | string[];
}
