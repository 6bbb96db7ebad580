import { describe, expect, it } from 'vitest';
import { digitalPlanProblems, digitalPlanSchema } from './digital-plan';
import { digitalPlanName, kindergartenYearOf } from './digital-plan-year';
import { digitalPlanContent } from './digital-plan-fixture';

describe("the kindergarten's digital plan", () => {
	it('takes a whole plan as the form gives it', () => {
		expect(digitalPlanProblems(digitalPlanContent())).toBeNull();
	});

	it('names each field at fault, beside its own goal', () => {
		const plan = digitalPlanContent();
		const problems = digitalPlanProblems({
			...plan,
			year: 1999,
			goals: [{ ...plan.goals[0]!, text: '  ', learningAreas: [] }, plan.goals[1]!],
			evaluationDates: ['2026-12-15', '2026-12-15', '2026-02-30']
		});
		expect(problems).toMatchObject({
			year: { code: 'invalid_year' },
			'goals.0.text': { code: 'required' },
			'goals.0.learningAreas': { code: 'choose_learning_area' },
			'evaluationDates.2': { code: 'invalid_date' }
		});
		expect(digitalPlanProblems({ ...plan, goals: [] })).toMatchObject({
			goals: { code: 'choose_goal' }
		});
		expect(
			digitalPlanProblems({ ...plan, evaluationDates: ['2026-12-15', '2026-12-15'] })
		).toMatchObject({ 'evaluationDates.1': { code: 'duplicate' } });
	});

	it('refuses an identity number in any text, and fields it does not know', () => {
		const plan = digitalPlanContent();
		expect(digitalPlanProblems({ ...plan, tools: 'Nettbrett til 01019012480' })).toMatchObject({
			tools: { code: 'personal_number' }
		});
		expect(digitalPlanProblems({ ...plan, title: 'Ekstra' })).not.toBeNull();
	});

	it('stores the server fields beside the content', () => {
		const stored = {
			...digitalPlanContent(),
			id: '0193a000-0000-7000-8000-0000000000f1',
			kindergartenId: '0193a000-0000-7000-8000-0000000000f2',
			createdAt: '2026-12-02T08:00:00.000Z',
			updatedAt: '2026-12-02T08:00:00.000Z',
			deletedAt: null
		};
		expect(digitalPlanSchema.safeParse(stored).success).toBe(true);
	});

	it('counts the kindergarten year from 1 August, and names it by both its years', () => {
		expect(kindergartenYearOf('2026-07-31')).toBe(2025);
		expect(kindergartenYearOf('2026-08-01')).toBe(2026);
		expect(kindergartenYearOf('2027-03-01')).toBe(2026);
		expect(digitalPlanName({ year: 2026 })).toBe('2026–2027');
	});
});
