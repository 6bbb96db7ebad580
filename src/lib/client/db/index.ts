import { LekeplanDatabase } from './database';
import { DraftRepository } from './draft-repository';
import { OrganisationRepository } from './organisation-repository';
import { PlanRepository } from './plan-repository';

export { LekeplanDatabase } from './database';
export type { FormDraft } from './database';
export { DraftRepository } from './draft-repository';
export { OrganisationRepository } from './organisation-repository';
export { PlanRepository, PlanNotFoundError, type SaveResult } from './plan-repository';

export interface Repositories {
	db: LekeplanDatabase;
	plans: PlanRepository;
	drafts: DraftRepository;
	organisation: OrganisationRepository;
}

export function openRepositories(name = 'lekeplan'): Repositories {
	const db = new LekeplanDatabase(name);
	return {
		db,
		plans: new PlanRepository(db),
		drafts: new DraftRepository(db),
		organisation: new OrganisationRepository(db)
	};
}
