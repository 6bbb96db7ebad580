import { describe, expect, it } from 'vitest';
import { ITEM_BANK } from './bank';
import { activitiesFor, MAX_ACTIVITIES, ownProfile, WEAK_BELOW } from './suggestions';

const facts = import.meta.glob<{ kind: 'codingToy' | 'stopMotion'; clauses: string[] }>(
	'../library/content/*/facts.json',
	{ eager: true, import: 'default' }
);
const LIBRARY = Object.entries(facts).map(([path, f]) => ({
	id: path.split('/').at(-2)!,
	kind: f.kind,
	clauses: f.clauses as ('judgement' | 'explore' | 'assess' | 'create')[]
}));

const staff = ITEM_BANK.items.filter((i) => i.audience === 'staff' && i.retiredIn === null);
const all = (level: number) => Object.fromEntries(staff.map((i) => [i.id, level]));

describe("a person's own profile", () => {
	it('gives the mean per area, and the change since the previous period', () => {
		const latest = { ...all(4), 'photo-consent': 1, 'ask-the-child': 2 };
		const profile = ownProfile(ITEM_BANK.items, latest, all(3));
		const privacy = profile.find((p) => p.area === 'privacy')!;
		const n = staff.filter((i) => i.area === 'privacy').length;
		const mean = Math.round((((n - 2) * 4 + 1 + 2) / n) * 10) / 10;
		expect(privacy).toEqual({
			area: 'privacy',
			mean,
			change: Math.round((mean - 3) * 10) / 10,
			weak: mean < WEAK_BELOW
		});
		expect(profile.find((p) => p.area === 'judgement')).toEqual({
			area: 'judgement',
			mean: 4,
			change: 1,
			weak: false
		});
		// Staff answer no leadership item: no row for it.
		expect(profile.map((p) => p.area)).not.toContain('leadership');
	});

	it('has no change for a first period', () => {
		expect(
			ownProfile(ITEM_BANK.items, all(2), null).every((p) => p.change === null && p.weak)
		).toBe(true);
	});
});

describe('library activities for a weak area', () => {
	it("follow the tags of the items answered low: stop-motion for 'ask the child'", () => {
		const answers = { ...all(4), 'ask-the-child': 1 };
		const picked = activitiesFor('privacy', ITEM_BANK.items, answers, LIBRARY);
		expect(picked).toHaveLength(MAX_ACTIVITIES);
		expect(picked.every((a) => a.kind === 'stopMotion')).toBe(true);
		expect(picked.every((a) => a.clauses.includes('judgement'))).toBe(true);
	});

	it('prefer the activities serving more of the clauses the area stands for', () => {
		const answers = { ...all(4), 'coding-play': 1 };
		const picked = activitiesFor('creative', ITEM_BANK.items, answers, LIBRARY);
		expect(picked.every((a) => a.kind === 'codingToy')).toBe(true);
		expect(picked.every((a) => a.clauses.includes('create') && a.clauses.includes('explore'))).toBe(
			true
		);
	});

	it("fall back to the area's other tags, and are none where no item is tagged", () => {
		// photo-consent has no tag; ask-the-child in the same area does.
		const answers = { ...all(4), 'photo-consent': 1 };
		expect(activitiesFor('privacy', ITEM_BANK.items, answers, LIBRARY).length).toBeGreaterThan(0);
		expect(activitiesFor('parents', ITEM_BANK.items, all(1), LIBRARY)).toEqual([]);
	});
});
