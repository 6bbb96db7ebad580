/**
 * Which competence figures may be shown (issue 14, ADR 25). A figure is what a group of people
 * answered in one period: a kindergarten's, or the owner's over all its kindergartens. Shown
 * figures never describe fewer than MIN_GROUP people, and no suppressed figure, nor any one or
 * two people's answers, can be worked out from the shown ones by adding and subtracting them,
 * not even across periods on the worst assumption that nobody changed their answers.
 *
 * Every question is answered by everyone who submits (the form requires it), so all figures of
 * one group (per area, per item, per level) cover the same people, and one decision per group
 * covers them all. Pure: the server computes member lists with SQL and calls this.
 */

/** The fewest people a shown figure may describe. */
export const MIN_GROUP = 5;

export type SuppressionReason =
	/** Fewer than MIN_GROUP people answered. */
	| 'too_few'
	/** Shown, it would let a suppressed figure be worked out from a total. */
	| 'complement'
	/** Between it and a later period of the same unit, fewer than MIN_GROUP people came or went. */
	| 'few_changed'
	/** Another figure over exactly the same people is suppressed. */
	| 'same_people';

export interface FigureGroup {
	/** Unique among the groups passed in. */
	readonly key: string;
	/** The kindergarten's id, or the owner's (a parent). */
	readonly unit: string;
	/** Periods sort as strings, oldest first (e.g. "2026-autumn" < "2027-spring"). */
	readonly period: string;
	/** The unit whose total includes this one in the same period (a kindergarten's owner). */
	readonly parent: string | null;
	/** Who answered (person ids). */
	readonly members: readonly string[];
}

export interface SuppressionDecision {
	readonly key: string;
	readonly shown: boolean;
	readonly reason: SuppressionReason | null;
}

function differsByFew(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
	// Walk the smaller set only: what the other has beyond it is its size minus those shared
	// (a kindergarten of 20 against an owner's 10,000 is 20 look-ups, not 10,020).
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const m of small) if (large.has(m)) shared++;
	const onlyA = a.size - shared;
	const onlyB = b.size - shared;
	const few = (n: number) => n > 0 && n < MIN_GROUP;
	return few(onlyA) || few(onlyB);
}

/**
 * Decides, for every group, whether its figures are shown. Rules, applied until none changes
 * anything:
 * 1. fewer than MIN_GROUP members: suppressed (`too_few`);
 * 2. under a shown total (same parent and period), the suppressed children are none, or at
 *    least two covering MIN_GROUP people together; otherwise the smallest shown child is
 *    suppressed too, or the total when no child is left (`complement`);
 * 3. two shown figures, or hidden children worked out from a shown total, whose people differ
 *    by 1 to MIN_GROUP−1 on either side (a person joined, left or moved): the older is
 *    suppressed (`few_changed`), so the newest figures stay;
 * 4. a group over exactly the people of a suppressed one is suppressed (`same_people`).
 */
export function decideSuppression(groups: readonly FigureGroup[]): SuppressionDecision[] {
	const keys = new Set<string>();
	for (const g of groups) {
		if (keys.has(g.key)) throw new Error(`duplicate figure group ${g.key}`);
		keys.add(g.key);
	}
	const members = new Map(groups.map((g) => [g.key, new Set(g.members)]));
	const reason = new Map<string, SuppressionReason>();
	const suppress = (key: string, why: SuppressionReason) => {
		if (reason.has(key)) return false;
		reason.set(key, why);
		return true;
	};
	const size = (g: FigureGroup) => members.get(g.key)!.size;

	for (const g of groups) if (size(g) < MIN_GROUP) suppress(g.key, 'too_few');

	// Totals and their children, by period.
	const byUnitPeriod = new Map<string, FigureGroup>();
	for (const g of groups) byUnitPeriod.set(`${g.unit}\u0000${g.period}`, g);
	const children = new Map<string, FigureGroup[]>();
	for (const g of groups) {
		if (g.parent === null) continue;
		const totalKey = `${g.parent}\u0000${g.period}`;
		if (!byUnitPeriod.has(totalKey)) continue;
		const list = children.get(totalKey) ?? [];
		list.push(g);
		children.set(totalKey, list);
	}
	// Groups over the same people.
	const bySet = new Map<string, string[]>();
	for (const g of groups) {
		const id = [...members.get(g.key)!].sort().join('\u0000');
		const list = bySet.get(id) ?? [];
		list.push(g.key);
		bySet.set(id, list);
	}

	/**
	 * Rule 3 over everything a reader can work out: the shown groups, and under each shown total
	 * the hidden children together (the total minus the shown ones). Two of these that share
	 * people but differ by a few on either side would give those few away: the older is
	 * suppressed (in one period, the total); for a derived one, its total.
	 */
	const suppressFewChanged = (): boolean => {
		type Figure = { owner: FigureGroup; people: ReadonlySet<string> };
		const figures: Figure[] = [];
		for (const g of groups)
			if (!reason.has(g.key)) figures.push({ owner: g, people: members.get(g.key)! });
		for (const [totalKey, kids] of children) {
			const total = byUnitPeriod.get(totalKey)!;
			if (reason.has(total.key)) continue;
			const hidden = kids.filter((k) => reason.has(k.key) && size(k) > 0);
			if (hidden.length === 0) continue;
			figures.push({
				owner: total,
				people: new Set(hidden.flatMap((k) => [...members.get(k.key)!]))
			});
		}
		const byPerson = new Map<string, number[]>();
		figures.forEach((f, i) => {
			for (const p of f.people) {
				const list = byPerson.get(p) ?? [];
				list.push(i);
				byPerson.set(p, list);
			}
		});
		const seen = new Set<string>();
		let any = false;
		for (const list of byPerson.values()) {
			for (let x = 0; x < list.length; x++) {
				for (let y = x + 1; y < list.length; y++) {
					const pair = `${list[x]}:${list[y]}`;
					if (seen.has(pair)) continue;
					seen.add(pair);
					const a = figures[list[x]!]!;
					const b = figures[list[y]!]!;
					if (reason.has(a.owner.key) || reason.has(b.owner.key)) continue;
					if (!differsByFew(a.people, b.people)) continue;
					const older =
						a.owner.period !== b.owner.period
							? a.owner.period < b.owner.period
								? a.owner
								: b.owner
							: size(a.owner) >= size(b.owner)
								? a.owner
								: b.owner;
					any = suppress(older.key, 'few_changed') || any;
				}
			}
		}
		return any;
	};

	for (let changed = true; changed;) {
		changed = false;
		for (const [totalKey, kids] of children) {
			const total = byUnitPeriod.get(totalKey)!;
			if (reason.has(total.key)) continue;
			for (;;) {
				// An empty group has no figures: it hides nobody.
				const hidden = kids.filter((k) => reason.has(k.key) && size(k) > 0);
				const hiddenPeople = hidden.reduce((n, k) => n + size(k), 0);
				if (hidden.length === 0 || (hidden.length >= 2 && hiddenPeople >= MIN_GROUP)) break;
				const shown = kids.filter((k) => !reason.has(k.key));
				if (shown.length === 0) {
					changed = suppress(total.key, 'complement') || changed;
					break;
				}
				const smallest = shown.reduce((a, b) =>
					size(a) < size(b) || (size(a) === size(b) && a.key < b.key) ? a : b
				);
				changed = suppress(smallest.key, 'complement') || changed;
			}
		}
		changed = suppressFewChanged() || changed;
		for (const same of bySet.values()) {
			if (same.length < 2 || !same.some((k) => reason.has(k))) continue;
			for (const k of same) changed = suppress(k, 'same_people') || changed;
		}
	}

	return groups.map((g) => {
		const why = reason.get(g.key) ?? null;
		return { key: g.key, shown: why === null, reason: why };
	});
}

/** The six levels, 1 (aware) to 6 (initiates). */
export const LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type Level = (typeof LEVELS)[number];

/**
 * How one item's answers in a shown group are presented: the count at each level, or, when
 * everyone gave the same answer, only a range of two levels that holds it (so the figure does
 * not say "everyone answered X"; the pairs are fixed, 1–2, 3–4, 5–6, so the range tells nothing
 * more than that).
 */
export type LevelSummary =
	| { kind: 'distribution'; counts: readonly number[]; total: number }
	| { kind: 'range'; from: Level; to: Level; total: number };

export function summariseLevels(counts: readonly number[]): LevelSummary {
	if (counts.length !== LEVELS.length) throw new Error('six counts expected');
	const total = counts.reduce((a, b) => a + b, 0);
	const used = counts.filter((c) => c > 0).length;
	if (used === 1) {
		const level = (counts.findIndex((c) => c > 0) + 1) as Level;
		const from = (level % 2 === 1 ? level : level - 1) as Level;
		return { kind: 'range', from, to: (from + 1) as Level, total };
	}
	return { kind: 'distribution', counts: [...counts], total };
}

/** An item is a gap when more than half answered at the two lowest levels. */
export function isGap(counts: readonly number[]): boolean {
	const total = counts.reduce((a, b) => a + b, 0);
	return total > 0 && (counts[0] ?? 0) + (counts[1] ?? 0) > total / 2;
}
