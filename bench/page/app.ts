import { LekeplanDatabase, OrganisationRepository, PlanRepository } from '$lib/client/db';
import { filterPlans } from '$lib/domain/plan-filter';
import { median } from '../stats';
import { requirePrepared } from './plans';

/** The page's half of the week view and the /plans filter: the app's own database. */

/** Puts the demo organisation into the app's own database, with the prepared plans or none. */
export async function seedApp(withPlans: boolean): Promise<number> {
	const { demo, plans } = requirePrepared();
	const db = new LekeplanDatabase('lekeplan');
	await new OrganisationRepository(db).loadDemo({ ...demo, plans: [] });
	if (withPlans) {
		const result = await new PlanRepository(db).importMany(plans);
		if (!result.ok) throw new Error(`importMany rejected plan ${result.index}`);
	}
	const stored = await db.plans.count();
	db.close();
	return stored;
}

/** How many prepared plans each word finds (what /plans should show). */
export function counts(words: string[]): number[] {
	const { plans } = requirePrepared();
	return words.map((text) => filterPlans(plans, { text }).length);
}

/** The pure domain filter over the prepared plans: median ms per word over `repeats` runs. */
export function filterBaseline(words: string[], repeats: number): number[] {
	const { plans } = requirePrepared();
	return words.map((text) => {
		const times = [];
		for (let r = 0; r < repeats; r++) {
			const start = performance.now();
			filterPlans(plans, { text });
			times.push(performance.now() - start);
		}
		return median(times);
	});
}
