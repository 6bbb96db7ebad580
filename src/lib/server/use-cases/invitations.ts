import type { Transaction } from 'kysely';
import type { Database, Role } from '../db';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit, changesBetween } from '../audit';
import { authorize, invitationInScope } from '../access';
import { hashToken, newToken } from '../auth/tokens';
import { hashPassword } from '../auth/passwords';
import { resolveScope } from './users';
import { uuidv7 } from '$lib/domain/ids';

export const INVITATION_DAYS = 14;

export interface InvitationView {
	id: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	displayName: string;
	createdAt: string;
	expiresAt: string;
	status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

type InvitationRow = {
	id: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	displayName: string;
	createdAt: string;
	expiresAt: string;
	acceptedAt: string | null;
	revokedAt: string | null;
};

function view(row: InvitationRow, now: Date): InvitationView {
	const status = row.acceptedAt
		? 'accepted'
		: row.revokedAt
			? 'revoked'
			: new Date(row.expiresAt) <= now
				? 'expired'
				: 'pending';
	return {
		id: row.id,
		role: row.role,
		kindergartenId: row.kindergartenId,
		groupId: row.groupId,
		displayName: row.displayName,
		createdAt: row.createdAt,
		expiresAt: row.expiresAt,
		status
	};
}

export async function listInvitations(deps: ServerDeps, actor: Actor): Promise<InvitationView[]> {
	await authorize(deps, actor, 'invitations.manage');
	const rows = await deps.db
		.selectFrom('invitations')
		.selectAll()
		.where('ownerId', '=', actor.ownerId)
		.orderBy('createdAt', 'desc')
		.execute();
	const now = deps.clock.now();
	return rows.map((r) => view(r, now));
}

/** Creates an invitation; the token is returned once, only its hash is kept. */
export async function createInvitation(
	deps: ServerDeps,
	actor: Actor,
	input: {
		role: Role;
		kindergartenId?: string | null;
		groupId?: string | null;
		displayName: string;
	}
): Promise<InvitationView & { token: string; url: string }> {
	await authorize(deps, actor, 'invitations.manage');
	const scope = await resolveScope(deps, actor, input.role, input);
	const token = newToken();
	const now = deps.clock.now();
	const row = {
		id: uuidv7(),
		tokenHash: hashToken(token),
		ownerId: actor.ownerId,
		role: input.role,
		...scope,
		displayName: input.displayName,
		createdBy: actor.userId,
		createdAt: now.toISOString(),
		expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
		acceptedAt: null,
		acceptedUserId: null,
		revokedAt: null
	};
	await deps.db.transaction().execute(async (trx) => {
		await trx.insertInto('invitations').values(row).execute();
		await audit(trx, deps.clock, {
			action: 'invitation_created',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'invitation',
			targetId: row.id,
			reason: row.role,
			kindergartenId: row.kindergartenId,
			changes: changesBetween(null, row, ['role', 'kindergartenId', 'groupId', 'displayName'])
		});
	});
	return { ...view(row, now), token, url: `${deps.origin}/invite/${token}` };
}

export async function revokeInvitation(deps: ServerDeps, actor: Actor, id: string): Promise<void> {
	await authorize(deps, actor, 'invitations.manage');
	const row = await invitationInScope(deps, actor, id);
	if (row.acceptedAt) throw new ApiError(409, 'invitation_used');
	// Revoking twice is the same as once: the first revocation's time and log entry stand.
	if (row.revokedAt) return;
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('invitations')
			.set({ revokedAt: deps.clock.now().toISOString() })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'invitation_revoked',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'invitation',
			targetId: id,
			kindergartenId: row.kindergartenId
		});
	});
}

/** A usable invitation for a token, or a 404 that says nothing about why. */
export async function openInvitation(deps: ServerDeps, token: string) {
	const row = await deps.db
		.selectFrom('invitations')
		.selectAll()
		.where('tokenHash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || view(row, deps.clock.now()).status !== 'pending') {
		throw new ApiError(404, 'invitation_not_found');
	}
	return row;
}

/** What the sign-up page shows about an invitation. */
export async function describeInvitation(deps: ServerDeps, token: string) {
	const row = await openInvitation(deps, token);
	const kindergarten = row.kindergartenId
		? await deps.db
				.selectFrom('kindergartens')
				.select('name')
				.where('id', '=', row.kindergartenId)
				.executeTakeFirst()
		: undefined;
	const owner = await deps.db
		.selectFrom('owners')
		.select('name')
		.where('id', '=', row.ownerId)
		.executeTakeFirstOrThrow();
	return {
		role: row.role,
		displayName: row.displayName,
		kindergarten: kindergarten?.name ?? null,
		owner: owner.name,
		expiresAt: row.expiresAt,
		oidc: deps.oidc !== null
	};
}

/**
 * An email another account has: the server does not say so (issue 13). The invitation is
 * spent, as if used, and the answer is the one a used invitation gets; the refusal is audited
 * for the owner. Whoever holds an invitation can so learn at most one email's fate with it, and
 * a person who already has an account signs in and asks for the new role instead.
 */
async function spendOnTakenEmail(
	trx: Transaction<Database>,
	deps: ServerDeps,
	row: { id: string; ownerId: string; kindergartenId: string | null },
	now: string
): Promise<void> {
	await trx
		.updateTable('invitations')
		.set({ revokedAt: now })
		.where('id', '=', row.id)
		.where('acceptedAt', 'is', null)
		.execute();
	await audit(trx, deps.clock, {
		action: 'access_refused',
		ownerId: row.ownerId,
		actorUserId: null,
		targetType: 'invitation',
		targetId: row.id,
		kindergartenId: row.kindergartenId,
		reason: 'email_unavailable'
	});
}

/**
 * Creates the invited user. The invitation is claimed in the same transaction, so a token
 * cannot make two users even if two requests race.
 */
export async function acceptInvitation(
	deps: ServerDeps,
	input: {
		token: string;
		email: string | null;
		password: string | null;
		displayName?: string | undefined;
	},
	identity?: { issuer: string; subject: string }
): Promise<{ userId: string; ownerId: string }> {
	const row = await openInvitation(deps, input.token);
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	const now = deps.clock.now().toISOString();
	const userId = uuidv7();
	const spent = await deps.db.transaction().execute(async (trx) => {
		if (input.email) {
			const taken = await trx
				.selectFrom('users')
				.select('id')
				.where('email', '=', input.email)
				.executeTakeFirst();
			if (taken) {
				await spendOnTakenEmail(trx, deps, row, now);
				return true;
			}
		}
		if (identity) {
			const linked = await trx
				.selectFrom('identities')
				.select('userId')
				.where('issuer', '=', identity.issuer)
				.where('subject', '=', identity.subject)
				.executeTakeFirst();
			if (linked) throw new ApiError(409, 'identity_already_linked');
		}
		const claimed = await trx
			.updateTable('invitations')
			.set({ acceptedAt: now, acceptedUserId: null })
			.where('id', '=', row.id)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) throw new ApiError(404, 'invitation_not_found');
		await trx
			.insertInto('users')
			.values({
				id: userId,
				ownerId: row.ownerId,
				email: input.email,
				displayName: input.displayName ?? row.displayName,
				role: row.role,
				kindergartenId: row.kindergartenId,
				groupId: row.groupId,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await trx
			.updateTable('invitations')
			.set({ acceptedUserId: userId })
			.where('id', '=', row.id)
			.execute();
		// A parent invited by the owner admin reads their group's summaries, as one who joined
		// with a manager's code does (issue 17, ADR 39).
		if (row.role === 'parent' && row.groupId && row.kindergartenId) {
			await trx
				.insertInto('parentMemberships')
				.values({
					userId,
					groupId: row.groupId,
					kindergartenId: row.kindergartenId,
					codeId: null,
					joinedAt: now,
					removedAt: null
				})
				.execute();
		}
		if (identity) {
			await trx
				.insertInto('identities')
				.values({ issuer: identity.issuer, subject: identity.subject, userId, createdAt: now })
				.execute();
			await audit(trx, deps.clock, {
				action: 'identity_linked',
				ownerId: row.ownerId,
				actorUserId: userId,
				targetType: 'user',
				targetId: userId
			});
		}
		await audit(trx, deps.clock, {
			action: 'invitation_accepted',
			ownerId: row.ownerId,
			actorUserId: userId,
			targetType: 'invitation',
			targetId: row.id
		});
		return false;
	});
	// The same answer as an invitation already used: it is one now (see spendOnTakenEmail).
	if (spent) throw new ApiError(404, 'invitation_not_found');
	return { userId, ownerId: row.ownerId };
}
