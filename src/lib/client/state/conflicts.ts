import { repositories } from './repositories';
import type { StoredConflict } from '$lib/client/db/database';
import { digitalPlanName } from '$lib/domain/digital-plan-year';

export type ConflictItem = StoredConflict & { title: string };

/**
 * Conflicts to resolve, each with the title of its plan or own activity as this device has it
 * (the record's id only if the device has neither).
 */
export async function conflictList(): Promise<ConflictItem[]> {
	const db = repositories().db;
	const conflicts = await db.conflicts.orderBy('id').toArray();
	const plans = await db.plans.bulkGet(conflicts.map((c) => c.recordId));
	const activities = await db.ownActivities.bulkGet(conflicts.map((c) => c.recordId));
	const developmentPlans = await db.developmentPlans.bulkGet(conflicts.map((c) => c.recordId));
	const digitalPlans = await db.digitalPlans.bulkGet(conflicts.map((c) => c.recordId));
	return conflicts.map((c, i) => {
		const record =
			c.type === 'activity'
				? activities[i]
				: c.type === 'developmentPlan'
					? developmentPlans[i]
					: c.type === 'digitalPlan'
						? digitalPlans[i]
						: plans[i];
		const title = record && 'title' in record ? record.title : record && digitalPlanName(record);
		return { ...c, title: title ?? c.recordId };
	});
}
