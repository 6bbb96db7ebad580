import type { Transaction } from 'kysely';
import type { Actor } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Database } from '../db';
import type { SyncScope } from '../access';
import { audit } from '../audit';
import type { PlanApproval } from '$lib/domain/plan';
import { sameValue } from '$lib/sync';

/**
 * A plan's approval (the manager's, the styrer's, decision) as the server keeps it (issue 13,
 * ADR 23). A tablet sends a plan's fields; the server judges `approval` by what it would
 * change, never by its presence: a staff member's new plan or copy with `approval: null`, or an
 * edit that leaves the approval as it is, is no decision and is taken. Only a manager may make
 * a decision, and the server writes who made it and when, from the session and its own clock.
 * When the content of a decided plan changes afterwards (approved, or sent back for changes:
 * then the change is the answer to them), the server marks it (`CHANGED_SINCE_APPROVAL`) for the
 * manager's queue; the next decision clears the mark.
 */

/** Set by the server on a decided plan whose content changed since (when it first did). */
export const CHANGED_SINCE_APPROVAL = 'changedSinceApproval';

/** Fields whose change is not a change of what the manager approved. */
const NOT_CONTENT = new Set(['approval', CHANGED_SINCE_APPROVAL, 'evaluation', 'status']);

type Fields = Record<string, unknown>;

function approvalOf(data: Fields | null): PlanApproval | null {
	return (data?.['approval'] as PlanApproval | null | undefined) ?? null;
}

/** Whether two approvals are the same decision (both none, or equal in every part). */
function sameDecision(a: PlanApproval | null, b: PlanApproval | null): boolean {
	if (a === null || b === null) return a === b;
	return sameValue(a, b);
}

/**
 * The fields of a plan mutation with `approval` judged against the stored plan (`current`,
 * null for a new one): an approval that changes nothing is dropped; one that changes the
 * decision stays for a manager; anyone else's is refused (null).
 */
export function judgeApproval(actor: Actor, current: Fields | null, fields: Fields): Fields | null {
	if (!('approval' in fields)) return fields;
	const sent = (fields['approval'] as PlanApproval | null | undefined) ?? null;
	if (sameDecision(sent, approvalOf(current))) {
		const rest = { ...fields };
		delete rest['approval'];
		return rest;
	}
	return actor.role === 'manager' ? fields : null;
}

/**
 * The plan as the server stores it after a change by `actor` at `now`: a new decision gets the
 * manager's name and the server's time, and clears the mark; a change of content under an
 * approval that stands sets the mark (its first time is kept). `before` is the stored plan
 * (null for a new one), `after` the merged and checked one.
 */
export function stampApproval(
	actor: Actor,
	before: Fields | null,
	after: Fields,
	now: string
): Fields {
	const held = approvalOf(before);
	const next = approvalOf(after);
	const stamped: Fields = { ...after };
	if (!sameDecision(held, next)) {
		if (actor.role !== 'manager') {
			// Not a manager's to make (judgeApproval refuses it earlier): the decision stands.
			if (held) stamped['approval'] = held;
			else delete stamped['approval'];
			return stamped;
		}
		if (next) stamped['approval'] = { ...next, by: actor.displayName, at: now };
		delete stamped[CHANGED_SINCE_APPROVAL];
		return stamped;
	}
	const since = before?.[CHANGED_SINCE_APPROVAL];
	if (typeof since === 'string') stamped[CHANGED_SINCE_APPROVAL] = since;
	else if (held !== null && contentChanged(before, after)) {
		stamped[CHANGED_SINCE_APPROVAL] = now;
	}
	return stamped;
}

function contentChanged(before: Fields | null, after: Fields): boolean {
	if (!before) return false;
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	for (const key of keys) {
		if (!NOT_CONTENT.has(key) && !sameValue(before[key], after[key])) return true;
	}
	return false;
}

/**
 * Writes a manager's decision on a plan to the audit log (`approval_decided`, the decision in
 * `reason`, `withdrawn` for none), when `after` holds another decision than `before`.
 */
export async function auditDecision(
	trx: Transaction<Database>,
	clock: Clock,
	actor: Actor,
	scope: SyncScope,
	planId: string,
	before: Fields | null,
	after: Fields
): Promise<void> {
	const next = approvalOf(after);
	if (sameDecision(approvalOf(before), next)) return;
	await audit(trx, clock, {
		action: 'approval_decided',
		ownerId: scope.ownerId,
		actorUserId: actor.userId,
		targetType: 'plan',
		targetId: planId,
		kindergartenId: scope.kindergartenId,
		reason: next?.decision ?? 'withdrawn'
	});
}
