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

/**
 * The rammeplan's four digital-practice clauses ("Barnehagens digitale praksis": what the staff
 * shall do). `clauseLabel` is a short label of ours; `clauseText` is the rammeplan's own words,
 * shown with it. The bokmål text is Udir's; the nynorsk text is our transcription, not yet
 * checked against Udir's nynorsk edition; the English is our translation, and the field's
 * legend says so (`plan_clauses`).
 */
export const clauseLabel: Record<DigitalClause, () => string> = {
	judgement: m.clause_judgement,
	explore: m.clause_explore,
	assess: m.clause_assess,
	create: m.clause_create
};

export const clauseText: Record<DigitalClause, () => string> = {
	judgement: m.clause_judgement_text,
	explore: m.clause_explore_text,
	assess: m.clause_assess_text,
	create: m.clause_create_text
};

/** A clause as lists show it: the short label, then the rammeplan's words. */
export const clauseWithText = (clause: DigitalClause): string =>
	m.clause_with_text({ label: clauseLabel[clause](), text: clauseText[clause]() });
