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
 * shall do), in its own words after a short label of ours. The bokmål text is Udir's; the
 * nynorsk text is our transcription, not yet checked against Udir's nynorsk edition; the
 * English is our translation, and the legend says so (`plan_clauses`).
 */
const clauseParts: Record<DigitalClause, [label: () => string, text: () => string]> = {
	judgement: [m.clause_judgement, m.clause_judgement_text],
	explore: [m.clause_explore, m.clause_explore_text],
	assess: [m.clause_assess, m.clause_assess_text],
	create: [m.clause_create, m.clause_create_text]
};

const clauseWithText =
	(clause: DigitalClause): (() => string) =>
	() => {
		const [label, text] = clauseParts[clause];
		return m.clause_with_text({ label: label(), text: text() });
	};

export const clauseLabel: Record<DigitalClause, () => string> = {
	judgement: clauseWithText('judgement'),
	explore: clauseWithText('explore'),
	assess: clauseWithText('assess'),
	create: clauseWithText('create')
};
