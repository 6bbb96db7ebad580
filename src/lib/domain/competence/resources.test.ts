import { describe, expect, it } from 'vitest';
import raw from './content/resources.json?raw';
import { COMPETENCE_AREAS } from './item-bank';
import { checkResources, resourcesFileSchema, resourcesFor } from './resources';

const file = resourcesFileSchema.parse(JSON.parse(raw));
const edited = (change: (f: ReturnType<typeof structuredClone<typeof file>>) => void) => {
	const copy = structuredClone(file);
	change(copy);
	return JSON.stringify(copy);
};

describe('the shipped resources', () => {
	it('pass their check', () => {
		expect(checkResources(raw)).toEqual([]);
	});

	it("name Udir's three competence packages, and a resource for every area", () => {
		const udir = file.resources.filter((r) => r.kind === 'udirPackage');
		expect(udir.map((r) => r.texts.nb!.title)).toEqual([
			expect.stringContaining('Digital dømmekraft'),
			expect.stringContaining('Personvern'),
			expect.stringContaining('Digital praksis i barnehagen')
		]);
		for (const area of COMPETENCE_AREAS) {
			expect(resourcesFor(file, area, 'nb').length, area).toBeGreaterThan(0);
		}
	});

	it("puts Udir's packages first, in the locale asked for", () => {
		const privacy = resourcesFor(file, 'privacy', 'nn');
		expect(privacy[0]).toMatchObject({ kind: 'udirPackage', untranslated: false });
		expect(privacy.map((r) => r.id)).toContain('ks-skolesec');
		expect(privacy.find((r) => r.id === 'ks-skolesec')!.what).toMatch(/informasjonstryggleik/);
	});

	it('falls back to bokmål for a further locale, marked', () => {
		const [first] = resourcesFor(file, 'privacy', 'se');
		expect(first).toMatchObject({ untranslated: true, title: file.resources[1]!.texts.nb!.title });
	});
});

describe('the check of resources.json', () => {
	it('fails when a shipped locale lacks a text', () => {
		expect(checkResources(edited((f) => delete f.resources[0]!.texts.nn))).toEqual([
			'resources.json: udir-digital-judgement: texts.nn: required'
		]);
	});

	it('fails when an area is left without a resource', () => {
		const problems = checkResources(
			edited((f) => f.resources.forEach((r) => (r.areas = r.areas.filter((a) => a !== 'safety'))))
		);
		expect(problems).toEqual(['resources.json: safety: no resource for this area']);
	});

	it('fails on a repeated id, a link that is not https, an unknown area, bad JSON', () => {
		expect(checkResources(edited((f) => (f.resources[1]!.id = f.resources[0]!.id)))).toContainEqual(
			'resources.json: udir-digital-judgement: duplicate id'
		);
		expect(
			checkResources(edited((f) => (f.resources[0]!.url = 'http://www.udir.no/')))
		).toContainEqual('resources.json: resources.0.url: invalid_url');
		expect(
			checkResources(edited((f) => (f.resources[0]!.areas = ['cooking' as 'privacy'])))
		).toHaveLength(1);
		expect(checkResources('{')).toEqual(['resources.json: not valid JSON']);
	});
});
