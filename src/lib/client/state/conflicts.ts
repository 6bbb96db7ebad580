import { repositories } from './repositories';
import type { StoredConflict } from '$lib/client/db/database';

export type ConflictItem = StoredConflict & { title: string };

/** Conflicts to resolve, each with the title of its plan as this device has it. */
export async function conflictList(): Promise<ConflictItem[]> {
	const db = repositories().db;
	const conflicts = await db.conflicts.orderBy('id').toArray();
	const plans = await db.plans.bulkGet(conflicts.map((c) => c.recordId));
	return conflicts.map((c, i) => ({ ...c, title: plans[i]?.title ?? c.recordId }));
}
