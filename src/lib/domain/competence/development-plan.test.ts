import { describe, expect, it } from 'vitest';
import {
	developmentPlanProblems,
	developmentPlanSchema,
	focusChoices,
	type DevelopmentPlanContent
} from './development-plan';
import { developmentPlanContent } from './development-plan-fixture';
import { COMPETENCE_AREAS } from './item-bank';

const plan = developmentPlanContent;
const withAction = (
	index: number,
	change: Partial<DevelopmentPlanContent['actions'][number]>
): DevelopmentPlanContent => {
	const p = plan();
	p.actions[index] = { ...p.actions[index]!, ...change };
	return p;
};

describe('the development plan form', () => {
	it('takes a plan with focus areas, actions by role or by name, dates and status', () => {
		expect(developmentPlanProblems(plan())).toBeNull();
	});

	it('trims text, as it is stored', () => {
		const parsed = developmentPlanSchema.parse({
			...plan({ title: '  Plan  ' }),
			id: '0193a000-0000-7000-8000-0000000000aa',
			kindergartenId: '0193a000-0000-7000-8000-0000000000bb',
			createdAt: '2026-12-01T08:00:00.000Z',
			updatedAt: '2026-12-01T08:00:00.000Z',
			deletedAt: null
		});
		expect(parsed.title).toBe('Plan');
	});

	it('says beside each field what is wrong, keeping which action it is', () => {
		expect(developmentPlanProblems(plan({ title: ' ' }))).toEqual({ title: { code: 'required' } });
		expect(developmentPlanProblems(plan({ endDate: '2026-11-30' }))).toEqual({
			endDate: { code: 'end_before_start' }
		});
		expect(developmentPlanProblems(plan({ focusAreas: [], actions: [] }))).toEqual({
			focusAreas: { code: 'choose_focus_area', limit: 1 }
		});
		expect(developmentPlanProblems(withAction(1, { end: '2027-02-01' }))).toEqual({
			'actions.1.end': { code: 'end_before_start' }
		});
		expect(developmentPlanProblems(withAction(0, { title: '' }))).toEqual({
			'actions.0.title': { code: 'required' }
		});
	});

	it('wants someone responsible: a role, or a name, not both', () => {
		expect(developmentPlanProblems(withAction(1, { responsibleName: '' }))).toEqual({
			'actions.1.responsibleName': { code: 'responsible_required' }
		});
		expect(developmentPlanProblems(withAction(0, { responsibleName: 'Kari' }))).toEqual({
			'actions.0.responsibleName': { code: 'role_or_name' }
		});
	});

	it("ties an action only to one of the plan's focus areas, each area once", () => {
		expect(developmentPlanProblems(withAction(0, { area: 'parents' }))).toEqual({
			'actions.0.area': { code: 'not_a_focus_area' }
		});
		const twice = plan();
		twice.focusAreas.push({ area: 'privacy', itemIds: [], why: '' });
		expect(developmentPlanProblems(twice)).toEqual({ 'focusAreas.2.area': { code: 'duplicate' } });
	});

	it('keeps identity numbers out of its text', () => {
		expect(developmentPlanProblems(withAction(1, { responsibleName: 'Kari 01019012480' }))).toEqual(
			expect.objectContaining({ 'actions.1.responsibleName': { code: 'personal_number' } })
		);
	});

	it('refuses a period that is not one', () => {
		expect(developmentPlanProblems(plan({ period: '2026-3' }))).toEqual({
			period: { code: 'invalid_period' }
		});
	});
});

describe('focusChoices', () => {
	it('offers the areas with gaps first, each with its gap items, then every other area', () => {
		const choices = focusChoices([
			{ itemId: 'photo-consent', area: 'privacy' },
			{ itemId: 'x-judgement', area: 'judgement' },
			{ itemId: 'y-privacy', area: 'privacy' }
		]);
		expect(choices.slice(0, 2)).toEqual([
			{ area: 'judgement', gapItemIds: ['x-judgement'] },
			{ area: 'privacy', gapItemIds: ['photo-consent', 'y-privacy'] }
		]);
		expect(choices.map((c) => c.area).sort()).toEqual([...COMPETENCE_AREAS].sort());
		expect(choices.slice(2).every((c) => c.gapItemIds.length === 0)).toBe(true);
	});

	it('offers every area, in the bank order, when the review shows no gaps', () => {
		expect(focusChoices([]).map((c) => c.area)).toEqual([...COMPETENCE_AREAS]);
	});
});
