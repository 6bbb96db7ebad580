import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { LekeplanDatabase } from '$lib/client/db';
import {
	DevelopmentPlanRepository,
	type DevelopmentPlanSaveResult
} from '$lib/client/db/development-plan-repository';
import { addDays } from '$lib/domain/calendar';
import { uuidv7 } from '$lib/domain/ids';
import type {
	DevelopmentPlan,
	DevelopmentPlanContent,
	PlanAction
} from '$lib/domain/competence/development-plan';

/**
 * The kindergarten's competence development plans (issue 14, ADR 28), on the device's database:
 * pulled with the rest of the kindergarten's records, so staff read them offline; written on a
 * manager's tablet and sent through the outbox. Only the development plan page imports this.
 */

let current: { db: LekeplanDatabase; repository: DevelopmentPlanRepository } | undefined;

function repository(): DevelopmentPlanRepository {
	const { db } = repositories();
	if (current?.db !== db) current = { db, repository: new DevelopmentPlanRepository(db) };
	return current.repository;
}

export type { DevelopmentPlan, DevelopmentPlanContent, PlanAction };

export class DevelopmentPlansState {
	#list = new LiveQuery(() => repository().listActive());

	/** The plans not deleted, live ones first. */
	get list(): DevelopmentPlan[] {
		return this.#list.current ?? [];
	}

	get loaded(): boolean {
		return this.#list.loaded;
	}

	get error(): unknown {
		return this.#list.error;
	}

	save(
		content: DevelopmentPlanContent,
		kindergartenId: string,
		id?: string
	): Promise<DevelopmentPlanSaveResult> {
		return repository().save(content, kindergartenId, id ? { id } : {});
	}

	remove(id: string): Promise<void> {
		return repository().softDelete(id);
	}

	restore(id: string): Promise<void> {
		return repository().restore(id);
	}
}

export const developmentPlans = new DevelopmentPlansState();

/** A new plan's form: this period's review, from today for a year, no focus yet. */
export function emptyDevelopmentPlan(period: string, today: string): DevelopmentPlanContent {
	return {
		title: '',
		period,
		startDate: today,
		endDate: addDays(today, 364),
		status: 'draft',
		focusAreas: [],
		actions: [],
		notes: ''
	};
}

/** A new action: responsible as a role (the manager), from the plan's start, planned. */
export function newAction(plan: Pick<DevelopmentPlanContent, 'startDate' | 'endDate'>): PlanAction {
	return {
		id: uuidv7(),
		title: '',
		area: null,
		responsibleRole: 'manager',
		responsibleName: '',
		start: plan.startDate,
		end: plan.endDate,
		status: 'planned'
	};
}

/** A stored plan's content, as the form edits it (no server or device fields). */
export function contentOf(plan: DevelopmentPlan): DevelopmentPlanContent {
	return {
		title: plan.title,
		period: plan.period,
		startDate: plan.startDate,
		endDate: plan.endDate,
		status: plan.status,
		focusAreas: $state.snapshot(plan.focusAreas),
		actions: $state.snapshot(plan.actions),
		notes: plan.notes
	};
}
