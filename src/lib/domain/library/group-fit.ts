import type { Group } from '../organisation';

/** The ages an activity is written for, in whole years. */
export interface AgeRange {
	ageMin: number;
	ageMax: number;
}

/** The share of the group's ages (whole years) that the activity is written for: 0 to 1. */
export function ageFit(group: Pick<Group, 'ageMin' | 'ageMax'>, activity: AgeRange): number {
	const from = Math.max(group.ageMin, activity.ageMin);
	const to = Math.min(group.ageMax, activity.ageMax);
	return to < from ? 0 : (to - from + 1) / (group.ageMax - group.ageMin + 1);
}

/**
 * The group a plan from a library activity is made for: the one the person has chosen if the
 * activity suits at least half of its ages, else the group it suits best (the first of equals),
 * else the chosen one after all (the plan form then warns about the ages). "Plan this" once
 * preselected the toddlers' group (1–3) for a Blue-Bot activity for ages 4 to 6.
 */
export function groupForActivity(
	groups: readonly Group[],
	chosenId: string | undefined,
	activity: AgeRange
): Group | undefined {
	const chosen = groups.find((g) => g.id === chosenId);
	if (chosen && ageFit(chosen, activity) >= 0.5) return chosen;
	let best: Group | undefined;
	let bestFit = 0;
	for (const group of groups) {
		const fit = ageFit(group, activity);
		if (fit > bestFit) [best, bestFit] = [group, fit];
	}
	return best ?? chosen ?? groups[0];
}
