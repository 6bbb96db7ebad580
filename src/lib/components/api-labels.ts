import { m } from '$lib/paraglide/messages';
import { problemMessage } from './labels';

/*
 * The server API's reason codes as sentences. Apart from labels.ts: only the server's pages
 * (sign-in, account, admin, invitations), conflicts and the sync badge show them, and a tablet
 * that is not signed in shows none of those.
 */
const apiText: Record<string, (seconds: number) => string> = {
	invalid_credentials: () => m.api_invalid_credentials(),
	too_many_attempts: () => m.api_too_many_attempts(),
	offline: () => m.api_offline(),
	version_conflict: () => m.api_version_conflict(),
	not_signed_in: () => m.api_not_signed_in(),
	forbidden: () => m.admin_no_access(),
	not_found: () => m.error_not_found(),
	email_taken: () => m.api_email_taken(),
	invalid_email: () => m.api_invalid_email(),
	password_too_short: () => m.api_password_too_short(),
	password_too_long: () => m.api_password_too_long(),
	kindergarten_not_empty: () => m.api_kindergarten_not_empty(),
	group_not_empty: () => m.api_group_not_empty(),
	invitation_not_found: () => m.invite_not_found(),
	invitation_used: () => m.api_invitation_used(),
	identity_not_linked: () => m.api_identity_not_linked(),
	identity_already_linked: () => m.api_identity_already_linked(),
	oidc_state_invalid: () => m.api_oidc_failed(),
	oidc_token_invalid: () => m.api_oidc_failed(),
	oidc_failed: () => m.api_oidc_failed(),
	scope_not_allowed: () => m.api_scope_not_allowed(),
	cannot_change_own_access: () => m.api_cannot_change_own_access()
};

/** The sentence for a reason code from the server's API (or a field's code). */
export function apiProblem(reason: string, seconds = 0): string {
	const text = apiText[reason];
	if (text) return text(seconds);
	// Every failure of the OpenID Connect round trip (state, nonce, audience, signature, …).
	if (reason.startsWith('oidc_')) return m.api_oidc_failed();
	return problemMessage({ code: reason }) ?? m.error_unknown();
}

/** The free-text fields a conflict can be about (FREE_TEXT_FIELDS), by the label of their form. */
const conflictFieldText: Record<string, () => string> = {
	title: () => m.plan_title(),
	goals: () => m.plan_goals(),
	description: () => m.plan_description(),
	evaluation: () => m.evaluation_title(),
	privacy: () => m.plan_privacy(),
	summary: () => m.library_summary(),
	materials: () => m.library_materials(),
	steps: () => m.library_steps(),
	talkAbout: () => m.library_talk_about(),
	staffTips: () => m.library_staff_tips()
};

/** The name a person knows a field of a conflict by (the field's id if it is not known). */
export function conflictFieldLabel(field: string | null): string {
	return field ? (conflictFieldText[field]?.() ?? field) : '';
}
