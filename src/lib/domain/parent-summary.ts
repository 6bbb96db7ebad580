import { z } from 'zod/mini';
import { AGE_BANDS } from './age-bands';
import { ISO_DATE } from './calendar';
import { ADVICE_KINDS } from './guidance';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES } from './vocabulary';
import { containsPersonalNumber } from './personal-number';

/**
 * A summary of a group's digital practice for its parents (issue 17, ADR 39): built from the
 * group's plans for a week or a month, and published by the manager (or a staff member the
 * manager allows). Everything in it but the staff's text and the tools as staff wrote them is an
 * id or a number, so a parent page can say it in any of the parent languages. It holds no child's
 * name or picture: the plans hold none either, and the staff text is checked for a personal
 * number here and warned about in the form.
 */

export const SUMMARY_PERIOD_KINDS = ['week', 'month'] as const;
export type SummaryPeriodKind = (typeof SUMMARY_PERIOD_KINDS)[number];

/** The languages a staff text may be written in (the app's own). Shown with the text. */
export const STAFF_TEXT_LOCALES = ['nb', 'nn', 'en'] as const;

export const SUMMARY_LIMITS = {
	staffText: 2000,
	tools: 30,
	tool: 80,
	sources: 10
} as const;

const count = z.int().check(z.minimum(0, 'too_small'), z.maximum(100_000, 'too_big'));

/** The guidance a group's screen minutes were held against when the summary was made. */
const guidanceSchema = z.strictObject({
	/** The group's age band (guidanceBand). */
	band: z.enum(AGE_BANDS),
	/** Real screen minutes a day the app holds this band against (the owner's guidance). */
	dailyLimitMinutes: count,
	/** The most real screen minutes of any one day in the period. */
	maxDayMinutes: count,
	/** Days in the period whose real screen minutes passed the daily limit. */
	daysOverLimit: count,
	/** What each source of the guidance advises for the band: the source's name as it is. */
	sources: z
		.array(
			z.strictObject({
				name: z.string().check(z.minLength(1), z.maxLength(200)),
				year: z.int(),
				advice: z.enum(ADVICE_KINDS),
				maxMinutesPerDay: z.nullable(count)
			})
		)
		.check(z.maxLength(SUMMARY_LIMITS.sources, 'too_many'))
});

export const summaryContentSchema = z.strictObject({
	period: z.strictObject({
		kind: z.enum(SUMMARY_PERIOD_KINDS),
		/** The Monday of the week, or the first of the month. */
		start: z.string().check(z.regex(ISO_DATE)),
		/** The period's last day, inclusive. */
		end: z.string().check(z.regex(ISO_DATE))
	}),
	/** Plans in the period that were held (status done or evaluated) and planned (the rest). */
	held: count,
	planned: count,
	/** Per learning area, how many of the period's plans served it. Zero counts left out. */
	areas: z.array(z.strictObject({ id: z.enum(LEARNING_AREAS), plans: count })),
	/** Per clause of the rammeplan's digital practice, the same. */
	clauses: z.array(z.strictObject({ id: z.enum(DIGITAL_CLAUSES), plans: count })),
	/** The tools the plans named, as staff wrote them (shown as written), most used first. */
	tools: z
		.array(
			z.strictObject({
				name: z.string().check(z.minLength(1), z.maxLength(SUMMARY_LIMITS.tool)),
				plans: count
			})
		)
		.check(z.maxLength(SUMMARY_LIMITS.tools, 'too_many')),
	/** Real minutes per screen mode over the period (screen-free: the activity's minutes). */
	screen: z.array(z.strictObject({ mode: z.enum(SCREEN_MODES), minutes: count, plans: count })),
	/** Plans with passive or interactive screen use where an adult took part. */
	withAdult: count,
	guidance: guidanceSchema
});
export type SummaryContent = z.infer<typeof summaryContentSchema>;

/** What a publisher sends: the content, and the staff's own words with their language. */
export const summaryPublishSchema = z.strictObject({
	groupId: z.uuid(),
	content: summaryContentSchema,
	staffText: z.string().check(
		z.maxLength(SUMMARY_LIMITS.staffText, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	),
	staffTextLocale: z.enum(STAFF_TEXT_LOCALES)
});
export type SummaryPublish = z.infer<typeof summaryPublishSchema>;
