/** Tencent Cloud Chat REST API domains, one per data-centre region (https://trtc.io/document/34620; Tokyo from https://trtc.io/document/64897). */
export const REGIONS = {
	china: { name: 'China', domain: 'console.tim.qq.com' },
	singapore: { name: 'Singapore', domain: 'adminapisgp.im.qcloud.com' },
	seoul: { name: 'Seoul', domain: 'adminapikr.im.qcloud.com' },
	tokyo: { name: 'Tokyo', domain: 'adminapijpn.im.qcloud.com' },
	frankfurt: { name: 'Frankfurt', domain: 'adminapiger.im.qcloud.com' },
	siliconValley: { name: 'Silicon Valley', domain: 'adminapiusa.im.qcloud.com' },
	jakarta: { name: 'Jakarta', domain: 'adminapiidn.im.qcloud.com' },
} as const;

export type RegionKey = keyof typeof REGIONS | 'custom';

export function isKnownRegion(region: string): region is keyof typeof REGIONS {
	return Object.prototype.hasOwnProperty.call(REGIONS, region);
}
