import { createHash } from 'crypto';

import type { ChatCredentials } from '../credentials';
import { CallPacer } from './limiter';

/**
 * Guards one credential within one node run. Until a call has shown the credential works, calls go
 * one at a time; after a credential failure no further call is sent (Tencent locks an app after too
 * many bad signatures, error 70050).
 */
export class CredentialGate {
	private proven = false;
	private failure: Error | undefined;
	private probe: Promise<void> | undefined;

	/** Waits for its turn; returns the function that ends it. Throws the credential failure, if any. */
	async enter(): Promise<() => void> {
		for (;;) {
			if (this.failure) throw this.failure;
			if (this.proven) return () => {};
			if (!this.probe) {
				let release = () => {};
				this.probe = new Promise<void>((resolve) => (release = resolve));
				return () => {
					this.probe = undefined;
					release();
				};
			}
			await this.probe;
		}
	}

	/** Tencent accepted the credential (an answer that is not a credential failure). */
	accepted(): void {
		this.proven = true;
	}

	/** Tencent refused the credential: every later call of this run fails with `error`, unsent. */
	refused(error: Error): void {
		this.failure ??= error;
	}
}

/** What one node run (one n8n context object) keeps: a gate per credential, a pacer per API at its own rate. */
class RunState {
	readonly gates = new Map<string, CredentialGate>();
	readonly pacers = new Map<string, CallPacer>();
}

const runs = new WeakMap<object, RunState>();

function runOf(context: object): RunState {
	let run = runs.get(context);
	if (!run) runs.set(context, (run = new RunState()));
	return run;
}

/** The credential gate of this run; its key holds a hash of the secret key, never the key. */
export function credentialGate(context: object, credentials: ChatCredentials): CredentialGate {
	const { gates } = runOf(context);
	const keyHash = createHash('sha256').update(credentials.secretKey).digest('hex');
	const key = `${credentials.baseUrl}|${credentials.sdkAppId}|${credentials.identifier}|${keyHash}`;
	let gate = gates.get(key);
	if (!gate) gates.set(key, (gate = new CredentialGate()));
	return gate;
}

/** A pacer for one API in this run only, for a workflow's lower Max Calls Per Second. */
export function runPacer(context: object, credentials: ChatCredentials, command: string, rate: number): CallPacer {
	const { pacers } = runOf(context);
	const key = `${credentials.baseUrl}|${credentials.sdkAppId}|${command}|${rate}`;
	let pacer = pacers.get(key);
	if (!pacer) pacers.set(key, (pacer = new CallPacer()));
	return pacer;
}
