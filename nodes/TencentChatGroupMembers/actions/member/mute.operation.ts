import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { maxCallsPerSecondOption, optionsCollection } from '../../../shared/descriptions';
import { usageError } from '../../../shared/errors';
import { memberAccountsProperties } from './common';
import { setMute } from './muting';

const UNIT_SECONDS: Record<string, number> = { minutes: 60, hours: 3600, days: 86400 };
/** MuteTime is an unsigned 32-bit number of seconds. */
const MAX_SECONDS = 4294967295;

const properties: INodeProperties[] = [
	...memberAccountsProperties('mute'),
	{
		displayName: 'Mute For',
		name: 'muteFor',
		type: 'number',
		required: true,
		default: 60,
		typeOptions: { minValue: 1 },
		description: 'How long the members may not send messages to the group',
	},
	{
		displayName: 'Mute Unit',
		name: 'muteUnit',
		type: 'options',
		default: 'minutes',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
	},
	optionsCollection([maxCallsPerSecondOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['member'], operation: ['mute'] } },
	properties,
);

function readMuteSeconds(this: IExecuteFunctions, itemIndex: number): number {
	const amount = Number(this.getNodeParameter('muteFor', itemIndex, 60));
	const unit = String(this.getNodeParameter('muteUnit', itemIndex, 'minutes'));
	const seconds = Math.round(amount * (UNIT_SECONDS[unit] ?? NaN));
	if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_SECONDS) {
		throw usageError(
			this.getNode(),
			`Mute For must be a positive number of ${unit} up to about 136 years, but is ${JSON.stringify(amount)} in item ${itemIndex}`,
			{
				itemIndex,
				description:
					'Set Mute For to 1 or more with a Mute Unit of minutes, hours or days. To lift a mute, use Unmute.',
			},
		);
	}
	return seconds;
}

function describe(seconds: number): string {
	if (seconds % 86400 === 0) return `for ${seconds / 86400} day(s)`;
	if (seconds % 3600 === 0) return `for ${seconds / 3600} hour(s)`;
	return seconds % 60 === 0 ? `for ${seconds / 60} minute(s)` : `for ${seconds} s`;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await setMute.call(this, items, {
		readSeconds: (itemIndex) => readMuteSeconds.call(this, itemIndex),
		describe,
	});
}
