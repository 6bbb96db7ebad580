import { describe, expect, it } from 'vitest';
import { DEFAULT_GUIDANCE } from './guidance-default';
import type { ActivityPlan } from './plan';
import { summaryContentSchema } from './parent-summary';
import {
	buildSummary,
	isPeriodStart,
	monthPeriod,
	shiftPeriod,
	weekPeriod
} from './parent-summary-build';

const STAMP = '2026-11-20T08:00:00.000Z';
const GROUP = { id: '01900000-0000-7000-8000-000000000002', ageMin: 3 };
const OTHER = '01900000-0000-7000-8000-000000000003';

function plan(n: number, overrides: Partial<ActivityPlan>): ActivityPlan {
	return {
		id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
		kindergartenId: '01900000-0000-7000-8000-000000000000',
		groupId: GROUP.id,
		title: `Plan ${n}`,
		date: '2026-11-24',
		startTime: '09:00',
		endTime: '10:00',
		goals: '',
		description: '',
		learningAreas: ['communication'],
		clauses: [],
		tools: [],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null,
		createdAt: STAMP,
		updatedAt: STAMP,
		deletedAt: null,
		...overrides
	};
}

describe('periods', () => {
	it('a week runs Monday to Sunday', () => {
		expect(weekPeriod('2026-11-26')).toEqual({
			kind: 'week',
			start: '2026-11-23',
			end: '2026-11-29'
		});
		expect(weekPeriod('2026-11-23').start).toBe('2026-11-23');
		expect(weekPeriod('2026-11-29').start).toBe('2026-11-23');
	});
	it('a month runs from the first to its last day, leap years too', () => {
		expect(monthPeriod('2026-11-26')).toEqual({
			kind: 'month',
			start: '2026-11-01',
			end: '2026-11-30'
		});
		expect(monthPeriod('2028-02-10').end).toBe('2028-02-29');
		expect(monthPeriod('2026-12-31').end).toBe('2026-12-31');
	});
	it('steps back and forward', () => {
		expect(shiftPeriod(weekPeriod('2026-11-26'), -1).start).toBe('2026-11-16');
		expect(shiftPeriod(monthPeriod('2026-12-05'), 1).start).toBe('2027-01-01');
		expect(shiftPeriod(monthPeriod('2026-01-05'), -1)).toEqual(monthPeriod('2025-12-01'));
	});
	it("knows a period's own start", () => {
		expect(isPeriodStart('week', '2026-11-23')).toBe(true);
		expect(isPeriodStart('week', '2026-11-24')).toBe(false);
		expect(isPeriodStart('month', '2026-11-01')).toBe(true);
		expect(isPeriodStart('month', '2026-11-02')).toBe(false);
		expect(isPeriodStart('month', '2026-02-30')).toBe(false);
	});
});

describe('buildSummary', () => {
	const week = weekPeriod('2026-11-24');

	it('counts only the group’s active plans in the period', () => {
		const summary = buildSummary(
			[
				plan(1, { status: 'done' }),
				plan(2, { status: 'evaluated' }),
				plan(3, {}),
				plan(4, { groupId: OTHER }),
				plan(5, { date: '2026-11-30' }),
				plan(6, { deletedAt: STAMP })
			],
			GROUP,
			DEFAULT_GUIDANCE,
			week
		);
		expect(summary.held).toBe(2);
		expect(summary.planned).toBe(1);
		expect(summary.period).toEqual(week);
		expect(summaryContentSchema.safeParse(summary).success).toBe(true);
	});

	it('counts learning areas and clauses, leaving out zeros, in the framework’s order', () => {
		const summary = buildSummary(
			[
				plan(1, { learningAreas: ['nature', 'communication'], clauses: ['explore'] }),
				plan(2, { learningAreas: ['nature'], clauses: ['explore', 'create'] })
			],
			GROUP,
			DEFAULT_GUIDANCE,
			week
		);
		expect(summary.areas).toEqual([
			{ id: 'communication', plans: 1 },
			{ id: 'nature', plans: 2 }
		]);
		expect(summary.clauses).toEqual([
			{ id: 'explore', plans: 2 },
			{ id: 'create', plans: 1 }
		]);
	});

	it('merges tools case-insensitively, as first written, most used first', () => {
		const summary = buildSummary(
			[
				plan(1, { date: '2026-11-23', tools: ['Bee-Bot', 'iPad'] }),
				plan(2, { date: '2026-11-24', tools: ['bee-bot ', 'Lupe'] }),
				plan(3, { date: '2026-11-25', tools: ['BEE-BOT', 'ipad'] })
			],
			GROUP,
			DEFAULT_GUIDANCE,
			week
		);
		expect(summary.tools).toEqual([
			{ name: 'Bee-Bot', plans: 3 },
			{ name: 'iPad', plans: 2 },
			{ name: 'Lupe', plans: 1 }
		]);
	});

	it('adds real minutes per mode; screen-free counts the activity’s minutes', () => {
		const summary = buildSummary(
			[
				plan(1, { screenMode: 'creative', screenMinutes: 20, adultParticipates: true }),
				plan(2, { screenMode: 'passive', screenMinutes: 15, adultParticipates: true }),
				plan(3, { screenMode: 'passive', screenMinutes: 10, adultParticipates: false }),
				plan(4, { screenMode: 'screenFree', startTime: '09:00', endTime: '09:45' })
			],
			GROUP,
			DEFAULT_GUIDANCE,
			week
		);
		expect(summary.screen).toEqual([
			{ mode: 'passive', minutes: 25, plans: 2 },
			{ mode: 'creative', minutes: 20, plans: 1 },
			{ mode: 'screenFree', minutes: 45, plans: 1 }
		]);
		expect(summary.withAdult).toBe(1);
	});

	it('holds the days against the guidance for the group’s band', () => {
		const summary = buildSummary(
			[
				plan(1, { date: '2026-11-23', screenMode: 'interactive', screenMinutes: 40 }),
				plan(2, { date: '2026-11-23', screenMode: 'creative', screenMinutes: 30 }),
				plan(3, { date: '2026-11-25', screenMode: 'passive', screenMinutes: 20 })
			],
			GROUP,
			DEFAULT_GUIDANCE,
			week
		);
		expect(summary.guidance.band).toBe('3-4');
		expect(summary.guidance.dailyLimitMinutes).toBe(60);
		expect(summary.guidance.maxDayMinutes).toBe(70);
		expect(summary.guidance.daysOverLimit).toBe(1);
		expect(summary.guidance.sources.length).toBeGreaterThan(0);
		for (const source of summary.guidance.sources) {
			expect(DEFAULT_GUIDANCE.sources.some((s) => s.name === source.name)).toBe(true);
		}
		expect(summaryContentSchema.safeParse(summary).success).toBe(true);
	});

	it('an empty period is a valid summary of nothing', () => {
		const summary = buildSummary(
			[],
			{ id: GROUP.id, ageMin: 1 },
			DEFAULT_GUIDANCE,
			monthPeriod('2026-11-01')
		);
		expect(summary).toMatchObject({
			held: 0,
			planned: 0,
			areas: [],
			tools: [],
			screen: [],
			withAdult: 0
		});
		expect(summary.guidance).toMatchObject({
			band: '1-2',
			dailyLimitMinutes: 0,
			maxDayMinutes: 0,
			daysOverLimit: 0
		});
		expect(summaryContentSchema.safeParse(summary).success).toBe(true);
	});
});
