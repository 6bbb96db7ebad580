import type { ServerDeps } from '../deps';
import { takeSequence } from './sequence';

/**
 * The tombstone horizon (docs/design/sync-protocol.md): a deleted record keeps its fields as a
 * tombstone, so that an edit made offline can still offer "restore", but not for ever. Tombstones
 * deleted longer ago than the horizon are removed, and `purged_through` remembers the highest
 * revision removed: a pull with a cursor below it may have missed a deletion and is told to reset.
 * A tombstone with an unresolved conflict stays until a person has decided (nothing is dropped
 * unseen).
 */

/** Days a tombstone is kept by default (SYNC_TOMBSTONE_DAYS). */
export const DEFAULT_TOMBSTONE_DAYS = 90;

/** Most tombstones one transaction removes; a purge runs transactions until none are left. */
const PURGE_BATCH = 500;

export interface PurgeResult {
	removed: number;
	purgedThrough: number;
}

export async function purgeTombstones(deps: ServerDeps, horizonDays: number): Promise<PurgeResult> {
	const cutoff = new Date(deps.clock.now().getTime() - horizonDays * 86_400_000).toISOString();
	let removed = 0;
	for (;;) {
		const batch = await deps.db.transaction().execute(async (trx) => {
			// Taken first, like every write, so no push restores a record while it is removed.
			await takeSequence(trx, deps.dialect);
			const rows = await trx
				.selectFrom('syncRecords')
				.select(['recordId', 'rev'])
				.where('deletedAt', 'is not', null)
				.where('deletedAt', '<', cutoff)
				.where((eb) =>
					eb.not(
						eb.exists(
							eb
								.selectFrom('syncConflicts')
								.select('syncConflicts.id')
								.whereRef('syncConflicts.recordId', '=', 'syncRecords.recordId')
								.where('syncConflicts.resolvedAt', 'is', null)
						)
					)
				)
				.orderBy('rev')
				.limit(PURGE_BATCH)
				.execute();
			if (rows.length === 0) return { removed: 0, highest: 0 };
			await trx
				.deleteFrom('syncRecords')
				.where(
					'recordId',
					'in',
					rows.map((r) => r.recordId)
				)
				.execute();
			const highest = rows[rows.length - 1]!.rev;
			const { purgedThrough } = await trx
				.selectFrom('syncSequence')
				.select('purgedThrough')
				.where('id', '=', 1)
				.executeTakeFirstOrThrow();
			if (highest > purgedThrough) {
				await trx
					.updateTable('syncSequence')
					.set({ purgedThrough: highest })
					.where('id', '=', 1)
					.execute();
			}
			return { removed: rows.length, highest };
		});
		removed += batch.removed;
		if (batch.removed < PURGE_BATCH) break;
	}
	const { purgedThrough } = await deps.db
		.selectFrom('syncSequence')
		.select('purgedThrough')
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return { removed, purgedThrough };
}
