import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import type { CompetencePlanEntryTable } from '../db/schema';
import { ApiError } from '../api/http';
import { audit, changesBetween } from '../audit';
import { authorize, kindergartenInScope, refuse } from '../access';
import {
	concerning,
	planOrder,
	type OwnerPlanEntry,
	type OwnerPlanInput
} from '$lib/domain/competence/owner-plan';
import { uuidv7 } from '$lib/domain/ids';

/**
 * The owner's competence plan (issue 14, ADR 29). Only an owner administrator writes it; a
 * manager reads the entries that concern their own kindergarten (its own, and those for every
 * kindergarten), and nothing of another kindergarten or another owner: those are 404, like a
 * missing one.
 */

const FIELDS = [
	'kind',
	'kindergartenId',
	'area',
	'title',
	'partner',
	'places',
	'startsOn',
	'endsOn',
	'status',
	'note'
] as const;

function entryOf(row: CompetencePlanEntryTable): OwnerPlanEntry {
	return {
		id: row.id,
		kind: row.kind as OwnerPlanEntry['kind'],
		kindergartenId: row.kindergartenId,
		area: row.area as OwnerPlanEntry['area'],
		title: row.title,
		partner: row.partner,
		places: row.places === null ? null : Number(row.places),
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		status: row.status as OwnerPlanEntry['status'],
		note: row.note,
		updatedAt: row.updatedAt
	};
}

async function ownerAdmin(deps: ServerDeps, actor: Actor): Promise<void> {
	await authorize(deps, actor, 'competencePlan.manage');
}

/** A kindergarten named by an entry must be the owner's (422 `unknown_kindergarten` if not). */
async function checkKindergarten(deps: ServerDeps, actor: Actor, input: OwnerPlanInput) {
	if (input.kindergartenId === null) return;
	const kg = await deps.db
		.selectFrom('kindergartens')
		.select('id')
		.where('id', '=', input.kindergartenId)
		.where('ownerId', '=', actor.ownerId)
		.executeTakeFirst();
	if (!kg) {
		throw new ApiError(422, 'invalid_value', { kindergartenId: 'unknown_kindergarten' });
	}
}

async function entryInScope(deps: ServerDeps, actor: Actor, id: string) {
	const row = await deps.db
		.selectFrom('competencePlanEntries')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || row.ownerId !== actor.ownerId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'competence_plan_entry', id });
	}
	return row;
}

/** The whole plan of the owner (owner admins). */
export async function ownerPlan(deps: ServerDeps, actor: Actor): Promise<OwnerPlanEntry[]> {
	await ownerAdmin(deps, actor);
	const rows = await deps.db
		.selectFrom('competencePlanEntries')
		.selectAll()
		.where('ownerId', '=', actor.ownerId)
		.execute();
	return rows.map(entryOf).sort(planOrder);
}

/** What concerns one kindergarten (its manager, or an owner admin), read-only. */
export async function kindergartenPlan(
	deps: ServerDeps,
	actor: Actor,
	kindergartenId: string
): Promise<{ kindergarten: { id: string; name: string }; entries: OwnerPlanEntry[] }> {
	await authorize(deps, actor, 'competence.review');
	const kg = await kindergartenInScope(deps, actor, kindergartenId);
	const rows = await deps.db
		.selectFrom('competencePlanEntries')
		.selectAll()
		.where('ownerId', '=', actor.ownerId)
		.where((eb) => eb.or([eb('kindergartenId', 'is', null), eb('kindergartenId', '=', kg.id)]))
		.execute();
	return {
		kindergarten: { id: kg.id, name: kg.name },
		entries: concerning(rows.map(entryOf), kg.id).sort(planOrder)
	};
}

export async function addEntry(
	deps: ServerDeps,
	actor: Actor,
	input: OwnerPlanInput
): Promise<OwnerPlanEntry> {
	await ownerAdmin(deps, actor);
	await checkKindergarten(deps, actor, input);
	const now = deps.clock.now().toISOString();
	const row: CompetencePlanEntryTable = {
		id: uuidv7(),
		ownerId: actor.ownerId,
		...input,
		createdBy: actor.userId,
		createdAt: now,
		updatedAt: now
	};
	await deps.db.transaction().execute(async (trx) => {
		await trx.insertInto('competencePlanEntries').values(row).execute();
		await audit(trx, deps.clock, {
			action: 'competence_plan_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'competence_plan_entry',
			targetId: row.id,
			kindergartenId: input.kindergartenId,
			changes: changesBetween(null, input, FIELDS)
		});
	});
	return entryOf(row);
}

export async function updateEntry(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	input: OwnerPlanInput
): Promise<OwnerPlanEntry> {
	await ownerAdmin(deps, actor);
	const before = await entryInScope(deps, actor, id);
	await checkKindergarten(deps, actor, input);
	const updatedAt = deps.clock.now().toISOString();
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('competencePlanEntries')
			.set({ ...input, updatedAt })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'competence_plan_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'competence_plan_entry',
			targetId: id,
			kindergartenId: input.kindergartenId,
			changes: changesBetween(entryOf(before), input, FIELDS)
		});
	});
	return entryOf({ ...before, ...input, updatedAt });
}

export async function deleteEntry(deps: ServerDeps, actor: Actor, id: string): Promise<void> {
	await ownerAdmin(deps, actor);
	const before = await entryInScope(deps, actor, id);
	await deps.db.transaction().execute(async (trx) => {
		await trx.deleteFrom('competencePlanEntries').where('id', '=', id).execute();
		await audit(trx, deps.clock, {
			action: 'competence_plan_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'competence_plan_entry',
			targetId: id,
			kindergartenId: before.kindergartenId,
			changes: changesBetween(entryOf(before), null, FIELDS)
		});
	});
}
