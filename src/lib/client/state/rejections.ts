import { repositories } from './repositories';
import { ActivityRepository } from '$lib/client/db/activity-repository';
import { DevelopmentPlanRepository } from '$lib/client/db/development-plan-repository';
import { DigitalPlanRepository } from '$lib/client/db/digital-plan-repository';
import type { StoredRejection } from '$lib/client/db/database';
import type { RecordType } from '$lib/sync/protocol';
import { digitalPlanName } from '$lib/domain/digital-plan-year';

export type RejectionItem = Omit<StoredRejection, 'type' | 'title'> & {
	type: RecordType;
	/** The record's title as this device has it now, else as it was when refused; null if neither. */
	title: string | null;
	/** Whether the record is on this device and not deleted, so that it can be opened. */
	exists: boolean;
	/**
	 * Whether the server has the record. After a refusal the engine pulls the record again, so a
	 * record with no server revision here is one the server never took: it is on this device only.
	 */
	onServer: boolean;
};

/**
 * Changes the server refused (docs/design/sync-protocol.md: nothing is dropped silently), oldest
 * first, each with its record as this device has it now: after the refusal the engine pulled the
 * server's version back.
 */
export async function rejectionList(): Promise<RejectionItem[]> {
	const db = repositories().db;
	const rejections = await db.rejections.orderBy('mutationId').toArray();
	const ids = rejections.map((r) => r.recordId);
	const plans = await db.plans.bulkGet(ids);
	const activities = await db.ownActivities.bulkGet(ids);
	const developmentPlans = await db.developmentPlans.bulkGet(ids);
	const digitalPlans = await db.digitalPlans.bulkGet(ids);
	return rejections.map((r, i) => {
		// A refusal stored before its type was kept: the record says which it was, if it is here.
		const type = r.type ?? (activities[i] && !plans[i] ? 'activity' : 'plan');
		// A person's competence answers: the competence page has them back in its form (ADR 32).
		if (type === 'competenceAnswers') {
			return { ...r, type, title: null, exists: true, onServer: false };
		}
		const record =
			type === 'activity'
				? activities[i]
				: type === 'developmentPlan'
					? developmentPlans[i]
					: type === 'digitalPlan'
						? digitalPlans[i]
						: plans[i];
		return {
			...r,
			type,
			title:
				(record && ('title' in record ? record.title : digitalPlanName(record))) ?? r.title ?? null,
			exists: record !== undefined && record.deletedAt === null,
			onServer: record === undefined || record.syncRev !== undefined
		};
	});
}

/**
 * Sends a record the server never took once more, whole, and takes its refusals off the list:
 * what the server says next is a new answer. False when there was nothing to send.
 */
export async function resendRefused(
	item: Pick<RejectionItem, 'type' | 'recordId'>
): Promise<boolean> {
	const { db, plans } = repositories();
	const sent =
		item.type === 'plan'
			? await plans.resend(item.recordId)
			: item.type === 'activity'
				? await new ActivityRepository(db).resend(item.recordId)
				: item.type === 'developmentPlan'
					? await new DevelopmentPlanRepository(db).resend(item.recordId)
					: item.type === 'digitalPlan'
						? await new DigitalPlanRepository(db).resend(item.recordId)
						: // Competence answers are submitted again from the competence page's form.
							false;
	if (sent) await db.rejections.where('recordId').equals(item.recordId).delete();
	return sent;
}

/** Removes refusals the person has read from the list (and from the badge's count). */
export async function dismissRejections(mutationIds: number[]): Promise<void> {
	await repositories().db.rejections.bulkDelete(mutationIds);
}
