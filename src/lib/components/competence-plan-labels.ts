import { m } from '$lib/paraglide/messages';
import type { OwnerPlanKind, OwnerPlanStatus } from '$lib/domain/competence/owner-plan';

/** The owner's competence plan in words: the admin page and the manager's page say the same. */
export const planKindLabel: Record<OwnerPlanKind, () => string> = {
	focusArea: m.competence_plan_kind_focusArea,
	furtherEducation: m.competence_plan_kind_furtherEducation,
	course: m.competence_plan_kind_course,
	partnership: m.competence_plan_kind_partnership
};

export const planKindHeading: Record<OwnerPlanKind, () => string> = {
	focusArea: m.competence_plan_heading_focusArea,
	furtherEducation: m.competence_plan_heading_furtherEducation,
	course: m.competence_plan_heading_course,
	partnership: m.competence_plan_heading_partnership
};

export const planStatusLabel: Record<OwnerPlanStatus, () => string> = {
	planned: m.competence_plan_status_planned,
	ongoing: m.competence_plan_status_ongoing,
	done: m.competence_plan_status_done,
	cancelled: m.competence_plan_status_cancelled
};
