import { m } from '$lib/paraglide/messages';
import type { ApprovalState } from '$lib/domain/approval';

/**
 * Where a plan stands with the manager, in words staff and the manager both read (issue 15).
 * Not in labels.ts: the first visit (no account) shows no approval (ADR 12).
 */
export const approvalStateLabel: Record<ApprovalState, () => string> = {
	waiting: m.approval_state_waiting,
	changed: m.approval_state_changed,
	sentBack: m.approval_state_sent_back,
	approved: m.approval_state_approved
};
