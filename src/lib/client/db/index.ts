import { LekeplanDatabase } from './database';
import { DraftRepository } from './draft-repository';
import { OrganisationRepository } from './organisation-repository';
import { PlanRepository } from './plan-repository';
import { ActivityRepository } from './activity-repository';
import { GuidanceRepository } from './guidance-repository';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';

export { LekeplanDatabase } from './database';
export type { FormDraft } from './database';
export { DraftRepository } from './draft-repository';
export { OrganisationRepository } from './organisation-repository';
export { PlanRepository, PlanNotFoundError, type SaveResult } from './plan-repository';
export { ActivityRepository, type ActivitySaveResult } from './activity-repository';
export { GuidanceRepository } from './guidance-repository';

export interface Repositories {
	db: LekeplanDatabase;
	plans: PlanRepository;
	drafts: DraftRepository;
	organisation: OrganisationRepository;
	activities: ActivityRepository;
	guidance: GuidanceRepository;
}

export function openRepositories(name = 'lekeplan'): Repositories {
	const db = new LekeplanDatabase(name);
	return {
		db,
		plans: new PlanRepository(db),
		drafts: new DraftRepository(db),
		organisation: new OrganisationRepository(db),
		activities: new ActivityRepository(db),
		guidance: new GuidanceRepository(db, DEFAULT_GUIDANCE)
	};
}
