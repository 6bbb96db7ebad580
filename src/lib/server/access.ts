import type { ServerDeps } from './deps';
import type { Role } from './db';
import type { Actor } from './auth/sessions';
import { ApiError } from './api/http';
import { audit } from './audit';

/**
 * What each role may do (docs/design/security.md). Scope comes on top: an owner admin acts within
 * their owner, staff and managers within their kindergarten, a parent within one group.
 */
export const PERMISSIONS = [
	'organisation.manage',
	/**
	 * Rename a kindergarten and add, change and delete its groups: an owner admin's across the
	 * owner, a manager's in their own kindergarten (issue 12: settings on the tablet).
	 */
	'kindergarten.manage',
	'users.manage',
	'invitations.manage',
	'audit.read',
	'kindergarten.read',
	'group.read',
	/** Push and pull a kindergarten's plans and activities (a role that works in one). */
	'sync.use',
	/** Edit the owner's screen-time guidance, which every tablet of the owner then pulls. */
	'guidance.manage',
	/** Answer, read, export and delete one's own competence self-assessment (issue 14). */
	'competence.answer',
	/** Read a kindergarten's competence figures, anonymised (a manager's own; an admin's any). */
	'competence.review',
	/** Write the owner's competence plan (issue 14); a manager reads their part with `competence.review`. */
	'competencePlan.manage',
	/** Add and retire the owner's competence items (issue 14, ADR 37). */
	'competenceItems.manage',
	/**
	 * Publish and withdraw a group's summary for parents (issue 17, ADR 39): a manager in their
	 * kindergarten; a staff member only when the manager has allowed them (`summary_publishers`).
	 */
	'summaries.publish',
	/** Make and revoke the codes parents join a group with; see and answer parents' questions. */
	'parents.manage',
	/** A parent: read the published summaries of their own groups, ask the kindergarten. */
	'summaries.read',
	/** Write the owner's privacy notice (issues 16 and 17). */
	'privacy.manage',
	/** Keep the owner's register of digital tools: entries, assessments, decisions (issue 16, ADR 43). */
	'register.manage',
	/** Read the owner's register (tablets also pull it). */
	'register.read',
	/** Propose a tool for the register; the owner admin decides. */
	'register.propose',
	/** Count a kindergarten's equipment and its state: a manager's own, an owner admin's any. */
	'equipment.manage'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const GRANTS: Record<Role, readonly Permission[]> = {
	ownerAdmin: [
		'organisation.manage',
		'kindergarten.manage',
		'users.manage',
		'invitations.manage',
		'audit.read',
		'kindergarten.read',
		'group.read',
		'guidance.manage',
		'competence.review',
		'competencePlan.manage',
		'competenceItems.manage',
		'privacy.manage',
		'register.manage',
		'register.read',
		'equipment.manage'
	],
	manager: [
		'kindergarten.manage',
		'kindergarten.read',
		'group.read',
		'sync.use',
		'competence.answer',
		'competence.review',
		'summaries.publish',
		'parents.manage',
		'register.read',
		'register.propose',
		'equipment.manage'
	],
	staff: [
		'kindergarten.read',
		'group.read',
		'sync.use',
		'competence.answer',
		'summaries.publish',
		'register.read',
		'register.propose'
	],
	parent: ['group.read', 'summaries.read']
};

export function may(actor: Actor, permission: Permission): boolean {
	return GRANTS[actor.role].includes(permission);
}

/** Logs a refusal (`access_refused`, with an internal reason) and throws 403 or 404. */
export async function refuse(
	deps: ServerDeps,
	actor: Actor,
	status: 403 | 404,
	reason: string,
	target?: { type: string; id: string }
): Promise<never> {
	await audit(deps.db, deps.clock, {
		action: 'access_refused',
		ownerId: actor.ownerId,
		actorUserId: actor.userId,
		targetType: target?.type ?? null,
		targetId: target?.id ?? null,
		reason
	});
	throw new ApiError(status, status === 404 ? 'not_found' : 'forbidden');
}

/** Refuses (403, logged) an actor whose role lacks the permission. */
export async function authorize(
	deps: ServerDeps,
	actor: Actor,
	permission: Permission
): Promise<void> {
	if (!may(actor, permission)) await refuse(deps, actor, 403, `missing_${permission}`);
}

/**
 * A kindergarten the actor may see. One that does not exist and one outside the actor's scope
 * get the same 404, so ids cannot be probed.
 */
export async function kindergartenInScope(deps: ServerDeps, actor: Actor, id: string) {
	const row = await deps.db
		.selectFrom('kindergartens')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	const visible =
		row !== undefined &&
		row.ownerId === actor.ownerId &&
		(actor.role === 'ownerAdmin' || row.id === actor.kindergartenId);
	if (!visible) return refuse(deps, actor, 404, 'out_of_scope', { type: 'kindergarten', id });
	return row;
}

export async function groupInScope(deps: ServerDeps, actor: Actor, id: string) {
	const row = await deps.db
		.selectFrom('groups')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	const visible =
		row !== undefined &&
		row.ownerId === actor.ownerId &&
		(actor.role === 'ownerAdmin' ||
			(actor.role === 'parent'
				? row.id === actor.groupId
				: row.kindergartenId === actor.kindergartenId));
	if (!visible) return refuse(deps, actor, 404, 'out_of_scope', { type: 'group', id });
	return row;
}

export async function userInScope(deps: ServerDeps, actor: Actor, id: string) {
	const row = await deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row || row.ownerId !== actor.ownerId || actor.role !== 'ownerAdmin') {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'user', id });
	}
	return row;
}

/** An invitation of the actor's owner; only owner admins manage invitations. */
export async function invitationInScope(deps: ServerDeps, actor: Actor, id: string) {
	const row = await deps.db
		.selectFrom('invitations')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || row.ownerId !== actor.ownerId || actor.role !== 'ownerAdmin') {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'invitation', id });
	}
	return row;
}

/** The scope a synced record lives in; always the caller's own, from the session. */
export interface SyncScope {
	ownerId: string;
	kindergartenId: string;
}

/**
 * The caller's sync scope: staff and managers sync their own kindergarten. Any other role, and
 * a user without a kindergarten, is refused (403, logged).
 */
export async function syncScope(deps: ServerDeps, actor: Actor): Promise<SyncScope> {
	await authorize(deps, actor, 'sync.use');
	if (!actor.kindergartenId) return refuse(deps, actor, 403, 'no_kindergarten');
	return { ownerId: actor.ownerId, kindergartenId: actor.kindergartenId };
}
