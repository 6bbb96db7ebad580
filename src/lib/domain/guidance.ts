import { z } from 'zod/mini';
import { AGE_BANDS, guidanceBand, type AgeBand, type Group } from './organisation';
import { containsPersonalNumber } from './personal-number';
import type { ScreenMode } from './vocabulary';

/**
 * Screen-time guidance is data, not code (DOMAIN.md): each source with its figures per age
 * band, its scope, its date and a link. The app shows it as context and warns; it never
 * forbids. The set has an id and a version so the owner can edit it once the server exists.
 */

/** Text an owner admin writes: never an identity number in it (issue 13). */
const text = z.string().check(z.refine((s) => !containsPersonalNumber(s), 'personal_number'));
const localized = z.strictObject({ nb: text, nn: text, en: text });
export type LocalizedText = z.infer<typeof localized>;

/** What a source's figure covers. */
export const GUIDANCE_SCOPES = ['wholeDay', 'outsideKindergarten', 'sedentary', 'leisure'] as const;
export type GuidanceScope = (typeof GUIDANCE_SCOPES)[number];

/** What a source advises for one age band. */
export const ADVICE_KINDS = ['none', 'avoid', 'stronglyLimit', 'limit', 'qualityCoViewed'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

const figureSchema = z.strictObject({
	band: z.enum(AGE_BANDS),
	advice: z.enum(ADVICE_KINDS),
	/** Most minutes a day the source accepts; null when it gives no number. */
	maxMinutesPerDay: z.nullable(
		z.number().check(z.minimum(0, 'too_small'), z.maximum(1440, 'too_big'))
	),
	/** Recalled, not read in the source (DOMAIN.md "verify"): shown as such. */
	verify: z.boolean()
});
export type GuidanceFigure = z.infer<typeof figureSchema>;

const sourceSchema = z.strictObject({
	id: text,
	name: text,
	year: z.number(),
	url: z
		.url({ protocol: /^https?$/, error: 'invalid_url' })
		.check(z.refine((s) => !containsPersonalNumber(s), 'personal_number')),
	scope: z.nullable(z.enum(GUIDANCE_SCOPES)),
	/** A plain-language summary; the default set's live in guidance-notes.ts. */
	note: z.optional(localized),
	verify: z.boolean(),
	figures: z.array(figureSchema)
});
export type GuidanceSource = z.infer<typeof sourceSchema>;

const weight = z.number().check(z.minimum(0, 'too_small'), z.maximum(10, 'too_big'));

const bandLimitSchema = z.strictObject({
	band: z.enum(AGE_BANDS),
	/** Screen minutes a day the app holds a group of this band against. 0: none advised. */
	dailyMinutes: z.number().check(z.minimum(0, 'too_small'), z.maximum(1440, 'too_big')),
	/** The source the limit is taken from. */
	basis: text
});

export const guidanceSetSchema = z
	.strictObject({
		id: z.string(),
		version: z.number().check(z.minimum(1)),
		date: z.iso.date(),
		/** How much a minute of each screen mode counts ("a screen is not just a screen"). */
		modeWeights: z.strictObject({
			passive: weight,
			interactive: weight,
			creative: weight,
			communication: weight,
			screenFree: weight
		}),
		/** Counted minutes of passive or interactive use without an adult are multiplied by this. */
		withoutAdultFactor: z.number().check(z.minimum(1, 'too_small'), z.maximum(10, 'too_big')),
		/** At or above this share of the limit the result is "close". */
		closeShare: z.number().check(z.minimum(0, 'too_small'), z.maximum(1, 'too_big')),
		/** Kindergarten days in a week, for the weekly limit. */
		daysPerWeek: z.number().check(z.minimum(1, 'too_small'), z.maximum(7, 'too_big')),
		limits: z.array(bandLimitSchema),
		sources: z.array(sourceSchema)
	})
	.check(
		z.superRefine((set, ctx) => {
			for (const band of AGE_BANDS) {
				if (!set.limits.some((l) => l.band === band)) {
					ctx.addIssue({ code: 'custom', path: ['limits'], message: 'missing_band' });
				}
			}
			for (const limit of set.limits) {
				if (!set.sources.some((s) => s.id === limit.basis)) {
					ctx.addIssue({ code: 'custom', path: ['limits'], message: 'unknown_basis' });
				}
			}
		})
	);
export type GuidanceSet = z.infer<typeof guidanceSetSchema>;

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

/** Minutes as the guidance counts them: weighted by mode, more without an adult. */
export function countedMinutes(use: ScreenUse, set: GuidanceSet): number {
	if (!usesScreen(use.screenMode) || use.screenMinutes <= 0) return 0;
	const weight = set.modeWeights[use.screenMode];
	const alone =
		!use.adultParticipates && (use.screenMode === 'passive' || use.screenMode === 'interactive');
	return use.screenMinutes * weight * (alone ? set.withoutAdultFactor : 1);
}

export type GuidanceLevel = 'fine' | 'close' | 'above' | 'youngest';

export interface GuidanceAssessment {
	level: GuidanceLevel;
	band: AgeBand;
	/** Screen minutes as planned (every mode but screen-free). */
	screenMinutes: number;
	/** Minutes as counted against the limit. */
	countedMinutes: number;
	limitMinutes: number;
	basis: GuidanceSource;
	/** Passive or interactive use without an adult in any of the plans. */
	withoutAdult: boolean;
}

function limitFor(band: AgeBand, set: GuidanceSet): { minutes: number; basis: GuidanceSource } {
	const limit = set.limits.find((l) => l.band === band)!;
	return { minutes: limit.dailyMinutes, basis: set.sources.find((s) => s.id === limit.basis)! };
}

function assess(
	uses: readonly ScreenUse[],
	group: Pick<Group, 'ageMin'>,
	set: GuidanceSet,
	days: number
): GuidanceAssessment {
	const band = guidanceBand(group);
	const { minutes, basis } = limitFor(band, set);
	const limitMinutes = minutes * days;
	const counted = uses.reduce((sum, u) => sum + countedMinutes(u, set), 0);
	const screenMinutes = uses
		.filter((u) => usesScreen(u.screenMode))
		.reduce((sum, u) => sum + u.screenMinutes, 0);
	const withoutAdult = uses.some(
		(u) =>
			u.screenMinutes > 0 &&
			!u.adultParticipates &&
			(u.screenMode === 'passive' || u.screenMode === 'interactive')
	);
	let level: GuidanceLevel;
	// Screen use for the youngest is always flagged strongly (DOMAIN.md): "none" is the advice.
	if (group.ageMin < 2 && screenMinutes > 0) level = 'youngest';
	else if (counted > limitMinutes) level = 'above';
	else if (counted > 0 && counted >= limitMinutes * set.closeShare) level = 'close';
	else level = 'fine';
	return { level, band, screenMinutes, countedMinutes: counted, limitMinutes, basis, withoutAdult };
}

/** A group's day: every plan of that day together. */
export function assessDay(
	uses: readonly ScreenUse[],
	group: Pick<Group, 'ageMin'>,
	set: GuidanceSet
): GuidanceAssessment {
	return assess(uses, group, set, 1);
}

/** A group's week: against the daily limit times the kindergarten days of a week. */
export function assessWeek(
	uses: readonly ScreenUse[],
	group: Pick<Group, 'ageMin'>,
	set: GuidanceSet
): GuidanceAssessment {
	return assess(uses, group, set, set.daysPerWeek);
}

/** The figure a source gives for a band, if it covers it. */
export function figureFor(source: GuidanceSource, band: AgeBand): GuidanceFigure | undefined {
	return source.figures.find((f) => f.band === band);
}
