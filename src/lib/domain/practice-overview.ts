import type { ActivityPlan } from './plan';
import type { GuidanceSet } from './guidance';
import { guidanceBand, type AgeBand } from './age-bands';
import { addDays, isValidDate, startOfWeek } from './calendar';
import { assessWeek, realMinutes, usesScreen, type GuidanceLevel } from './screen-time';
import { COMPLETED, type PlanFilter } from './plan-filter';
import {
	DIGITAL_CLAUSES,
	LEARNING_AREAS,
	SCREEN_MODES,
	type DigitalClause,
	type LearningArea,
	type ScreenMode
} from './vocabulary';

/**
 * The kindergarten's overview of its digital practice for a period (issue 15, the manager's
 * desk), computed from the plans on the tablet so it works offline. Every count carries the plan
 * list's filter that gives exactly the plans behind it (`filterPlans(plans, figure.filter)`), so a
 * manager can open them; the property test holds the two together. Pure: a later SQL version for
 * the owner's overview can be tested against this function.
 *
 * What counts: every plan that is not deleted and is dated in the period, drafts included
 * ("planned"); "done" is a plan carried out (`done` or `evaluated`); "evaluated" is the status
 * `evaluated`. Screen minutes are real minutes (ADR 7: every mode but screen-free).
 */

/** The longest period the overview takes, in days: a kindergarten year and a little. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodProblem = 'invalid_date' | 'to_before_from' | 'too_long';

/** A number of plans, and the plan list's filter that lists exactly them. */
export interface Figure {
	count: number;
	filter: PlanFilter;
}

export interface PlannedAndDone {
	planned: Figure;
	done: Figure;
}

export interface ModeFigure {
	mode: ScreenMode;
	plans: Figure;
	/** Of every plan in the period, 0–1 (0 when there are none). */
	share: number;
	/** Real screen minutes of the mode (0 for screen-free). */
	minutes: number;
}

export interface WeekScreen {
	/** The week's Monday. */
	monday: string;
	/** The week's days inside the period. */
	from: string;
	to: string;
	/** The group's plans of those days. */
	plans: Figure;
	/** Real minutes of each screen mode (not screen-free), with the plans of that mode. */
	modes: { mode: ScreenMode; minutes: number; plans: Figure }[];
	minutes: number;
	/** Days whose real minutes pass the guidance's daily limit for the group's band. */
	daysOverLimit: number;
	level: GuidanceLevel;
}

export interface GroupScreen {
	groupId: string;
	name: string;
	band: AgeBand;
	/** The guidance's daily limit for the band, in real minutes. */
	dailyLimit: number;
	weeks: WeekScreen[];
	minutes: number;
}

export interface FollowUp {
	planId: string;
	title: string;
	date: string;
	groupId: string;
	text: string;
}

export interface PracticeOverview {
	from: string;
	to: string;
	planned: Figure;
	done: Figure;
	areas: (PlannedAndDone & { area: LearningArea })[];
	clauses: (PlannedAndDone & { clause: DigitalClause })[];
	modes: ModeFigure[];
	groups: GroupScreen[];
	evaluated: Figure;
	/** What the period's evaluations say to follow up, earliest first. */
	followUps: FollowUp[];
}

export interface OverviewGroup {
	id: string;
	name: string;
	ageMin: number;
}

/** The days from `from` to `to`, both counted. */
export function periodDays(from: string, to: string): number {
	return (
		Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
	);
}

/** What is wrong with a period as asked for, or null. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
	if (!isValidDate(from) || !isValidDate(to)) return 'invalid_date';
	if (to < from) return 'to_before_from';
	if (periodDays(from, to) > MAX_PERIOD_DAYS) return 'too_long';
	return null;
}

/** The period shown first: the last eight weeks, this week included. */
export function defaultPeriod(today: string): { from: string; to: string } {
	const monday = startOfWeek(today);
	return { from: addDays(monday, -7 * 7), to: addDays(monday, 6) };
}

const completed = (p: ActivityPlan) => p.status === 'done' || p.status === 'evaluated';

function figure(plans: readonly ActivityPlan[], filter: PlanFilter): Figure {
	return { count: plans.length, filter };
}

/**
 * The overview of `plans` for the period `from`–`to` (which `periodProblem` accepts). Groups
 * are shown in the order given; plans of a group not given count in every figure but the
 * per-group screen minutes.
 */
export function practiceOverview(
	plans: readonly ActivityPlan[],
	groups: readonly OverviewGroup[],
	guidance: GuidanceSet,
	from: string,
	to: string
): PracticeOverview {
	const period: PlanFilter = { from, to };
	const inPeriod = plans.filter((p) => p.deletedAt === null && p.date >= from && p.date <= to);
	const done = inPeriod.filter(completed);
	const share = (n: number) => (inPeriod.length === 0 ? 0 : n / inPeriod.length);

	const areas = LEARNING_AREAS.map((area) => ({
		area,
		planned: figure(
			inPeriod.filter((p) => p.learningAreas.includes(area)),
			{ ...period, learningArea: area }
		),
		done: figure(
			done.filter((p) => p.learningAreas.includes(area)),
			{ ...period, learningArea: area, status: COMPLETED }
		)
	}));
	const clauses = DIGITAL_CLAUSES.map((clause) => ({
		clause,
		planned: figure(
			inPeriod.filter((p) => p.clauses.includes(clause)),
			{ ...period, clause }
		),
		done: figure(
			done.filter((p) => p.clauses.includes(clause)),
			{ ...period, clause, status: COMPLETED }
		)
	}));
	const modes = SCREEN_MODES.map((mode) => {
		const ofMode = inPeriod.filter((p) => p.screenMode === mode);
		return {
			mode,
			plans: figure(ofMode, { ...period, screenMode: mode }),
			share: share(ofMode.length),
			minutes: sum(ofMode.map(realMinutes))
		};
	});

	const mondays: string[] = [];
	for (let monday = startOfWeek(from); monday <= to; monday = addDays(monday, 7)) {
		mondays.push(monday);
	}
	const groupScreens = groups.map((group): GroupScreen => {
		const ofGroup = inPeriod.filter((p) => p.groupId === group.id);
		const weeks = mondays.map((monday): WeekScreen => {
			const weekFrom = monday < from ? from : monday;
			const sunday = addDays(monday, 6);
			const weekTo = sunday > to ? to : sunday;
			const ofWeek = ofGroup.filter((p) => p.date >= weekFrom && p.date <= weekTo);
			const filter: PlanFilter = { groupId: group.id, from: weekFrom, to: weekTo };
			const assessment = assessWeek(ofWeek, group, guidance);
			return {
				monday,
				from: weekFrom,
				to: weekTo,
				plans: figure(ofWeek, filter),
				modes: SCREEN_MODES.filter(usesScreen).map((mode) => {
					const ofMode = ofWeek.filter((p) => p.screenMode === mode);
					return {
						mode,
						minutes: sum(ofMode.map(realMinutes)),
						plans: figure(ofMode, { ...filter, screenMode: mode })
					};
				}),
				minutes: assessment.screenMinutes,
				daysOverLimit: assessment.daysOverLimit,
				level: assessment.level
			};
		});
		const band = guidanceBand(group);
		return {
			groupId: group.id,
			name: group.name,
			band,
			dailyLimit: guidance.limits.find((l) => l.band === band)?.dailyMinutes ?? 0,
			weeks,
			minutes: sum(weeks.map((w) => w.minutes))
		};
	});

	const followUps = inPeriod
		.filter((p) => (p.evaluation?.followUp.trim() ?? '') !== '')
		.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime))
		.map((p) => ({
			planId: p.id,
			title: p.title,
			date: p.date,
			groupId: p.groupId,
			text: p.evaluation!.followUp.trim()
		}));

	return {
		from,
		to,
		planned: figure(inPeriod, period),
		done: figure(done, { ...period, status: COMPLETED }),
		areas,
		clauses,
		modes,
		groups: groupScreens,
		evaluated: figure(
			inPeriod.filter((p) => p.status === 'evaluated'),
			{ ...period, status: 'evaluated' }
		),
		followUps
	};
}

function sum(values: readonly number[]): number {
	return values.reduce((total, v) => total + v, 0);
}
