import { m } from '$lib/paraglide/messages';
import { problemMessage } from './labels';
import type { FieldProblem } from '$lib/domain/plan-basics';
import type {
	ActionStatus,
	DevelopmentPlanStatus,
	ResponsibleRole
} from '$lib/domain/competence/development-plan';

/*
 * The competence development plan in words (ADR 28): its statuses, the roles an action can be
 * the responsibility of, and the form's own reason codes. Only the development plan page uses it.
 */

export const developmentPlanStatusLabel: Record<DevelopmentPlanStatus, () => string> = {
	draft: m.devplan_status_draft,
	active: m.devplan_status_active,
	completed: m.devplan_status_completed
};

export const actionStatusLabel: Record<ActionStatus, () => string> = {
	planned: m.devplan_action_status_planned,
	underway: m.devplan_action_status_underway,
	done: m.devplan_action_status_done,
	cancelled: m.devplan_action_status_cancelled
};

export const responsibleRoleLabel: Record<ResponsibleRole, () => string> = {
	manager: m.devplan_responsible_manager,
	pedagogicalLeaders: m.devplan_responsible_pedagogical_leaders,
	allStaff: m.devplan_responsible_all_staff,
	owner: m.devplan_responsible_owner
};

const ownProblems: Record<string, () => string> = {
	choose_focus_area: () => m.devplan_error_choose_focus_area(),
	duplicate: () => m.devplan_error_duplicate(),
	not_a_focus_area: () => m.devplan_error_not_a_focus_area(),
	responsible_required: () => m.devplan_error_responsible_required(),
	role_or_name: () => m.devplan_error_role_or_name(),
	invalid_period: () => m.devplan_error_invalid_period()
};

/** The sentence beside a field of the development plan form. */
export function developmentPlanProblem(problem: FieldProblem | undefined): string | undefined {
	if (!problem) return undefined;
	return ownProblems[problem.code]?.() ?? problemMessage(problem);
}
