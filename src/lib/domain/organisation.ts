import { z } from 'zod';
import { containsPersonalNumber } from './personal-number';

/** Ages in whole years, as the screen guidance bands them (DOMAIN.md). */
export const MIN_AGE = 0;
export const MAX_AGE = 6;

export const AGE_BANDS = ['0-1', '1-2', '2-3', '3-4', '4-5', '5-6'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const id = z.uuid({ error: 'invalid_id' });

export const name = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, 'required')
		.max(max, 'too_long')
		.refine((s) => !containsPersonalNumber(s), 'personal_number');

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
		ageMin: z
			.number({ error: 'required' })
			.int('not_integer')
			.min(MIN_AGE, 'too_small')
			.max(MAX_AGE - 1, 'too_big'),
		ageMax: z
			.number({ error: 'required' })
			.int('not_integer')
			.min(MIN_AGE + 1, 'too_small')
			.max(MAX_AGE, 'too_big')
	})
	.superRefine((g, ctx) => {
		if (g.ageMax <= g.ageMin) {
			ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'age_max_before_min' });
		}
	});
export type Group = z.infer<typeof groupSchema>;

/**
 * The age band whose guidance applies to a group. A group spanning several bands is held to
 * the youngest one: the strictest advice applies to the youngest child present.
 */
export function guidanceBand(group: Pick<Group, 'ageMin'>): AgeBand {
	return AGE_BANDS[Math.min(Math.max(group.ageMin, MIN_AGE), MAX_AGE - 1)]!;
}
