// What an API handler is given, and what each API module exports (apis/index.ts builds the table from them).

import type { Callbacks } from '../callbacks';
import type { Envelope } from '../errors';
import type { EmulatorOptions } from '../options';
import type { AppRecord } from '../records';
import type { State } from '../state';

export interface ApiContext {
	/** the request's JSON object */
	body: any;
	app: AppRecord;
	state: State;
	/** the emulator's clock, with clockOffsetSeconds */
	nowSeconds: number;
	options: EmulatorOptions;
	/** the admin that called */
	identifier: string;
	callbacks?: Callbacks;
}

/** An OK envelope, or `json`: an answer already serialised (get_group_member_info builds it piece by piece). */
export type ApiResult = Envelope | { json: string };

export interface ApiModule {
	service: string;
	command: string;
	/** whether the API changes state (a malformedJson fault then answers before it runs) */
	mutates: boolean;
	/** the code for a body that is not a JSON object */
	badJsonCode: number;
	/** a lower rate limit than the app's */
	ratePerSecond?: number;
	handler(ctx: ApiContext): ApiResult | Promise<ApiResult>;
}
