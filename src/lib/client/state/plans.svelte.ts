import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import { addDays } from '$lib/domain/calendar';
import type { ActivityPlan, PlanApproval, PlanContent, PlanEvaluation } from '$lib/domain/plan';
import type { SaveResult } from '$lib/client/db';

/** Plans as the pages read and change them. */
export class PlansState {
	/** The plans of one group in the week starting at `monday`, kept live. */
	week(groupId: string, monday: string): LiveQuery<ActivityPlan[]> {
		return new LiveQuery(() =>
			repositories().plans.listForGroup(groupId, monday, addDays(monday, 6))
		);
	}

	/** The plans of one group on one day, kept live (for the guidance in the editor). */
	day(groupId: string, date: string): LiveQuery<ActivityPlan[]> {
		return new LiveQuery(() => repositories().plans.listForGroup(groupId, date, date));
	}

	/** Every plan on the device that is not deleted, kept live. */
	all(): LiveQuery<ActivityPlan[]> {
		return new LiveQuery(() => repositories().plans.listActive());
	}

	one(id: string): LiveQuery<ActivityPlan | null> {
		return new LiveQuery(() => repositories().plans.get(id));
	}

	/** One plan, read once (for an editor's starting point). */
	get(id: string): Promise<ActivityPlan | null> {
		return repositories().plans.get(id);
	}

	create(content: PlanContent, kindergartenId: string, draftKey?: string): Promise<SaveResult> {
		return repositories().plans.create(content, kindergartenId, draftKey);
	}

	update(id: string, content: PlanContent, draftKey?: string): Promise<SaveResult> {
		return repositories().plans.update(id, content, draftKey);
	}

	evaluate(id: string, evaluation: PlanEvaluation, draftKey?: string): Promise<SaveResult> {
		return repositories().plans.evaluate(id, evaluation, draftKey);
	}

	duplicate(id: string, copyTitle: (title: string) => string): Promise<SaveResult> {
		return repositories().plans.duplicate(id, copyTitle);
	}

	setApproval(id: string, approval: PlanApproval | null): Promise<SaveResult> {
		return repositories().plans.setApproval(id, approval);
	}

	remove(id: string): Promise<void> {
		return repositories().plans.softDelete(id);
	}

	restore(id: string): Promise<void> {
		return repositories().plans.restore(id);
	}
}

export const plans = new PlansState();
