import type { DevelopmentPlanContent } from './development-plan';

/** A valid development plan as the manager's form gives it, for the tests. */
export function developmentPlanContent(
	overrides: Partial<DevelopmentPlanContent> = {}
): DevelopmentPlanContent {
	return {
		title: 'Digital kompetanse 2026–2027',
		period: '2026-2',
		startDate: '2026-12-01',
		endDate: '2027-06-30',
		status: 'active',
		focusAreas: [
			{ area: 'privacy', itemIds: ['photo-consent'], why: 'Flertallet på de to laveste nivåene.' },
			{ area: 'creative', itemIds: [], why: '' }
		],
		actions: [
			{
				id: '0193a000-0000-7000-8000-000000000001',
				title: 'Udirs pakke om personvern på to personalmøter',
				area: 'privacy',
				responsibleRole: 'manager',
				responsibleName: '',
				start: '2027-01-10',
				end: '2027-02-28',
				status: 'planned'
			},
			{
				id: '0193a000-0000-7000-8000-000000000002',
				title: 'Stop-motion-verksted med Filiorums ressurs',
				area: 'creative',
				responsibleRole: null,
				responsibleName: 'Kari',
				start: '2027-03-01',
				end: '2027-03-31',
				status: 'underway'
			}
		],
		notes: '',
		...overrides
	};
}
