import { DraftedForm } from './drafted-form.svelte';
import type { FieldProblems, PlanContent, PlanEvaluation } from '$lib/domain/plan';
import { parseEvaluation, parsePlanForm, type PlanForm } from '$lib/domain/plan-form';
import {
	parseActivityForm,
	type ActivityContent,
	type ActivityForm
} from '$lib/domain/library/library-activity';

/** The plan form while someone types: drafted as they go, validated on save. */
export class PlanEditor extends DraftedForm<PlanForm> {
	problems = $state<FieldProblems>({});
	saving = $state(false);
	#triedToSave = false;

	constructor(
		planId: string | undefined,
		initial: PlanForm,
		private readonly evaluation: PlanEvaluation | null = null,
		draftKey?: string
	) {
		super(draftKey ?? `plan:${planId ?? 'new'}`, initial);
	}

	override changed(): void {
		super.changed();
		// Once a save has failed, messages follow the typing so a fixed field clears at once.
		if (this.#triedToSave) this.validate();
	}

	override async discardDraft(): Promise<void> {
		await super.discardDraft();
		this.problems = {};
	}

	validate(): PlanContent | null {
		const result = parsePlanForm($state.snapshot(this.form), this.evaluation);
		this.problems = result.ok ? {} : result.problems;
		return result.ok ? result.content : null;
	}

	/**
	 * Validates and hands the content to `persist`. Returns null when the form has problems
	 * (they are in `problems`), otherwise what `persist` returned.
	 */
	async submit<T>(
		persist: (content: PlanContent, draftKey: string) => Promise<T>
	): Promise<T | null> {
		this.#triedToSave = true;
		const content = this.validate();
		if (!content) return null;
		this.settle();
		this.saving = true;
		try {
			return await persist(content, this.draftKey);
		} finally {
			this.saving = false;
		}
	}
}

export interface EvaluationForm {
	whatWorked: string;
	participation: string;
	followUp: string;
}

/** The evaluation form, drafted like the plan form. */
export class EvaluationEditor extends DraftedForm<EvaluationForm> {
	problems = $state<FieldProblems>({});

	constructor(planId: string, initial: PlanEvaluation | null) {
		super(`evaluation:${planId}`, {
			whatWorked: initial?.whatWorked ?? '',
			participation: initial?.participation ?? '',
			followUp: initial?.followUp ?? ''
		});
	}

	async submit<T>(
		persist: (evaluation: PlanEvaluation, draftKey: string) => Promise<T>
	): Promise<T | null> {
		const parsed = parseEvaluation($state.snapshot(this.form));
		if (!parsed.ok) {
			this.problems = parsed.problems;
			return null;
		}
		this.problems = {};
		this.settle();
		return persist(parsed.evaluation, this.draftKey);
	}
}

/** The own-activity form, drafted like the plan form. */
export class ActivityEditor extends DraftedForm<ActivityForm> {
	problems = $state<FieldProblems>({});
	saving = $state(false);

	constructor(
		draftKey: string,
		initial: ActivityForm,
		private readonly base?: Pick<ActivityContent, 'kind' | 'phases' | 'source'>
	) {
		super(draftKey, initial);
	}

	async submit<T>(
		persist: (content: ActivityContent, draftKey: string) => Promise<T>
	): Promise<T | null> {
		const parsed = parseActivityForm($state.snapshot(this.form), this.base);
		if (!parsed.ok) {
			this.problems = parsed.problems;
			return null;
		}
		this.problems = {};
		this.settle();
		this.saving = true;
		try {
			return await persist(parsed.content, this.draftKey);
		} finally {
			this.saving = false;
		}
	}
}
