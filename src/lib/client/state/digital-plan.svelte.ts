import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { LekeplanDatabase } from '$lib/client/db';
import {
	DigitalPlanRepository,
	type DigitalPlanSaveResult
} from '$lib/client/db/digital-plan-repository';
import { uuidv7 } from '$lib/domain/ids';
import type { DigitalGoal, DigitalPlan, DigitalPlanContent } from '$lib/domain/digital-plan';

/**
 * The kindergarten's digital plans, one a year (issue 15, ADR 34), on the device's database:
 * pulled with the rest of the kindergarten's records, so staff read them offline; written on a
 * manager's tablet and sent through the outbox. Only the digital plan page imports this.
 */

let current: { db: LekeplanDatabase; repository: DigitalPlanRepository } | undefined;

function repository(): DigitalPlanRepository {
	const { db } = repositories();
	if (current?.db !== db) current = { db, repository: new DigitalPlanRepository(db) };
	return current.repository;
}

export type { DigitalGoal, DigitalPlan, DigitalPlanContent };

export class DigitalPlansState {
	#list = new LiveQuery(() => repository().listActive());

	/** The plans not deleted, the newest year first. */
	get list(): DigitalPlan[] {
		return this.#list.current ?? [];
	}

	get loaded(): boolean {
		return this.#list.loaded;
	}

	get error(): unknown {
		return this.#list.error;
	}

	save(
		content: DigitalPlanContent,
		kindergartenId: string,
		id?: string
	): Promise<DigitalPlanSaveResult> {
		return repository().save(content, kindergartenId, id ? { id } : {});
	}

	remove(id: string): Promise<void> {
		return repository().softDelete(id);
	}
}

export const digitalPlans = new DigitalPlansState();

/** A new plan's form: the given kindergarten year, one empty goal, nothing else yet. */
export function emptyDigitalPlan(year: number): DigitalPlanContent {
	return {
		year,
		goals: [newGoal()],
		staffLearning: '',
		developmentPlanId: null,
		tools: '',
		evaluation: '',
		evaluationDates: []
	};
}

export function newGoal(): DigitalGoal {
	return { id: uuidv7(), text: '', learningAreas: [], clauses: [] };
}

/** A stored plan's content, as the form edits it (no server or device fields). */
export function contentOf(plan: DigitalPlan): DigitalPlanContent {
	return {
		year: plan.year,
		goals: $state.snapshot(plan.goals),
		staffLearning: plan.staffLearning,
		developmentPlanId: plan.developmentPlanId,
		tools: plan.tools,
		evaluation: plan.evaluation,
		evaluationDates: $state.snapshot(plan.evaluationDates)
	};
}
