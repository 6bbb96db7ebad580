/**
 * Ages and age bands, without the schemas (organisation.ts), so that the first page can place a
 * group in its band without loading zod (ADR 12).
 */

/** Ages in whole years, as the screen guidance bands them (docs/design/domain.md). */
export const MIN_AGE = 0;
export const MAX_AGE = 6;

export const AGE_BANDS = ['0-1', '1-2', '2-3', '3-4', '4-5', '5-6'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The age band whose guidance applies to a group. A group spanning several bands is held to
 * the youngest one: the strictest advice applies to the youngest child present.
 */
export function guidanceBand(group: { ageMin: number }): AgeBand {
	return AGE_BANDS[Math.min(Math.max(group.ageMin, MIN_AGE), MAX_AGE - 1)]!;
}
