import type { ServerDeps } from '../deps';
import type { Role } from '../db';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit, changesBetween } from '../audit';
import { authorize, groupInScope, kindergartenInScope, userInScope } from '../access';
import { endSessionsOf } from '../auth/sessions';

export interface UserView {
	id: string;
	email: string | null;
	displayName: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	disabled: boolean;
	signInMethods: Array<'password' | 'oidc'>;
}

export interface Scope {
	kindergartenId: string | null;
	groupId: string | null;
}

/**
 * The scope a role needs, checked against the actor's own scope: staff and managers belong to
 * a kindergarten, a parent to a group (and so to its kindergarten), an owner admin to neither.
 */
export async function resolveScope(
	deps: ServerDeps,
	actor: Actor,
	role: Role,
	requested: { kindergartenId?: string | null; groupId?: string | null }
): Promise<Scope> {
	if (role === 'ownerAdmin') {
		if (requested.kindergartenId || requested.groupId) {
			throw new ApiError(422, 'invalid_value', { kindergartenId: 'scope_not_allowed' });
		}
		return { kindergartenId: null, groupId: null };
	}
	if (role === 'parent') {
		if (!requested.groupId) throw new ApiError(422, 'invalid_value', { groupId: 'required' });
		const group = await groupInScope(deps, actor, requested.groupId);
		return { kindergartenId: group.kindergartenId, groupId: group.id };
	}
	if (!requested.kindergartenId) {
		throw new ApiError(422, 'invalid_value', { kindergartenId: 'required' });
	}
	if (requested.groupId) {
		throw new ApiError(422, 'invalid_value', { groupId: 'scope_not_allowed' });
	}
	const kindergarten = await kindergartenInScope(deps, actor, requested.kindergartenId);
	return { kindergartenId: kindergarten.id, groupId: null };
}

export async function listUsers(deps: ServerDeps, actor: Actor): Promise<UserView[]> {
	await authorize(deps, actor, 'users.manage');
	const users = await deps.db
		.selectFrom('users')
		.selectAll()
		.where('ownerId', '=', actor.ownerId)
		.orderBy('displayName')
		.execute();
	const identities = await deps.db
		.selectFrom('identities')
		.innerJoin('users', 'users.id', 'identities.userId')
		.select('identities.userId')
		.where('users.ownerId', '=', actor.ownerId)
		.execute();
	const linked = new Set(identities.map((i) => i.userId));
	return users.map((u) => ({
		id: u.id,
		email: u.email,
		displayName: u.displayName,
		role: u.role,
		kindergartenId: u.kindergartenId,
		groupId: u.groupId,
		disabled: u.disabledAt !== null,
		signInMethods: [
			...(u.passwordHash ? (['password'] as const) : []),
			...(linked.has(u.id) ? (['oidc'] as const) : [])
		]
	}));
}

/** Changes a user's role, scope or whether they may sign in. Disabling ends their sessions. */
export async function updateUser(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	change: {
		role?: Role;
		kindergartenId?: string | null;
		groupId?: string | null;
		disabled?: boolean;
	}
): Promise<UserView> {
	await authorize(deps, actor, 'users.manage');
	const user = await userInScope(deps, actor, id);
	if (
		id === actor.userId &&
		(change.disabled === true || (change.role && change.role !== user.role))
	) {
		throw new ApiError(422, 'invalid_value', { _: 'cannot_change_own_access' });
	}
	const role = change.role ?? user.role;
	const scopeChanged =
		change.role !== undefined ||
		change.kindergartenId !== undefined ||
		change.groupId !== undefined;
	const scope = scopeChanged
		? await resolveScope(deps, actor, role, {
				kindergartenId:
					change.kindergartenId !== undefined ? change.kindergartenId : user.kindergartenId,
				groupId: change.groupId !== undefined ? change.groupId : user.groupId
			})
		: { kindergartenId: user.kindergartenId, groupId: user.groupId };
	const now = deps.clock.now().toISOString();
	const disabledAt =
		change.disabled === undefined
			? user.disabledAt
			: change.disabled
				? (user.disabledAt ?? now)
				: null;
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set({ role, ...scope, disabledAt, updatedAt: now })
			.where('id', '=', id)
			.execute();
		const base = {
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'user',
			targetId: id,
			kindergartenId: scope.kindergartenId ?? user.kindergartenId
		};
		const changes = changesBetween(user, { ...user, role, ...scope }, [
			'role',
			'kindergartenId',
			'groupId'
		]);
		if (Object.keys(changes).length > 0) {
			await audit(trx, deps.clock, {
				...base,
				action: 'role_changed',
				reason: `${user.role}->${role}`,
				changes
			});
		}
		if (disabledAt !== user.disabledAt) {
			await audit(trx, deps.clock, {
				...base,
				action: disabledAt ? 'user_disabled' : 'user_enabled'
			});
		}
	});
	// A disabled user's sessions end now; a changed scope takes effect on the next request anyway.
	if (disabledAt) await endSessionsOf(deps, id);
	return (await listUsers(deps, actor)).find((u) => u.id === id)!;
}
