import type { DigitalClause } from '../vocabulary';
import { COMPETENCE_AREAS, type CompetenceArea, type CompetenceItemFacts } from './item-bank';

/**
 * A person's own profile and what to suggest for its weak areas (issue 14, ADR 29). Pure: the
 * page passes the person's answers, the item bank and the library's facts. Only the person
 * sees their profile; nothing here reaches the server.
 */

/** An area whose mean is below "I do this regularly" is weak. */
export const WEAK_BELOW = 3;
/** At most this many library activities per weak area (the library has the rest). */
export const MAX_ACTIVITIES = 3;

export interface AreaProfile {
	area: CompetenceArea;
	/** Mean level, one decimal. */
	mean: number;
	/** Since the person's previous period, one decimal, or null (no earlier answers there). */
	change: number | null;
	weak: boolean;
}

type ItemArea = Pick<CompetenceItemFacts, 'id' | 'area'>;

const round1 = (n: number) => Math.round(n * 10) / 10;

function means(items: readonly ItemArea[], answers: Readonly<Record<string, number>>) {
	const sums = new Map<CompetenceArea, { total: number; n: number }>();
	for (const item of items) {
		const level = answers[item.id];
		if (level === undefined) continue;
		const s = sums.get(item.area) ?? { total: 0, n: 0 };
		s.total += level;
		s.n += 1;
		sums.set(item.area, s);
	}
	return new Map([...sums].map(([area, s]) => [area, s.total / s.n]));
}

/**
 * The mean level per area of the person's latest answers, with the change since their previous
 * period's (over the items each period had), in the areas' order.
 */
export function ownProfile(
	items: readonly ItemArea[],
	latest: Readonly<Record<string, number>>,
	previous: Readonly<Record<string, number>> | null
): AreaProfile[] {
	const now = means(items, latest);
	const before = previous ? means(items, previous) : null;
	return COMPETENCE_AREAS.filter((a) => now.has(a)).map((area) => {
		const mean = now.get(area)!;
		const earlier = before?.get(area);
		return {
			area,
			mean: round1(mean),
			change: earlier === undefined ? null : round1(mean - earlier),
			weak: mean < WEAK_BELOW
		};
	});
}

/**
 * The digital-practice clauses of the framework plan that exercise each area: the library's
 * activities name the clauses they serve, so these order the activities an item's tags select.
 */
export const AREA_CLAUSES: Record<CompetenceArea, readonly DigitalClause[]> = {
	judgement: ['judgement', 'assess'],
	privacy: ['judgement'],
	copyright: ['judgement', 'create'],
	creative: ['create', 'explore'],
	assessing: ['assess'],
	inclusion: ['explore', 'create'],
	documentation: ['assess', 'create'],
	parents: ['assess'],
	safety: ['judgement'],
	learning: ['explore'],
	leadership: ['assess']
};

export interface ActivityFacts {
	id: string;
	kind: 'codingToy' | 'stopMotion';
	clauses: readonly DigitalClause[];
}

/**
 * The library activities that exercise a weak area: those of the kinds the area's items are
 * tagged with (`activityKinds` in bank.json), the items the person answered below WEAK_BELOW if
 * they are tagged, else all the area's items; in
 * the order of how many of the area's clauses they serve, then the library's order.
 */
export function activitiesFor<A extends ActivityFacts>(
	area: CompetenceArea,
	items: readonly Pick<CompetenceItemFacts, 'id' | 'area' | 'activityKinds'>[],
	answers: Readonly<Record<string, number>>,
	activities: readonly A[],
	max = MAX_ACTIVITIES
): A[] {
	const inArea = items.filter((i) => i.area === area && answers[i.id] !== undefined);
	const low = inArea.filter((i) => answers[i.id]! < WEAK_BELOW);
	const lowKinds = new Set(low.flatMap((i) => i.activityKinds));
	const kinds = lowKinds.size > 0 ? lowKinds : new Set(inArea.flatMap((i) => i.activityKinds));
	const clauses = AREA_CLAUSES[area];
	const score = (a: A) => a.clauses.filter((c) => clauses.includes(c)).length;
	return activities
		.map((a, order) => ({ a, order, score: score(a) }))
		.filter(({ a }) => kinds.has(a.kind))
		.sort((x, y) => y.score - x.score || x.order - y.order)
		.slice(0, max)
		.map(({ a }) => a);
}
