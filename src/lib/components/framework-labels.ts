import { m } from '$lib/paraglide/messages';
import type { DigitalClause, LearningArea } from '$lib/domain/vocabulary';

/**
 * Translated names of the framework plan's learning areas and digital-practice clauses. Apart
 * from labels.ts: only the editors, the plan and activity pages and the filters show them, not
 * the first page.
 */
export const learningAreaLabel: Record<LearningArea, () => string> = {
	communication: m.area_communication,
	body: m.area_body,
	art: m.area_art,
	nature: m.area_nature,
	quantities: m.area_quantities,
	ethics: m.area_ethics,
	community: m.area_community
};

export const clauseLabel: Record<DigitalClause, () => string> = {
	judgement: m.clause_judgement,
	explore: m.clause_explore,
	assess: m.clause_assess,
	create: m.clause_create
};
