import { z } from 'zod/mini';
import { AGE_BANDS } from './age-bands';
import { containsPersonalNumber } from './personal-number';

/**
 * Screen-time guidance is data, not code (docs/design/domain.md): each source with its figures per age
 * band, its scope, its date and a link. The app shows it as context and warns; it never
 * forbids. The set has an id and a version so the owner can edit it (ADR 11).
 *
 * Two kinds of thing live here, and the app keeps them apart (ADR 7): the sources' daily
 * limits, which count real screen minutes, and Lekeplan's own pedagogical reading (mode
 * weights, the factor for use without an adult, the "near the limit" share, the kindergarten
 * week), which no source gives and which is only ever shown beside the sources' verdict, as ours.
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
	/** Recalled, not read in the source (docs/design/domain.md, "verify"): shown as such. */
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
	/** Real screen minutes a day the app holds a group of this band against. 0: none advised. */
	dailyMinutes: z.number().check(z.minimum(0, 'too_small'), z.maximum(1440, 'too_big')),
	/** The source the limit is taken from. */
	basis: text
});

export const guidanceSetSchema = z
	.strictObject({
		id: z.string(),
		version: z.number().check(z.minimum(1)),
		date: z.iso.date(),
		/** Lekeplan's own weight of a minute of each mode: our view, never held against a limit. */
		modeWeights: z.strictObject({
			passive: weight,
			interactive: weight,
			creative: weight,
			communication: weight,
			screenFree: weight
		}),
		/** Lekeplan's view: weighted passive or interactive minutes without an adult, × this. */
		withoutAdultFactor: z.number().check(z.minimum(1, 'too_small'), z.maximum(10, 'too_big')),
		/** Lekeplan's view: within the limit but at or above this share of it is "near". */
		closeShare: z.number().check(z.minimum(0, 'too_small'), z.maximum(1, 'too_big')),
		/** Lekeplan's view: kindergarten days in a week, for the week's weighted budget. */
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

export {
	assessDay,
	assessWeek,
	figureFor,
	realMinutes,
	usesScreen,
	weightedMinutes,
	type DatedScreenUse,
	type GuidanceAssessment,
	type GuidanceInForce,
	type GuidanceLevel,
	type KindOfUse,
	type LekeplanView,
	type ScreenUse
} from './screen-time';
