// One icon per theme in icons/, shared by the three nodes and the credential: n8n resolves each `file:` icon
// relative to the built node or credential file, so the resolved file must exist in dist/icons/.
import fs from 'node:fs';
import path from 'node:path';
import { createHarness, REPO_ROOT, PACKAGE_NAME } from './harness';

const NODES = ['tencentChatOfficialAccount', 'tencentChatGroupMembers', 'tencentChatTrigger'];
const EXPECTED = {
	light: `icons/${PACKAGE_NAME}/dist/icons/tencentChat.svg`,
	dark: `icons/${PACKAGE_NAME}/dist/icons/tencentChat.dark.svg`,
};

/** The package file behind an icon URL n8n serves (`icons/<package>/<path in the package>`). */
const iconFile = (iconUrl: string) => path.join(REPO_ROOT, iconUrl.slice(`icons/${PACKAGE_NAME}/`.length));

describe('icons', () => {
	let loader;
	beforeAll(async () => {
		({ loader } = await createHarness());
	});

	test.each(NODES)('node %s uses the shared light and dark icons, present in dist/', (name) => {
		const { iconUrl } = loader.nodeTypes[name].type.description;
		expect(iconUrl).toEqual(EXPECTED);
		expect(fs.existsSync(iconFile(iconUrl.light))).toBe(true);
		expect(fs.existsSync(iconFile(iconUrl.dark))).toBe(true);
	});

	test('the credential uses the same icons', () => {
		const { iconUrl } = loader.credentialTypes.tencentCloudChatApi.type;
		expect(iconUrl).toEqual(EXPECTED);
	});

	test('the two themes are different files and no other SVG ships', () => {
		const light = fs.readFileSync(iconFile(EXPECTED.light), 'utf8');
		expect(light).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
		expect(fs.readFileSync(iconFile(EXPECTED.dark), 'utf8')).not.toBe(light);
		const svgs = fs.readdirSync(path.join(REPO_ROOT, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.svg'));
		expect(svgs.sort()).toEqual(['icons/tencentChat.dark.svg', 'icons/tencentChat.svg']);
	});
});
