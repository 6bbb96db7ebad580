import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '$lib/test-support/random';
import { addDays } from './calendar';
import { DEFAULT_GUIDANCE } from './guidance-default';
import type { ActivityPlan } from './plan';
import { filterPlans } from './plan-filter';
import {
	defaultPeriod,
	periodProblem,
	practiceOverview,
	type Figure,
	type OverviewGroup,
	type PracticeOverview
} from './practice-overview';
import {
	DIGITAL_CLAUSES,
	LEARNING_AREAS,
	PLAN_STATUSES,
	SCREEN_MODES,
	type ScreenMode
} from './vocabulary';

const STAMP = '2026-11-20T08:00:00.000Z';
const KINDERGARTEN = '01900000-0000-7000-8000-000000000000';
const GROUPS: OverviewGroup[] = [
	{ id: '01900000-0000-7000-8000-000000000001', name: 'Knøttene', ageMin: 1 },
	{ id: '01900000-0000-7000-8000-000000000002', name: 'Humla', ageMin: 3 },
	{ id: '01900000-0000-7000-8000-000000000003', name: 'Ørneredet', ageMin: 5 }
];
/** A group the overview is not told about (deleted since): its plans count, but not per group. */
const GONE = '01900000-0000-7000-8000-00000000000f';

function plan(n: number, overrides: Partial<ActivityPlan>): ActivityPlan {
	return {
		id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
		kindergartenId: KINDERGARTEN,
		groupId: GROUPS[1]!.id,
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

const some = <T>(r: Random, items: readonly T[]) => items.filter(() => r.next() < 0.35);

/** Plans over about three months around the period, some deleted, some of a group now gone. */
function generatePlans(r: Random, count: number): ActivityPlan[] {
	return Array.from({ length: count }, (_, n) => {
		const mode: ScreenMode = r.pick(SCREEN_MODES);
		const status = r.pick(PLAN_STATUSES);
		const evaluated = status === 'evaluated' || (status === 'done' && r.next() < 0.3);
		const areas = some(r, LEARNING_AREAS);
		return plan(n, {
			groupId: r.next() < 0.1 ? GONE : r.pick(GROUPS).id,
			date: addDays('2026-09-01', r.int(100)),
			startTime: `0${8 + r.int(2)}:${r.pick(['00', '30'])}`,
			endTime: '11:00',
			learningAreas: areas.length > 0 ? areas : [r.pick(LEARNING_AREAS)],
			clauses: some(r, DIGITAL_CLAUSES),
			screenMode: mode,
			screenMinutes: mode === 'screenFree' && r.next() < 0.7 ? 0 : r.int(60),
			status,
			evaluation: evaluated
				? {
						whatWorked: 'Det gikk bra.',
						participation: '',
						followUp: r.pick(['', '  ', 'Prøve igjen med lyd.', 'Færre barn om gangen.'])
					}
				: null,
			deletedAt: r.next() < 0.08 ? STAMP : null
		});
	});
}

/** Every figure of the overview, with a name for the message when one is wrong. */
function figures(o: PracticeOverview): [string, Figure][] {
	return [
		['planned', o.planned],
		['done', o.done],
		['evaluated', o.evaluated],
		...o.areas.flatMap((a): [string, Figure][] => [
			[`area ${a.area} planned`, a.planned],
			[`area ${a.area} done`, a.done]
		]),
		...o.clauses.flatMap((c): [string, Figure][] => [
			[`clause ${c.clause} planned`, c.planned],
			[`clause ${c.clause} done`, c.done]
		]),
		...o.modes.map((m): [string, Figure] => [`mode ${m.mode}`, m.plans]),
		...o.groups.flatMap((g) =>
			g.weeks.flatMap((w): [string, Figure][] => [
				[`${g.name} ${w.monday}`, w.plans],
				...w.modes.map((m): [string, Figure] => [`${g.name} ${w.monday} ${m.mode}`, m.plans])
			])
		)
	];
}

const SEED = Number(process.env.OVERVIEW_SEED ?? Date.now() % 1_000_000);
const CASES = 40;

describe('practiceOverview (seeded property, against plain counts)', () => {
	it(`agrees with plain counts and its links for ${CASES} random kindergartens (seed ${SEED})`, () => {
		for (let c = 0; c < CASES; c++) {
			const r = seededRandom(SEED + c);
			const plans = generatePlans(r, 20 + r.int(200));
			const from = addDays('2026-09-01', r.int(60));
			const to = addDays(from, r.int(60));
			const where = `seed ${SEED + c} (OVERVIEW_SEED=${SEED} case ${c}), ${from}–${to}`;
			const o = practiceOverview(plans, GROUPS, DEFAULT_GUIDANCE, from, to);

			// Plain counts, written out without the function's helpers.
			const shown = plans.filter((p) => !p.deletedAt && p.date >= from && p.date <= to);
			const carriedOut = shown.filter((p) => p.status === 'done' || p.status === 'evaluated');
			expect(o.planned.count, where).toBe(shown.length);
			expect(o.done.count, where).toBe(carriedOut.length);
			expect(o.evaluated.count, where).toBe(shown.filter((p) => p.status === 'evaluated').length);
			for (const a of o.areas) {
				let planned = 0;
				let done = 0;
				for (const p of shown) {
					if (!p.learningAreas.includes(a.area)) continue;
					planned++;
					if (p.status === 'done' || p.status === 'evaluated') done++;
				}
				expect([a.planned.count, a.done.count], `${where}: ${a.area}`).toEqual([planned, done]);
			}
			for (const cl of o.clauses) {
				const planned = shown.filter((p) => p.clauses.includes(cl.clause)).length;
				const done = carriedOut.filter((p) => p.clauses.includes(cl.clause)).length;
				expect([cl.planned.count, cl.done.count], `${where}: ${cl.clause}`).toEqual([
					planned,
					done
				]);
			}
			expect(
				o.modes.reduce((n, m) => n + m.plans.count, 0),
				where
			).toBe(shown.length);
			if (shown.length > 0) {
				expect(
					o.modes.reduce((n, m) => n + m.share, 0),
					where
				).toBeCloseTo(1, 9);
			}
			const screenFree = o.modes.find((m) => m.mode === 'screenFree')!;
			expect(screenFree.minutes, `${where}: screen-free counts no screen minutes`).toBe(0);

			for (const g of o.groups) {
				const ofGroup = shown.filter((p) => p.groupId === g.groupId);
				const minutes = ofGroup
					.filter((p) => p.screenMode !== 'screenFree')
					.reduce((n, p) => n + p.screenMinutes, 0);
				expect(g.minutes, `${where}: ${g.name} minutes`).toBe(minutes);
				// The weeks cover the period once: each of its plans in exactly one week.
				expect(
					g.weeks.reduce((n, w) => n + w.plans.count, 0),
					`${where}: ${g.name}`
				).toBe(ofGroup.length);
				for (const w of g.weeks) {
					expect(w.minutes, where).toBe(w.modes.reduce((n, m) => n + m.minutes, 0));
					// Days over the limit, counted day by day.
					const perDay = new Map<string, number>();
					for (const p of ofGroup) {
						if (p.date < w.from || p.date > w.to || p.screenMode === 'screenFree') continue;
						perDay.set(p.date, (perDay.get(p.date) ?? 0) + p.screenMinutes);
					}
					const over = [...perDay.values()].filter((m) => m > g.dailyLimit).length;
					expect(w.daysOverLimit, `${where}: ${g.name} ${w.monday}`).toBe(over);
				}
			}
			// No group of the kindergarten's is missing; a gone group's plans are in the totals only.
			expect(o.groups.map((g) => g.groupId)).toEqual(GROUPS.map((g) => g.id));

			const followUps = shown.filter((p) => (p.evaluation?.followUp.trim() ?? '') !== '');
			expect(o.followUps.map((f) => f.planId).sort(), where).toEqual(
				followUps.map((p) => p.id).sort()
			);

			// The plans behind every figure: the plan list's filter lists exactly as many.
			for (const [name, f] of figures(o)) {
				expect(filterPlans(plans, f.filter).length, `${where}: plans behind ${name}`).toBe(f.count);
			}
		}
	});
});

describe('practiceOverview (examples)', () => {
	const [knottene, humla] = GROUPS as [OverviewGroup, OverviewGroup];
	const plans = [
		plan(1, {
			groupId: humla.id,
			date: '2026-11-23',
			screenMode: 'creative',
			screenMinutes: 40,
			clauses: ['create'],
			status: 'evaluated',
			evaluation: { whatWorked: 'Bra', participation: '', followUp: 'Lydopptak neste gang.' }
		}),
		plan(2, {
			groupId: humla.id,
			date: '2026-11-23',
			screenMode: 'passive',
			screenMinutes: 30,
			status: 'done'
		}),
		plan(3, { groupId: knottene.id, date: '2026-11-25', screenMode: 'passive', screenMinutes: 5 }),
		plan(4, { groupId: humla.id, date: '2026-12-01', learningAreas: ['art'] })
	];
	const o = practiceOverview(plans, GROUPS, DEFAULT_GUIDANCE, '2026-11-23', '2026-11-29');

	it('counts what a manager would count by hand', () => {
		expect(o.planned.count).toBe(3);
		expect(o.done.count).toBe(2);
		expect(o.evaluated.count).toBe(1);
		expect(o.areas.find((a) => a.area === 'art')!.planned.count).toBe(0);
		expect(o.clauses.find((c) => c.clause === 'create')!.done.count).toBe(1);
		expect(o.modes.find((m) => m.mode === 'passive')).toMatchObject({ minutes: 35, share: 2 / 3 });
		expect(o.followUps.map((f) => f.text)).toEqual(['Lydopptak neste gang.']);
	});

	it('holds each group’s days against its band’s daily limit', () => {
		const humlaWeek = o.groups.find((g) => g.groupId === humla.id)!.weeks[0]!;
		expect(humlaWeek).toMatchObject({ minutes: 70, daysOverLimit: 1, level: 'above' });
		const knottWeek = o.groups.find((g) => g.groupId === knottene.id)!.weeks[0]!;
		// Children under 2: any screen use is flagged, the limit is none.
		expect(knottWeek).toMatchObject({ minutes: 5, level: 'youngest' });
	});

	it('clips the first and last week to the period', () => {
		const clipped = practiceOverview(plans, GROUPS, DEFAULT_GUIDANCE, '2026-11-25', '2026-12-01');
		const weeks = clipped.groups[0]!.weeks;
		expect(weeks.map((w) => [w.from, w.to])).toEqual([
			['2026-11-25', '2026-11-29'],
			['2026-11-30', '2026-12-01']
		]);
	});
});

describe('the period', () => {
	it('refuses what is not a period, and too long a one', () => {
		expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
		expect(periodProblem('2026-11-31', '2026-12-01')).toBe('invalid_date');
		expect(periodProblem('2026-12-01', '2026-11-01')).toBe('to_before_from');
		expect(periodProblem('2026-01-01', '2027-01-01')).toBeNull(); // 366 days
		expect(periodProblem('2026-01-01', '2027-01-02')).toBe('too_long');
	});

	it('starts at the last eight weeks, this one included', () => {
		expect(defaultPeriod('2026-12-02')).toEqual({ from: '2026-10-12', to: '2026-12-06' });
	});
});
