import type { PlanContent } from './plan';

/** For tests: a valid, screen-free plan of a group with the given title. */
export function planContent(groupId: string, title: string): PlanContent {
	return {
		groupId,
		title,
		date: '2026-12-01',
		startTime: '09:30',
		endTime: '10:15',
		goals: '',
		description: '',
		learningAreas: ['quantities'],
		clauses: [],
		tools: [],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null
	};
}
