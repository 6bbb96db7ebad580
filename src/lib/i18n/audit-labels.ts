import { m } from '$lib/paraglide/messages';

/**
 * The audit log in words (issue 13): events, reasons, records and changed fields, in the
 * locale asked for or the page's. Used by the log page and by the server's CSV download, so
 * both say the same. A code without a label (one added later) is shown as it is.
 */

export type AuditLocale = 'nb' | 'nn' | 'en';
type Message = (inputs?: Record<string, never>, options?: { locale?: AuditLocale }) => string;

const ACTIONS: Record<string, Message> = {
	sign_in: m.audit_action_sign_in,
	sign_in_failed: m.audit_action_sign_in_failed,
	sign_out: m.audit_action_sign_out,
	access_refused: m.audit_action_access_refused,
	role_changed: m.audit_action_role_changed,
	user_disabled: m.audit_action_user_disabled,
	user_enabled: m.audit_action_user_enabled,
	invitation_created: m.audit_action_invitation_created,
	invitation_revoked: m.audit_action_invitation_revoked,
	invitation_accepted: m.audit_action_invitation_accepted,
	identity_linked: m.audit_action_identity_linked,
	kindergarten_created: m.audit_action_kindergarten_created,
	kindergarten_renamed: m.audit_action_kindergarten_renamed,
	kindergarten_deleted: m.audit_action_kindergarten_deleted,
	group_created: m.audit_action_group_created,
	group_changed: m.audit_action_group_changed,
	group_deleted: m.audit_action_group_deleted,
	approval_decided: m.audit_action_approval_decided,
	export: m.audit_action_export,
	deletion: m.audit_action_deletion,
	sync_overwrite: m.audit_action_sync_overwrite,
	sync_conflict_resolved: m.audit_action_sync_conflict_resolved,
	guidance_changed: m.audit_action_guidance_changed,
	competence_plan_changed: m.audit_action_competence_plan_changed,
	summary_published: m.audit_action_summary_published,
	summary_withdrawn: m.audit_action_summary_withdrawn,
	summary_publisher_changed: m.audit_action_summary_publisher_changed,
	parent_code_created: m.audit_action_parent_code_created,
	parent_code_revoked: m.audit_action_parent_code_revoked,
	parent_removed: m.audit_action_parent_removed,
	parent_question_answered: m.audit_action_parent_question_answered,
	competence_item_added: m.audit_action_competence_item_added,
	competence_item_retired: m.audit_action_competence_item_retired,
	privacy_notice_changed: m.audit_action_privacy_notice_changed,
	deletion_requested: m.audit_action_deletion_requested,
	register_seeded: m.audit_action_register_seeded,
	register_entry_added: m.audit_action_register_entry_added,
	register_entry_changed: m.audit_action_register_entry_changed,
	register_tool_proposed: m.audit_action_register_tool_proposed,
	register_proposal_decided: m.audit_action_register_proposal_decided,
	equipment_changed: m.audit_action_equipment_changed
};

/** Every event the log can hold, in the order a filter lists them. */
export const AUDIT_ACTION_CODES = Object.keys(ACTIONS);

const REASONS: Record<string, Message> = {
	password: m.audit_reason_password,
	oidc: m.audit_reason_oidc,
	invitation: m.audit_reason_invitation,
	wrong_password: m.audit_reason_wrong_password,
	unknown_user: m.audit_reason_unknown_user,
	disabled: m.audit_reason_disabled,
	identity_not_linked: m.audit_reason_identity_not_linked,
	out_of_scope: m.audit_reason_out_of_scope,
	no_kindergarten: m.audit_reason_no_kindergarten,
	client_of_another_user: m.audit_reason_client_of_another_user,
	mine: m.audit_reason_mine,
	theirs: m.audit_reason_theirs,
	merged: m.audit_reason_merged,
	restore: m.audit_reason_restore,
	approved: m.audit_reason_approved,
	changesRequested: m.audit_reason_changesRequested,
	withdrawn: m.audit_reason_withdrawn,
	email_unavailable: m.audit_reason_email_unavailable,
	manager_only: m.audit_reason_manager_only,
	replaced: m.audit_reason_replaced,
	granted: m.audit_reason_granted,
	revoked: m.audit_reason_revoked,
	corrected: m.audit_reason_corrected,
	not_a_publisher: m.audit_reason_not_a_publisher,
	own_data: m.audit_reason_own_data,
	asked: m.audit_reason_asked,
	request: m.audit_reason_request,
	owner_json: m.audit_reason_owner_json,
	owner_csv: m.audit_reason_owner_csv,
	assessed: m.audit_reason_assessed,
	proposal: m.audit_reason_proposal,
	accepted: m.audit_reason_accepted,
	declined: m.audit_reason_declined,
	with_data: m.audit_reason_with_data
};

const TARGETS: Record<string, Message> = {
	kindergarten: m.audit_target_kindergarten,
	group: m.audit_target_group,
	user: m.audit_target_user,
	invitation: m.audit_target_invitation,
	plan: m.audit_target_plan,
	activity: m.audit_target_activity,
	developmentPlan: m.audit_target_development_plan,
	digitalPlan: m.audit_target_digital_plan,
	guidance: m.audit_target_guidance,
	sync_client: m.audit_target_sync_client,
	sync_conflict: m.audit_target_sync_conflict,
	competence_plan_entry: m.audit_target_competence_plan_entry,
	parent_summary: m.audit_target_parent_summary,
	parent_code: m.audit_target_parent_code,
	parent_question: m.audit_target_parent_question,
	competence_item: m.audit_target_competence_item,
	privacy_notice: m.audit_target_privacy_notice,
	deletion_request: m.audit_target_deletion_request,
	owner: m.audit_target_owner,
	table: m.audit_target_table,
	register_entry: m.audit_target_register_entry,
	register: m.audit_target_register,
	tool_proposal: m.audit_target_tool_proposal
};

const FIELDS: Record<string, Message> = {
	name: m.audit_field_name,
	ageMin: m.audit_field_ageMin,
	ageMax: m.audit_field_ageMax,
	role: m.audit_field_role,
	kindergartenId: m.audit_field_kindergartenId,
	groupId: m.audit_field_groupId,
	displayName: m.audit_field_displayName,
	decision: m.audit_field_decision,
	works: m.audit_field_works,
	needsRepair: m.audit_field_needsRepair,
	missing: m.audit_field_missing,
	// What went with a kindergarten deleted with its data: counts before and after.
	groups: m.deletion_preview_groups,
	livePlans: m.deletion_preview_live_plans,
	deletedPlans: m.deletion_preview_deleted_plans,
	ownActivities: m.deletion_preview_own_activities,
	otherRecords: m.deletion_preview_other_records,
	conflicts: m.deletion_preview_conflicts,
	staff: m.deletion_preview_staff,
	managers: m.deletion_preview_managers,
	parents: m.deletion_preview_parents,
	competenceAnswerSets: m.deletion_preview_answer_sets,
	summaries: m.deletion_preview_summaries,
	parentCodes: m.deletion_preview_parent_codes,
	questions: m.deletion_preview_questions,
	equipment: m.deletion_preview_equipment,
	proposals: m.deletion_preview_proposals,
	invitations: m.deletion_preview_invitations,
	competencePlanEntries: m.deletion_preview_plan_entries
};

const ROLES: Record<string, Message> = {
	staff: m.user_role_staff,
	manager: m.user_role_manager,
	ownerAdmin: m.user_role_ownerAdmin,
	parent: m.user_role_parent
};

/** A register entry's decision, before and after (`register_entry_changed`). */
const DECISIONS: Record<string, Message> = {
	notAssessed: m.register_decision_notAssessed,
	approved: m.register_decision_approved,
	approvedWithConditions: m.register_decision_approvedWithConditions,
	deselected: m.register_decision_deselected
};

const opts = (locale?: AuditLocale) => (locale ? { locale } : {});

export function auditActionLabel(action: string, locale?: AuditLocale): string {
	return ACTIONS[action]?.({}, opts(locale)) ?? action;
}

export function auditTargetLabel(type: string | null, locale?: AuditLocale): string {
	if (!type) return '';
	return TARGETS[type]?.({}, opts(locale)) ?? type;
}

/** A reason in words; a role for a new invitation, a version for new guidance. */
export function auditReasonLabel(
	action: string,
	reason: string | null,
	locale?: AuditLocale
): string {
	if (!reason) return '';
	if (action === 'role_changed') return ''; // its changes say it all
	if (action === 'invitation_created' && ROLES[reason]) return ROLES[reason]({}, opts(locale));
	const version = /^version_(\d+)$/.exec(reason);
	if (version) return m.audit_reason_version({ version: version[1]! }, opts(locale));
	const count = /^count_(\d+)$/.exec(reason);
	if (count) return m.audit_reason_count({ count: Number(count[1]) }, opts(locale));
	if (reason.startsWith('missing_')) return m.audit_reason_missing_permission({}, opts(locale));
	return REASONS[reason]?.({}, opts(locale)) ?? reason;
}

function valueLabel(field: string, value: unknown, locale?: AuditLocale): string {
	if (value === null || value === undefined) return m.audit_none({}, opts(locale));
	if (field === 'role' && typeof value === 'string' && ROLES[value]) {
		return ROLES[value]({}, opts(locale));
	}
	if (field === 'decision' && typeof value === 'string' && DECISIONS[value]) {
		return DECISIONS[value]({}, opts(locale));
	}
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}
	return JSON.stringify(value);
}

/** What changed, one line per field: «Navn: Solsikken → Solsikken barnehage». */
export function auditChangeLines(
	changes: Record<string, [unknown, unknown]> | null,
	locale?: AuditLocale
): string[] {
	return Object.entries(changes ?? {}).map(([field, [before, after]]) =>
		m.audit_change(
			{
				field: FIELDS[field]?.({}, opts(locale)) ?? field,
				before: valueLabel(field, before, locale),
				after: valueLabel(field, after, locale)
			},
			opts(locale)
		)
	);
}
