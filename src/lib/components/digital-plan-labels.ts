import { m } from '$lib/paraglide/messages';
import { problemMessage } from './labels';
import type { FieldProblem } from '$lib/domain/plan-basics';

/*
 * The kindergarten's digital plan in words (ADR 34): the form's own reason codes. Only the
 * digital plan page uses it.
 */

const ownProblems: Record<string, () => string> = {
	year_taken: () => m.digiplan_error_year_taken(),
	choose_goal: () => m.digiplan_error_choose_goal(),
	duplicate: () => m.digiplan_error_duplicate(),
	invalid_year: () => m.digiplan_error_invalid_year()
};

/** The sentence beside a field of the digital plan form. */
export function digitalPlanProblem(problem: FieldProblem | undefined): string | undefined {
	if (!problem) return undefined;
	return ownProblems[problem.code]?.() ?? problemMessage(problem);
}
