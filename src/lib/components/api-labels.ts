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
	confirmation_mismatch: () => m.api_confirmation_mismatch(),
	group_not_empty: () => m.api_group_not_empty(),
	invitation_not_found: () => m.invite_not_found(),
	invitation_used: () => m.api_invitation_used(),
	identity_not_linked: () => m.api_identity_not_linked(),
	identity_already_linked: () => m.api_identity_already_linked(),
	oidc_state_invalid: () => m.api_oidc_failed(),
	oidc_token_invalid: () => m.api_oidc_failed(),
	oidc_failed: () => m.api_oidc_failed(),
	scope_not_allowed: () => m.api_scope_not_allowed(),
	cannot_change_own_access: () => m.api_cannot_change_own_access(),
	unknown_kindergarten: () => m.api_unknown_kindergarten(),
	already_retired: () => m.api_already_retired(),
	stale: () => m.api_stale(),
	name_taken: () => m.api_name_taken(),
	already_in_register: () => m.api_already_in_register(),
	already_proposed: () => m.api_already_proposed(),
	already_decided: () => m.api_already_decided(),
	register_full: () => m.api_register_full(),
	form_too_long: () => m.api_form_too_long(),
	past: () => m.api_retire_past(),
	too_far: () => m.api_retire_too_far(),
	retired_item: () => m.api_retired_item(),
	already_requested: () => m.api_already_requested(),
	no_request: () => m.api_no_request(),
	not_pending: () => m.api_not_pending(),
	own_request: () => m.api_own_request(),
	unknown_table: () => m.api_unknown_table()
};

/**
 * Why a sync failed, as a sentence: the reasons of the sync endpoints, of the way to them (a
 * proxy's 413 or 503) and of the engine itself. An unknown one is named by its code, which is
 * what someone helping the kindergarten needs.
 */
const syncText: Record<string, () => string> = {
	offline: () => m.api_offline(),
	not_signed_in: () => m.api_not_signed_in(),
	forbidden: () => m.admin_no_access(),
	server_error: () => m.api_server_error(),
	internal_error: () => m.api_server_error(),
	unexpected_answer: () => m.api_unexpected_answer(),
	mutation_gap: () => m.api_push_not_taken(),
	push_not_taken: () => m.api_push_not_taken(),
	pull_did_not_end: () => m.api_pull_did_not_end(),
	batch_too_large: () => m.api_too_large(),
	body_too_large: () => m.api_too_large(),
	client_of_another_user: () => m.api_client_of_another_user(),
	protocol_unsupported: () => m.sync_update_required(),
	quota_exceeded: () => m.api_quota_exceeded(),
	storage_failed: () => m.api_storage_failed()
};

/** The sentence for why a sync failed (the badge says it after "Sync failed:"). */
export function syncProblem(reason: string): string {
	return syncText[reason]?.() ?? m.api_error_code({ reason });
}

/** The sentence for a reason code from the server's API (or a field's code). */
export function apiProblem(reason: string, seconds = 0): string {
	const text = apiText[reason];
	if (text) return text(seconds);
	// Every failure of the OpenID Connect round trip (state, nonce, audience, signature, …).
	if (reason.startsWith('oidc_')) return m.api_oidc_failed();
	return problemMessage({ code: reason }) ?? m.error_unknown();
}
