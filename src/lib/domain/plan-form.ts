import {
	evaluationSchema,
	planInputSchema,
	problemsOf,
	type FieldProblems,
	type PlanContent,
	type PlanEvaluation
} from './plan';

/*
 * The plan form and the evaluation form as typed, and their validation against the plan's
 * schema (plan.ts). Apart from plan.ts, which every page needs to read plans: only the editors
 * use these.
 */

/**
 * What the plan form holds while a person types: strings and booleans, exactly as entered. It
 * is what drafts store, so a half-typed plan survives a closed tablet even when it is invalid.
 */
export interface PlanForm {
	groupId: string;
	title: string;
	date: string;
	startTime: string;
	endTime: string;
	goals: string;
	description: string;
	learningAreas: string[];
	clauses: string[];
	tools: string;
	screenMode: string;
	screenMinutes: string;
	adultParticipates: boolean;
	photographed: boolean;
	storage: string;
	consent: boolean;
	privacyNotes: string;
	status: string;
}

export function emptyPlanForm(groupId: string, date: string): PlanForm {
	return {
		groupId,
		title: '',
		date,
		startTime: '09:30',
		endTime: '10:15',
		goals: '',
		description: '',
		learningAreas: [],
		clauses: [],
		tools: '',
		screenMode: 'screenFree',
		screenMinutes: '0',
		adultParticipates: true,
		photographed: false,
		storage: '',
		consent: false,
		privacyNotes: '',
		status: 'draft'
	};
}

export function planToForm(plan: PlanContent): PlanForm {
	return {
		groupId: plan.groupId,
		title: plan.title,
		date: plan.date,
		startTime: plan.startTime,
		endTime: plan.endTime,
		goals: plan.goals,
		description: plan.description,
		learningAreas: [...plan.learningAreas],
		clauses: [...plan.clauses],
		tools: plan.tools.join(', '),
		screenMode: plan.screenMode,
		screenMinutes: String(plan.screenMinutes),
		adultParticipates: plan.adultParticipates,
		photographed: plan.privacy.photographed,
		storage: plan.privacy.storage,
		consent: plan.privacy.consent,
		privacyNotes: plan.privacy.notes,
		status: plan.status
	};
}

/**
 * Whole minutes as typed. Empty is "required"; text that is not a plain number (`abc`, `1e1`)
 * becomes NaN here and is reported as "not a whole number" by parsePlanForm.
 */
function parseMinutes(text: string): number {
	const trimmed = text.trim().replace(',', '.');
	return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The tools as typed in the form's one field: comma-separated, blanks dropped. */
export function toolsOf(text: string): string[] {
	return text
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t.length > 0);
}

export type PlanFormResult =
	{ ok: true; content: PlanContent } | { ok: false; problems: FieldProblems };

/**
 * Validates what was typed. `evaluation` is carried over from the stored plan: the evaluation
 * is written on its own page.
 */
export function parsePlanForm(
	form: PlanForm,
	evaluation: PlanEvaluation | null = null
): PlanFormResult {
	const candidate = {
		groupId: form.groupId,
		title: form.title,
		date: form.date,
		startTime: form.startTime,
		endTime: form.endTime,
		goals: form.goals,
		description: form.description,
		learningAreas: form.learningAreas,
		clauses: form.clauses,
		tools: toolsOf(form.tools),
		screenMode: form.screenMode,
		screenMinutes: parseMinutes(form.screenMinutes),
		adultParticipates: form.adultParticipates,
		privacy: {
			photographed: form.photographed,
			storage: form.storage,
			consent: form.consent,
			notes: form.privacyNotes
		},
		status: form.status,
		evaluation
	};
	const parsed = planInputSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, content: parsed.data };
	const problems = problemsOf(parsed.error);
	if (form.screenMinutes.trim() !== '' && Number.isNaN(candidate.screenMinutes)) {
		problems['screenMinutes'] = { code: 'not_integer' };
	}
	return { ok: false, problems };
}

export type EvaluationResult =
	{ ok: true; evaluation: PlanEvaluation } | { ok: false; problems: FieldProblems };

export function parseEvaluation(input: unknown): EvaluationResult {
	const parsed = evaluationSchema.safeParse(input);
	return parsed.success
		? { ok: true, evaluation: parsed.data }
		: { ok: false, problems: problemsOf(parsed.error) };
}
