import type { ActivityPlan } from './plan';
import type { GuidanceSet } from './guidance';
import type { SummaryContent, SummaryPeriodKind } from './parent-summary';
import { guidanceBand } from './age-bands';
import { addDays, isValidDate, startOfWeek } from './calendar';
import { durationMinutes, isActive } from './plan-basics';
import { figureFor, realMinutes } from './screen-time';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES, type ScreenMode } from './vocabulary';

/**
 * A group's summary for its parents, built from the plans on the tablet (issue 17, ADR 40). Pure:
 * the page shows what `buildSummary` gives, and the same content is what the publish call
 * sends. Only ids and numbers (and the tools as staff wrote them): no plan's title, goal or
 * text, which staff wrote for each other, not for parents.
 */

export interface SummaryPeriod {
	kind: SummaryPeriodKind;
	/** The Monday of the week, or the first of the month. */
	start: string;
	/** The last day, inclusive (Sunday, or the month's last day). */
	end: string;
}

/** The week (Monday..Sunday) holding `date`. */
export function weekPeriod(date: string): SummaryPeriod {
	const start = startOfWeek(date);
	return { kind: 'week', start, end: addDays(start, 6) };
}

/** The calendar month holding `date`. */
export function monthPeriod(date: string): SummaryPeriod {
	const start = `${date.slice(0, 7)}-01`;
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	const next =
		month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
	return { kind: 'month', start, end: addDays(next, -1) };
}

/** The period of a kind holding `date`. */
export function periodOf(kind: SummaryPeriodKind, date: string): SummaryPeriod {
	return kind === 'week' ? weekPeriod(date) : monthPeriod(date);
}

/** The period before or after (`step` -1 or 1) `period`, of the same kind. */
export function shiftPeriod(period: SummaryPeriod, step: number): SummaryPeriod {
	if (period.kind === 'week') return weekPeriod(addDays(period.start, 7 * step));
	return monthPeriod(step < 0 ? addDays(period.start, -1) : addDays(period.end, 1));
}

/** A period a publish call may name: the start is the period's own (a Monday, or the first). */
export function isPeriodStart(kind: SummaryPeriodKind, start: string): boolean {
	return isValidDate(start) && periodOf(kind, start).start === start;
}

const HELD = new Set(['done', 'evaluated']);
const TOOL_LIMIT = 30;
const TOOL_LENGTH = 80;
const SOURCE_LIMIT = 10;

/**
 * What a group's active plans in the period come to: held and planned, learning areas and
 * clauses, tools, screen minutes per mode, plans with an adult taking part, and the guidance for
 * the group's age band (the limit, each source's figure, the busiest day, days over the limit).
 * Plans of other groups and outside the period are left out.
 */
export function buildSummary(
	plans: readonly ActivityPlan[],
	group: { id: string; ageMin: number },
	guidance: GuidanceSet,
	period: SummaryPeriod
): SummaryContent {
	const mine = plans.filter(
		(p) => isActive(p) && p.groupId === group.id && p.date >= period.start && p.date <= period.end
	);
	const held = mine.filter((p) => HELD.has(p.status)).length;

	const areas = LEARNING_AREAS.map((id) => ({
		id,
		plans: mine.filter((p) => p.learningAreas.includes(id)).length
	})).filter((a) => a.plans > 0);
	const clauses = DIGITAL_CLAUSES.map((id) => ({
		id,
		plans: mine.filter((p) => p.clauses.includes(id)).length
	})).filter((c) => c.plans > 0);

	// Tools merged case-insensitively; the first spelling met is the one shown.
	const tools = new Map<string, { name: string; plans: number }>();
	for (const plan of [...mine].sort(byDate)) {
		const seen = new Set<string>();
		for (const written of plan.tools) {
			const name = written.trim().replace(/\s+/g, ' ').slice(0, TOOL_LENGTH);
			const key = name.toLocaleLowerCase('nb');
			if (!name || seen.has(key)) continue;
			seen.add(key);
			const tool = tools.get(key);
			if (tool) tool.plans += 1;
			else tools.set(key, { name, plans: 1 });
		}
	}

	const screen: SummaryContent['screen'] = [];
	for (const mode of SCREEN_MODES) {
		const ofMode = mine.filter((p) => p.screenMode === mode);
		if (ofMode.length === 0) continue;
		screen.push({
			mode,
			minutes: sum(ofMode.map((p) => modeMinutes(mode, p))),
			plans: ofMode.length
		});
	}

	const band = guidanceBand(group);
	const limit = guidance.limits.find((l) => l.band === band);
	const dailyLimitMinutes = Math.round(limit?.dailyMinutes ?? 0);
	const perDay = new Map<string, number>();
	for (const plan of mine) perDay.set(plan.date, (perDay.get(plan.date) ?? 0) + realMinutes(plan));
	const days = [...perDay.values()];

	return {
		period: { kind: period.kind, start: period.start, end: period.end },
		held,
		planned: mine.length - held,
		areas,
		clauses,
		tools: [...tools.values()]
			.sort((a, b) => b.plans - a.plans || a.name.localeCompare(b.name, 'nb'))
			.slice(0, TOOL_LIMIT),
		screen,
		withAdult: mine.filter(
			(p) =>
				(p.screenMode === 'passive' || p.screenMode === 'interactive') &&
				realMinutes(p) > 0 &&
				p.adultParticipates
		).length,
		guidance: {
			band,
			dailyLimitMinutes,
			maxDayMinutes: Math.max(0, ...days),
			daysOverLimit: days.filter((m) => m > dailyLimitMinutes).length,
			sources: guidance.sources
				.flatMap((source) => {
					const figure = figureFor(source, band);
					if (!figure || !source.name) return [];
					return [
						{
							name: source.name.slice(0, 200),
							year: Math.round(source.year),
							advice: figure.advice,
							maxMinutesPerDay:
								figure.maxMinutesPerDay === null ? null : Math.round(figure.maxMinutesPerDay)
						}
					];
				})
				.slice(0, SOURCE_LIMIT)
		}
	};
}

/** Real minutes for a screen mode; for screen-free, the activity's own minutes. */
function modeMinutes(mode: ScreenMode, plan: ActivityPlan): number {
	return mode === 'screenFree' ? Math.max(0, durationMinutes(plan)) : realMinutes(plan);
}

function byDate(a: ActivityPlan, b: ActivityPlan): number {
	return a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime);
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
