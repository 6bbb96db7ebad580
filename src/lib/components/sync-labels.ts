import { m } from '$lib/paraglide/messages';
import { problemMessage } from './labels';
import type { RecordType } from '$lib/sync/protocol';

/*
 * What the sync pages show of synced records: record types, field names, the server's reasons
 * for refusing a change, and a field's value in words. Apart from labels.ts: only the conflicts
 * and refused-changes pages use them.
 */

export const recordTypeLabel: Record<RecordType, () => string> = {
	plan: m.record_type_plan,
	activity: m.record_type_activity,
	developmentPlan: m.record_type_development_plan,
	competenceAnswers: m.record_type_competence_answers,
	digitalPlan: m.record_type_digital_plan
};

/** The names the forms give the fields of a plan and an own activity. */
const fieldText: Record<string, () => string> = {
	title: m.plan_title,
	groupId: m.plans_filter_group,
	date: m.plan_date,
	startTime: m.plan_start,
	endTime: m.plan_end,
	goals: m.plan_goals,
	description: m.plan_description,
	learningAreas: m.plan_learning_areas,
	clauses: m.plan_clauses,
	tools: m.plan_tools,
	screenMode: m.plan_screen_mode,
	screenMinutes: m.plan_screen_minutes,
	adultParticipates: m.plan_adult_yes,
	privacy: m.plan_privacy,
	status: m.plan_status,
	evaluation: m.evaluation_title,
	approval: m.approval_label,
	summary: m.library_summary,
	materials: m.library_materials,
	steps: m.library_steps,
	talkAbout: m.library_talk_about,
	staffTips: m.library_staff_tips,
	// Inside a plan's evaluation and privacy.
	whatWorked: m.evaluation_what_worked,
	participation: m.evaluation_participation,
	followUp: m.evaluation_follow_up,
	photographed: m.plan_photographed,
	storage: m.plan_storage,
	consent: m.plan_consent,
	notes: m.plan_privacy_notes,
	// A person's competence answers (ADR 32).
	period: m.refused_field_period
};

/** A field's name as the forms show it; a path (`privacy.consent`) by its last part. */
export function fieldLabel(field: string): string {
	// One item of a competence answer set (`answers.<item id>`).
	if (field.startsWith('answers.')) return m.refused_field_item({ id: field.slice(8) });
	const last = field.split('.').at(-1) ?? field;
	return (fieldText[last] ?? fieldText[field])?.() ?? field;
}

const refusalText: Record<string, () => string> = {
	out_of_scope: () => m.refusal_out_of_scope(),
	invalid_record: () => m.refusal_invalid_record(),
	server_field: () => m.refusal_server_field(),
	not_found: () => m.refusal_not_found(),
	forbidden_field: () => m.refusal_forbidden_field(),
	manager_only: () => m.refusal_manager_only(),
	period_closed: () => m.refusal_period_closed()
};

/** Why the server refused a change (a push result's reason code), as a sentence. */
export function refusalReason(reason: string): string {
	return refusalText[reason]?.() ?? m.refusal_other({ reason });
}

const fieldProblemText: Record<string, () => string> = {
	manager_only: () => m.refusal_field_manager_only(),
	unknown_field: () => m.refusal_field_unknown_field(),
	invalid_character: () => m.refusal_field_invalid_character(),
	out_of_scope: () => m.refusal_field_out_of_scope(),
	server_field: () => m.refusal_server_field(),
	// A competence answer set's (ADR 32).
	unknown_item: () => m.refusal_field_unknown_item(),
	required: () => m.refusal_field_required(),
	past: () => m.refusal_field_past(),
	future: () => m.refusal_field_future()
};

/** What the server found wrong with one field of a refused change. */
export function fieldProblem(code: string): string {
	const text = fieldProblemText[code];
	if (text) return text();
	// The domain's own codes (too_long, required, …) have their sentences beside the forms.
	const domain = problemMessage({ code });
	return domain === m.error_unknown() ? m.refusal_field_other({ code }) : domain!;
}
