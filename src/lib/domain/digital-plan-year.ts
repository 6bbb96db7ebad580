/*
 * The kindergarten year of the digital plan (ADR 34), without the plan's schemas: the lists of
 * refused changes and conflicts name a plan by its year and load no zod for it.
 */

/**
 * The kindergarten year a date falls in, by the year it starts in: the year starts on
 * 1 August (barnehageåret), so 2027-03-01 is in 2026.
 */
export function kindergartenYearOf(isoDay: string): number {
	const year = Number(isoDay.slice(0, 4));
	return isoDay.slice(5) >= '08-01' ? year : year - 1;
}

/** A plan's name where a title is shown (the refused and conflict lists): its year, 2026–2027. */
export function digitalPlanName(plan: { year: number }): string {
	return `${plan.year}–${plan.year + 1}`;
}
