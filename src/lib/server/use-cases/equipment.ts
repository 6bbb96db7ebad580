import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit } from '../audit';
import { authorize, kindergartenInScope, refuse } from '../access';
import type { EquipmentItemFields, ToolKind } from '$lib/domain/register';
import { storeSequence, takeSequence } from './sequence';

/**
 * A kindergarten's equipment (issue 16, ADR 43): of each device and coding toy in the owner's
 * register, how many pieces work, need repair or are missing, with a note. A manager counts their
 * own kindergarten's, an owner admin any of the owner's; everyone of the kindergarten reads it.
 * Each change takes a revision from the sync sequence, so tablets pull the kindergarten's
 * equipment (`equipment`) when it has changed.
 */

/** The register's kinds that are counted in pieces. */
const COUNTED_KINDS: readonly ToolKind[] = ['codingToy', 'device'];

export interface EquipmentRow extends EquipmentItemFields {
	entryId: string;
	name: string;
	kind: string;
	/** When the counts were last saved; null for a device nobody has counted yet. */
	updatedAt: string | null;
}

export interface EquipmentInput extends EquipmentItemFields {
	/** The stored row's `updatedAt` the change was made on; null when there was none. */
	baseUpdatedAt: string | null;
}

const COUNTS = ['works', 'needsRepair', 'missing'] as const;

/** Every counted-kind entry of the owner's register, and any entry already counted here. */
export async function equipmentOf(
	deps: ServerDeps,
	actor: Actor,
	kindergartenId: string
): Promise<EquipmentRow[]> {
	await authorize(deps, actor, 'kindergarten.read');
	const kindergarten = await kindergartenInScope(deps, actor, kindergartenId);
	const entries = await deps.db
		.selectFrom('registerEntries')
		.select(['id', 'name', 'data'])
		.where('ownerId', '=', kindergarten.ownerId)
		.execute();
	const counted = await deps.db
		.selectFrom('kindergartenEquipment')
		.selectAll()
		.where('kindergartenId', '=', kindergartenId)
		.execute();
	const byEntry = new Map(counted.map((row) => [row.entryId, row]));
	const rows: EquipmentRow[] = [];
	for (const entry of entries) {
		const kind = kindOf(entry.data);
		const row = byEntry.get(entry.id);
		if (!row && !COUNTED_KINDS.includes(kind as ToolKind)) continue;
		rows.push({
			entryId: entry.id,
			name: entry.name,
			kind,
			works: row?.works ?? 0,
			needsRepair: row?.needsRepair ?? 0,
			missing: row?.missing ?? 0,
			note: row?.note ?? '',
			updatedAt: row?.updatedAt ?? null
		});
	}
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

function kindOf(data: string): string {
	try {
		const kind = (JSON.parse(data) as { kind?: unknown }).kind;
		return typeof kind === 'string' ? kind : 'other';
	} catch {
		return 'other';
	}
}

/**
 * Saves the counts of one register entry in a kindergarten (upsert). 409 `stale` with the stored
 * counts when the row changed since the page read it; 404 for an entry not in the owner's
 * register or a kindergarten out of scope.
 */
export async function setEquipment(
	deps: ServerDeps,
	actor: Actor,
	kindergartenId: string,
	entryId: string,
	input: EquipmentInput
): Promise<EquipmentRow> {
	await authorize(deps, actor, 'equipment.manage');
	const kindergarten = await kindergartenInScope(deps, actor, kindergartenId);
	const entry = await deps.db
		.selectFrom('registerEntries')
		.select(['id', 'name', 'data', 'ownerId'])
		.where('id', '=', entryId)
		.executeTakeFirst();
	if (!entry || entry.ownerId !== kindergarten.ownerId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'register_entry', id: entryId });
	}
	const at = deps.clock.now().toISOString();
	const fields: EquipmentItemFields = {
		works: input.works,
		needsRepair: input.needsRepair,
		missing: input.missing,
		note: input.note
	};
	await deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const before = await trx
			.selectFrom('kindergartenEquipment')
			.selectAll()
			.where('kindergartenId', '=', kindergartenId)
			.where('entryId', '=', entryId)
			.executeTakeFirst();
		if ((before?.updatedAt ?? null) !== input.baseUpdatedAt) {
			throw new ApiError(409, 'stale', undefined, undefined, {
				current: before
					? {
							works: before.works,
							needsRepair: before.needsRepair,
							missing: before.missing,
							note: before.note,
							updatedAt: before.updatedAt
						}
					: null
			});
		}
		const rev = sequence + 1;
		const values = { ...fields, rev, updatedAt: at, updatedBy: actor.userId };
		if (before) {
			await trx
				.updateTable('kindergartenEquipment')
				.set(values)
				.where('kindergartenId', '=', kindergartenId)
				.where('entryId', '=', entryId)
				.execute();
		} else {
			await trx
				.insertInto('kindergartenEquipment')
				.values({ kindergartenId, entryId, ownerId: kindergarten.ownerId, ...values })
				.execute();
		}
		await storeSequence(trx, rev);
		const changes: Record<string, [unknown, unknown]> = {};
		for (const key of COUNTS) changes[key] = [before?.[key] ?? 0, fields[key]];
		await audit(trx, deps.clock, {
			action: 'equipment_changed',
			ownerId: kindergarten.ownerId,
			actorUserId: actor.userId,
			targetType: 'register_entry',
			targetId: entryId,
			kindergartenId,
			changes
		});
	});
	return { entryId, name: entry.name, kind: kindOf(entry.data), ...fields, updatedAt: at };
}
