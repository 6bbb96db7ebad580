import { z } from 'zod/mini';
import { MAX_AGE, MIN_AGE } from './age-bands';
import { containsPersonalNumber } from './personal-number';

export { AGE_BANDS, MAX_AGE, MIN_AGE, guidanceBand, type AgeBand } from './age-bands';

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
