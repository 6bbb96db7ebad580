import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit, changesBetween } from '../audit';
import { authorize, groupInScope, kindergartenInScope } from '../access';
import { uuidv7 } from '$lib/domain/ids';

export interface KindergartenView {
	id: string;
	name: string;
}
export interface GroupView {
	id: string;
	kindergartenId: string;
	name: string;
	ageMin: number;
	ageMax: number;
}

/** What a group's audit rows record of it. */
const GROUP_FIELDS = ['name', 'ageMin', 'ageMax'] as const;

const kindergartenView = (k: { id: string; name: string }): KindergartenView => ({
	id: k.id,
	name: k.name
});
const groupView = (g: GroupView): GroupView => ({
	id: g.id,
	kindergartenId: g.kindergartenId,
	name: g.name,
	ageMin: g.ageMin,
	ageMax: g.ageMax
});

/** An invitation that can still be accepted, into this kindergarten or group. */
async function pendingInvitation(
	trx: Transaction<Database>,
	column: 'kindergartenId' | 'groupId',
	id: string,
	now: Date
) {
	return trx
		.selectFrom('invitations')
		.select('id')
		.where(column, '=', id)
		.where('acceptedAt', 'is', null)
		.where('revokedAt', 'is', null)
		.where('expiresAt', '>', now.toISOString())
		.executeTakeFirst();
}

export async function listKindergartens(
	deps: ServerDeps,
	actor: Actor
): Promise<KindergartenView[]> {
	await authorize(deps, actor, 'kindergarten.read');
	let query = deps.db
		.selectFrom('kindergartens')
		.select(['id', 'name'])
		.where('ownerId', '=', actor.ownerId);
	if (actor.role !== 'ownerAdmin') query = query.where('id', '=', actor.kindergartenId ?? '');
	return (await query.orderBy('name').execute()).map(kindergartenView);
}

export async function getKindergarten(deps: ServerDeps, actor: Actor, id: string) {
	await authorize(deps, actor, 'kindergarten.read');
	return kindergartenView(await kindergartenInScope(deps, actor, id));
}

export async function createKindergarten(deps: ServerDeps, actor: Actor, input: { name: string }) {
	await authorize(deps, actor, 'organisation.manage');
	const now = deps.clock.now().toISOString();
	const row = {
		id: uuidv7(),
		ownerId: actor.ownerId,
		name: input.name,
		createdAt: now,
		updatedAt: now
	};
	await deps.db.transaction().execute(async (trx) => {
		await trx.insertInto('kindergartens').values(row).execute();
		await audit(trx, deps.clock, {
			action: 'kindergarten_created',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'kindergarten',
			targetId: row.id,
			kindergartenId: row.id,
			changes: changesBetween(null, row, ['name'])
		});
	});
	return kindergartenView(row);
}

export async function renameKindergarten(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	input: { name: string }
) {
	await authorize(deps, actor, 'kindergarten.manage');
	const current = await kindergartenInScope(deps, actor, id);
	const changes = changesBetween(current, { ...current, ...input }, ['name']);
	if (Object.keys(changes).length === 0) return kindergartenView(current);
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('kindergartens')
			.set({ name: input.name, updatedAt: deps.clock.now().toISOString() })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'kindergarten_renamed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'kindergarten',
			targetId: id,
			kindergartenId: id,
			changes
		});
	});
	return kindergartenView({ id, name: input.name });
}

/** Only an empty kindergarten can be deleted: groups and people must be moved first. */
export async function deleteKindergarten(deps: ServerDeps, actor: Actor, id: string) {
	await authorize(deps, actor, 'organisation.manage');
	const current = await kindergartenInScope(deps, actor, id);
	await deps.db.transaction().execute(async (trx) => {
		const groups = await trx
			.selectFrom('groups')
			.select('id')
			.where('kindergartenId', '=', id)
			.executeTakeFirst();
		const users = await trx
			.selectFrom('users')
			.select('id')
			.where('kindergartenId', '=', id)
			.executeTakeFirst();
		const pending = await pendingInvitation(trx, 'kindergartenId', id, deps.clock.now());
		// Synced plans and activities, deleted ones too: their tombstones can still be restored.
		const records = await trx
			.selectFrom('syncRecords')
			.select('recordId')
			.where('kindergartenId', '=', id)
			.executeTakeFirst();
		if (groups || users || pending || records) throw new ApiError(409, 'kindergarten_not_empty');
		// Used, revoked and expired invitations are history (the audit log keeps it).
		await trx.deleteFrom('invitations').where('kindergartenId', '=', id).execute();
		await trx.deleteFrom('kindergartens').where('id', '=', id).execute();
		await audit(trx, deps.clock, {
			action: 'kindergarten_deleted',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'kindergarten',
			targetId: id,
			kindergartenId: null,
			changes: changesBetween(current, null, ['name'])
		});
	});
}

export async function listGroups(deps: ServerDeps, actor: Actor, kindergartenId: string) {
	await authorize(deps, actor, 'kindergarten.read');
	await kindergartenInScope(deps, actor, kindergartenId);
	const rows = await deps.db
		.selectFrom('groups')
		.selectAll()
		.where('kindergartenId', '=', kindergartenId)
		.orderBy('ageMin')
		.orderBy('name')
		.execute();
	return rows.map(groupView);
}

export async function getGroup(deps: ServerDeps, actor: Actor, id: string) {
	await authorize(deps, actor, 'group.read');
	return groupView(await groupInScope(deps, actor, id));
}

export async function createGroup(
	deps: ServerDeps,
	actor: Actor,
	kindergartenId: string,
	input: { name: string; ageMin: number; ageMax: number }
) {
	await authorize(deps, actor, 'kindergarten.manage');
	await kindergartenInScope(deps, actor, kindergartenId);
	const now = deps.clock.now().toISOString();
	const row = {
		id: uuidv7(),
		ownerId: actor.ownerId,
		kindergartenId,
		...input,
		createdAt: now,
		updatedAt: now
	};
	await deps.db.transaction().execute(async (trx) => {
		await trx.insertInto('groups').values(row).execute();
		await audit(trx, deps.clock, {
			action: 'group_created',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'group',
			targetId: row.id,
			kindergartenId,
			changes: changesBetween(null, row, GROUP_FIELDS)
		});
	});
	return groupView(row);
}

export async function updateGroup(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	input: { name: string; ageMin: number; ageMax: number }
) {
	await authorize(deps, actor, 'kindergarten.manage');
	const current = await groupInScope(deps, actor, id);
	// The age band decides the screen-time guidance the group's plans are held to.
	const changes = changesBetween(current, { ...current, ...input }, GROUP_FIELDS);
	if (Object.keys(changes).length === 0) return groupView(current);
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('groups')
			.set({ ...input, updatedAt: deps.clock.now().toISOString() })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'group_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'group',
			targetId: id,
			kindergartenId: current.kindergartenId,
			changes
		});
	});
	return groupView({ ...current, ...input });
}

export async function deleteGroup(deps: ServerDeps, actor: Actor, id: string) {
	await authorize(deps, actor, 'kindergarten.manage');
	const current = await groupInScope(deps, actor, id);
	await deps.db.transaction().execute(async (trx) => {
		const users = await trx
			.selectFrom('users')
			.select('id')
			.where('groupId', '=', id)
			.executeTakeFirst();
		const pending = await pendingInvitation(trx, 'groupId', id, deps.clock.now());
		const plans = await trx
			.selectFrom('syncRecords')
			.select('recordId')
			.where('groupId', '=', id)
			.where('deletedAt', 'is', null)
			.executeTakeFirst();
		if (users || pending || plans) throw new ApiError(409, 'group_not_empty');
		await trx.deleteFrom('invitations').where('groupId', '=', id).execute();
		await trx.deleteFrom('groups').where('id', '=', id).execute();
		await audit(trx, deps.clock, {
			action: 'group_deleted',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'group',
			targetId: id,
			kindergartenId: current.kindergartenId,
			changes: changesBetween(current, null, GROUP_FIELDS)
		});
	});
}
