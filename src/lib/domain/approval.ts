import type { ActivityPlan } from './plan';
import { startOfWeek } from './calendar';

/**
 * Where a plan stands with the manager (styrer), from its approval and the server's mark
 * (ADR 23): waiting for a first decision; changed since a decision (approved, or sent back and
 * then changed by staff: both need a look again); sent back for changes; approved.
 */
export type ApprovalState = 'waiting' | 'changed' | 'sentBack' | 'approved';

export const APPROVAL_STATES: readonly ApprovalState[] = [
	'waiting',
	'changed',
	'sentBack',
	'approved'
];

type Judged = Pick<ActivityPlan, 'approval' | 'changedSinceApproval'>;

export function approvalState(plan: Judged): ApprovalState {
	const approval = plan.approval ?? null;
	if (!approval) return 'waiting';
	if (plan.changedSinceApproval) return 'changed';
	return approval.decision === 'approved' ? 'approved' : 'sentBack';
}

/** Whether the manager has a decision to make on the plan. */
export function needsDecision(plan: Judged): boolean {
	const state = approvalState(plan);
	return state === 'waiting' || state === 'changed';
}

export interface QueueFilter {
	groupId?: string | null;
	/** The Monday of the week (`YYYY-MM-DD`). */
	week?: string | null;
}

/**
 * The manager's queue: plans that need a decision, then those sent back, each filtered by group
 * and week, earliest first.
 */
export function approvalQueue(
	plans: readonly ActivityPlan[],
	filter: QueueFilter = {}
): { decide: ActivityPlan[]; sentBack: ActivityPlan[] } {
	const shown = plans
		.filter((p) => p.deletedAt === null)
		.filter((p) => !filter.groupId || p.groupId === filter.groupId)
		.filter((p) => !filter.week || startOfWeek(p.date) === filter.week)
		.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
	return {
		decide: shown.filter(needsDecision),
		sentBack: shown.filter((p) => approvalState(p) === 'sentBack')
	};
}
