import { describe, expect, it } from 'vitest';
import { isoWeekNumber, isValidDate, startOfWeek } from './calendar';
import { makeDemoData } from './demo-data';
import { groupSchema, guidanceBand, kindergartenSchema } from './organisation';
import { activityPlanSchema } from './plan';

const TODAY = '2026-11-28';
const NOW = new Date('2026-11-28T09:00:00.000Z');
const demo = makeDemoData(TODAY, NOW);

describe('makeDemoData', () => {
	it('makes a valid kindergarten with three valid groups in different age bands', () => {
		expect(kindergartenSchema.safeParse(demo.kindergarten).success).toBe(true);
		expect(demo.groups).toHaveLength(3);
		for (const group of demo.groups) {
			expect(groupSchema.safeParse(group).success, group.name).toBe(true);
			expect(group.kindergartenId).toBe(demo.kindergarten.id);
		}
		const bands = new Set(demo.groups.map((g) => guidanceBand(g)));
		expect(bands.size).toBe(3);
	});

	it('makes plans that all pass activityPlanSchema', () => {
		expect(demo.plans.length).toBeGreaterThan(0);
		for (const plan of demo.plans) {
			const parsed = activityPlanSchema.safeParse(plan);
			expect(parsed.success, `${plan.title} ${plan.date}: ${JSON.stringify(parsed.error)}`).toBe(
				true
			);
		}
	});

	it('gives every record its own id and ties plans to the groups', () => {
		const ids = [
			demo.kindergarten.id,
			...demo.groups.map((g) => g.id),
			...demo.plans.map((p) => p.id)
		];
		expect(new Set(ids).size).toBe(ids.length);
		const groupIds = new Set(demo.groups.map((g) => g.id));
		for (const plan of demo.plans) {
			expect(groupIds.has(plan.groupId)).toBe(true);
			expect(plan.kindergartenId).toBe(demo.kindergarten.id);
			expect(plan.deletedAt).toBeNull();
		}
		for (const group of demo.groups) {
			expect(
				demo.plans.some((p) => p.groupId === group.id),
				group.name
			).toBe(true);
		}
	});

	it('spans four weeks: two behind, this one and one ahead', () => {
		const weeks = new Set(demo.plans.map((p) => startOfWeek(p.date)));
		expect([...weeks].sort()).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
		expect(new Set(demo.plans.map((p) => isoWeekNumber(p.date)))).toEqual(
			new Set([46, 47, 48, 49])
		);
		for (const plan of demo.plans) expect(isValidDate(plan.date)).toBe(true);
	});

	it('gives the youngest group (under 2) screen-free plans only', () => {
		const youngest = demo.groups.filter((g) => g.ageMin < 2);
		expect(youngest).toHaveLength(1);
		const theirs = demo.plans.filter((p) => p.groupId === youngest[0]?.id);
		expect(theirs.length).toBeGreaterThan(0);
		for (const plan of theirs) {
			expect(plan.screenMode, plan.title).toBe('screenFree');
			expect(plan.screenMinutes).toBe(0);
		}
	});

	it('gives the older groups some screen activities', () => {
		const older = new Set(demo.groups.filter((g) => g.ageMin >= 2).map((g) => g.id));
		expect(demo.plans.some((p) => older.has(p.groupId) && p.screenMode !== 'screenFree')).toBe(
			true
		);
	});

	it('gives every evaluated plan an evaluation, and only past plans are evaluated', () => {
		const evaluated = demo.plans.filter((p) => p.status === 'evaluated');
		expect(evaluated.length).toBeGreaterThan(0);
		for (const plan of evaluated) {
			expect(plan.evaluation?.whatWorked.length).toBeGreaterThan(0);
			expect(plan.date < TODAY).toBe(true);
		}
		for (const plan of demo.plans.filter((p) => p.status !== 'evaluated')) {
			expect(plan.evaluation).toBeNull();
		}
	});

	it('plans the days ahead, rather than marking them done', () => {
		const ahead = demo.plans.filter((p) => p.date >= TODAY);
		expect(ahead.length).toBeGreaterThan(0);
		for (const plan of ahead) expect(['draft', 'planned']).toContain(plan.status);
	});

	it('stamps records with the given clock', () => {
		for (const plan of demo.plans) {
			expect(plan.createdAt).toBe(NOW.toISOString());
			expect(plan.updatedAt).toBe(NOW.toISOString());
		}
	});

	it('gives each plan its own lists, so editing one plan leaves the others alone', () => {
		const again = makeDemoData(TODAY, NOW);
		const [first, ...rest] = again.plans;
		first?.tools.push('Endret');
		first?.learningAreas.push('body');
		if (first) first.privacy.notes = 'Endret';
		for (const plan of rest) {
			expect(plan.tools).not.toContain('Endret');
			expect(plan.privacy.notes).not.toBe('Endret');
		}
		expect(makeDemoData(TODAY, NOW).plans[0]?.tools).not.toContain('Endret');
	});
});
