import type { DigitalPlanContent } from './digital-plan';

/** A valid digital plan as the manager's form gives it, for the tests. */
export function digitalPlanContent(
	overrides: Partial<DigitalPlanContent> = {}
): DigitalPlanContent {
	return {
		year: 2026,
		goals: [
			{
				id: '0193a000-0000-7000-8000-0000000000a1',
				text: 'Barna lager egne fortellinger med stop-motion',
				learningAreas: ['art', 'communication'],
				clauses: ['create']
			},
			{
				id: '0193a000-0000-7000-8000-0000000000a2',
				text: 'Vi snakker med barna om bilder og samtykke',
				learningAreas: ['ethics'],
				clauses: ['judgement']
			}
		],
		staffLearning: 'Personvern og samtykke ved bildedeling.',
		developmentPlanId: null,
		tools: 'Fire nettbrett, en projektor, Bee-Bots.',
		evaluation: 'Hver avdeling vurderer på personalmøtet.',
		evaluationDates: ['2026-12-15', '2027-06-10'],
		...overrides
	};
}
