import { LekeplanDatabase } from './database';
import { DraftRepository } from './draft-repository';
import { OrganisationRepository } from './organisation-repository';
import { PlanRepository } from './plan-repository';
import { GuidanceRepository } from './guidance-repository';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';

export { LekeplanDatabase } from './database';
export type { FormDraft } from './database';
export { DraftRepository } from './draft-repository';
export { OrganisationRepository } from './organisation-repository';
export { PlanRepository, PlanNotFoundError, type SaveResult } from './plan-repository';
export { GuidanceRepository } from './guidance-repository';
// ActivityRepository is not here: only the library state uses it, from its own module, so the
// repositories every page opens do not bring it (or the own-activity schemas) along.

export interface Repositories {
	db: LekeplanDatabase;
	plans: PlanRepository;
	drafts: DraftRepository;
	organisation: OrganisationRepository;
	guidance: GuidanceRepository;
}

export function openRepositories(name = 'lekeplan'): Repositories {
	const db = new LekeplanDatabase(name);
	return {
		db,
		plans: new PlanRepository(db),
		drafts: new DraftRepository(db),
		organisation: new OrganisationRepository(db),
		guidance: new GuidanceRepository(db, DEFAULT_GUIDANCE)
	};
}
