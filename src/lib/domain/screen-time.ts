import { guidanceBand, type AgeBand } from './age-bands';
import type { GuidanceFigure, GuidanceSet, GuidanceSource } from './guidance';
import type { ScreenMode } from './vocabulary';

/**
 * Screen time held against the guidance (ADR 7): real and weighted minutes, and the day's and
 * the week's assessment for a group. Kept apart from the guidance's schemas (guidance.ts) so the
 * week view, the first page, does not load zod (ADR 12).
 */

/** The guidance in force for an owner: the owner's latest version, or the shipped default. */
export interface GuidanceInForce {
	set: GuidanceSet;
	/** False while the shipped default is in force. */
	edited: boolean;
	/** When the owner's version was saved; null for the default. */
	updatedAt: string | null;
}

/** The screen modes that involve a screen at all. */
export function usesScreen(mode: ScreenMode): boolean {
	return mode !== 'screenFree';
}

export interface ScreenUse {
	screenMode: ScreenMode;
	screenMinutes: number;
	adultParticipates: boolean;
}

/** A use on a day of the week (`YYYY-MM-DD`): what a week is assessed from. */
export interface DatedScreenUse extends ScreenUse {
	date: string;
}

/** Minutes in front of a screen, as planned: every mode but screen-free. What a limit counts. */
export function realMinutes(use: ScreenUse): number {
	return usesScreen(use.screenMode) && use.screenMinutes > 0 ? use.screenMinutes : 0;
}

/** Passive or interactive use with no adult taking part. */
function alone(use: ScreenUse): boolean {
	return (
		!use.adultParticipates && (use.screenMode === 'passive' || use.screenMode === 'interactive')
	);
}

/**
 * Lekeplan's own weighting of a use (ADR 7): screen minutes × the mode's weight, × the factor
 * for passive or interactive use without an adult. No source gives such weights; they are our
 * reading of "how, what for, with whom" (NOU 2024:20). Shown beside the real minutes as ours,
 * never held against a source's limit.
 */
export function weightedMinutes(use: ScreenUse, set: GuidanceSet): number {
	const minutes = realMinutes(use);
	if (minutes === 0) return 0;
	return minutes * set.modeWeights[use.screenMode] * (alone(use) ? set.withoutAdultFactor : 1);
}

/**
 * The sources' verdict on the real minutes: within the limit, above it, or any screen use for a
 * group with children under 2 (where every source advises against screens).
 */
export type GuidanceLevel = 'within' | 'above' | 'youngest';

/** Real minutes of one kind of use: how the screen is used, and whether an adult takes part. */
export interface KindOfUse {
	screenMode: ScreenMode;
	adultParticipates: boolean;
	minutes: number;
}

/**
 * Lekeplan's own view of the use, shown beside the sources' verdict and labelled as ours
 * wherever it appears: none of it is in any source (ADR 7, docs/design/domain.md).
 */
export interface LekeplanView {
	/** The real minutes by kind of use, largest first. */
	kinds: KindOfUse[];
	/** The minutes weighted by mode and by the adult factor. */
	weightedMinutes: number;
	/** What the weighted minutes are set beside: the daily limit × `budgetDays`. */
	budgetMinutes: number;
	/** 1 for a day; the set's kindergarten days (`daysPerWeek`) for a week. */
	budgetDays: number;
	/** Within the limit, at or above `closeShare` of it (of the week's budget for a week). */
	nearLimit: boolean;
	/** The set's "near" share, for saying what near means. */
	closeShare: number;
	/** Passive or interactive use without an adult in any of the plans. */
	withoutAdult: boolean;
}

export interface GuidanceAssessment {
	level: GuidanceLevel;
	band: AgeBand;
	/** Screen minutes as planned (every mode but screen-free), for the day or the whole week. */
	screenMinutes: number;
	/** The source's limit for one day. Sources give daily figures only. */
	limitMinutes: number;
	basis: GuidanceSource;
	/** Days whose real screen minutes pass the daily limit (0 or 1 for a day). */
	daysOverLimit: number;
	view: LekeplanView;
}

function limitFor(band: AgeBand, set: GuidanceSet): { minutes: number; basis: GuidanceSource } {
	const limit = set.limits.find((l) => l.band === band)!;
	return { minutes: limit.dailyMinutes, basis: set.sources.find((s) => s.id === limit.basis)! };
}

function kindsOf(uses: readonly ScreenUse[]): KindOfUse[] {
	const kinds: KindOfUse[] = [];
	for (const use of uses) {
		const minutes = realMinutes(use);
		if (minutes === 0) continue;
		const kind = kinds.find(
			(k) => k.screenMode === use.screenMode && k.adultParticipates === use.adultParticipates
		);
		if (kind) kind.minutes += minutes;
		else
			kinds.push({ screenMode: use.screenMode, adultParticipates: use.adultParticipates, minutes });
	}
	return kinds.sort((a, b) => b.minutes - a.minutes);
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

function assess(
	days: ReadonlyMap<string, readonly ScreenUse[]>,
	group: { ageMin: number },
	set: GuidanceSet,
	budgetDays: number
): GuidanceAssessment {
	const band = guidanceBand(group);
	const { minutes: limitMinutes, basis } = limitFor(band, set);
	const uses = [...days.values()].flat();
	const screenMinutes = sum(uses.map(realMinutes));
	const daysOverLimit = [...days.values()].filter(
		(day) => sum(day.map(realMinutes)) > limitMinutes
	).length;
	let level: GuidanceLevel;
	// Screen use for the youngest is always flagged strongly (docs/design/domain.md): the sources advise none.
	if (group.ageMin < 2 && screenMinutes > 0) level = 'youngest';
	else if (daysOverLimit > 0) level = 'above';
	else level = 'within';
	const budgetMinutes = limitMinutes * budgetDays;
	return {
		level,
		band,
		screenMinutes,
		limitMinutes,
		basis,
		daysOverLimit,
		view: {
			kinds: kindsOf(uses),
			weightedMinutes: sum(uses.map((u) => weightedMinutes(u, set))),
			budgetMinutes,
			budgetDays,
			closeShare: set.closeShare,
			nearLimit:
				level === 'within' && screenMinutes > 0 && screenMinutes >= budgetMinutes * set.closeShare,
			withoutAdult: uses.some((u) => realMinutes(u) > 0 && alone(u))
		}
	};
}

/** A group's day: every plan of that day together, real minutes against the daily limit. */
export function assessDay(
	uses: readonly ScreenUse[],
	group: { ageMin: number },
	set: GuidanceSet
): GuidanceAssessment {
	return assess(new Map([['day', uses]]), group, set, 1);
}

/**
 * A group's week: each day's real minutes against the daily limit (the sources give no weekly
 * figure). Lekeplan's view sets the weighted week beside the limit × `daysPerWeek`.
 */
export function assessWeek(
	uses: readonly DatedScreenUse[],
	group: { ageMin: number },
	set: GuidanceSet
): GuidanceAssessment {
	const days = new Map<string, DatedScreenUse[]>();
	for (const use of uses) days.set(use.date, [...(days.get(use.date) ?? []), use]);
	return assess(days, group, set, set.daysPerWeek);
}

/** The figure a source gives for a band, if it covers it. */
export function figureFor(source: GuidanceSource, band: AgeBand): GuidanceFigure | undefined {
	return source.figures.find((f) => f.band === band);
}
