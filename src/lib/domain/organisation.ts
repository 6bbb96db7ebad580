import { z } from 'zod/mini';
import { containsPersonalNumber } from './personal-number';

/** Ages in whole years, as the screen guidance bands them (docs/design/domain.md). */
export const MIN_AGE = 0;
export const MAX_AGE = 6;

export const AGE_BANDS = ['0-1', '1-2', '2-3', '3-4', '4-5', '5-6'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const id = z.uuid({ error: 'invalid_id' });

/** A name: trimmed, present, bounded, and never holding a personal identity number. */
export const name = (max: number) =>
	z.string({ error: 'required' }).check(
		z.trim(),
		z.minLength(1, 'required'),
		z.maxLength(max, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	);

/** A whole number of years in [min, max]. */
const years = (min: number, max: number) =>
	z
		.number({ error: 'required' })
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(min, 'too_small'),
			z.maximum(max, 'too_big')
		);

export const kindergartenSchema = z.object({
	id,
	name: name(120)
});
export type Kindergarten = z.infer<typeof kindergartenSchema>;

/** A group (avdeling). Its age band is the span of ages of the children in it. */
export const groupSchema = z
	.object({
		id,
		kindergartenId: id,
		name: name(80),
		ageMin: years(MIN_AGE, MAX_AGE - 1),
		ageMax: years(MIN_AGE + 1, MAX_AGE)
	})
	.check(
		z.superRefine((g, ctx) => {
			if (g.ageMax <= g.ageMin) {
				ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'age_max_before_min' });
			}
		})
	);
export type Group = z.infer<typeof groupSchema>;

/**
 * The age band whose guidance applies to a group. A group spanning several bands is held to
 * the youngest one: the strictest advice applies to the youngest child present.
 */
export function guidanceBand(group: Pick<Group, 'ageMin'>): AgeBand {
	return AGE_BANDS[Math.min(Math.max(group.ageMin, MIN_AGE), MAX_AGE - 1)]!;
}
