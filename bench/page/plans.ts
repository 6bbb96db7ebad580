import { addDays, localToday, startOfWeek } from '$lib/domain/calendar';
import { makeDemoData, type DemoData } from '$lib/domain/demo-data';
import { uuidv7 } from '$lib/domain/ids';
import type { ActivityPlan } from '$lib/domain/plan';

/**
 * The benchmark's plans, made from the app's demo data: the one module of the page's half that
 * imports the demo data (and so whatever content it is built from).
 */

export type { ActivityPlan, DemoData };
export { makeDemoData };

const WEEKS_EACH_WAY = 52;

/**
 * `n` plans for the demo groups, cloned from the demo plans of the same group (so the youngest
 * group keeps its screen-free activities), spread evenly over the weekdays of the 52 weeks
 * before and after this week. Everything but the ids is deterministic for a given day.
 */
export function generatePlans(demo: DemoData, n: number, today: string): ActivityPlan[] {
	const first = addDays(startOfWeek(today), -7 * WEEKS_EACH_WAY);
	const weekdays = 2 * WEEKS_EACH_WAY * 5;
	const templatesOf = demo.groups.map((g) => demo.plans.filter((p) => p.groupId === g.id));
	const plans: ActivityPlan[] = [];
	for (let i = 0; i < n; i++) {
		const g = i % demo.groups.length;
		const templates = templatesOf[g]!;
		const template = templates[Math.floor(i / demo.groups.length) % templates.length]!;
		const day = Math.floor((i * weekdays) / n);
		const date = addDays(first, Math.floor(day / 5) * 7 + (day % 5));
		const stamp = `${date}T06:00:00.000Z`;
		const copy = structuredClone(template);
		plans.push({
			...copy,
			id: uuidv7(Date.parse(stamp)),
			groupId: demo.groups[g]!.id,
			date,
			createdAt: stamp,
			updatedAt: stamp,
			deletedAt: null
		});
	}
	return plans;
}

let prepared: { demo: DemoData; plans: ActivityPlan[] } | null = null;

/** Makes the demo organisation and `n` plans for it, kept in the page. */
export function prepare(n: number) {
	const today = localToday();
	const demo = makeDemoData(today);
	prepared = { demo, plans: generatePlans(demo, n, today) };
	const monday = startOfWeek(today);
	const sunday = addDays(monday, 6);
	const firstGroup = demo.groups[0]?.id;
	return {
		today,
		plans: prepared.plans.length,
		groups: demo.groups.length,
		firstDate: prepared.plans[0]?.date,
		lastDate: prepared.plans.at(-1)?.date,
		thisWeekFirstGroup: prepared.plans.filter(
			(p) => p.groupId === firstGroup && p.date >= monday && p.date <= sunday
		).length
	};
}

/** What `prepare` made. */
export function requirePrepared(): { demo: DemoData; plans: ActivityPlan[] } {
	if (!prepared) throw new Error('call bench.prepare(n) first');
	return prepared;
}
