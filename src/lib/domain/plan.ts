import { z } from 'zod/mini';
import { CLOCK_TIME, isValidDate, minutesOfDay } from './calendar';
import { id } from './organisation';
import { containsPersonalNumber } from './personal-number';
import { STOP_MOTION_PHASES, STOP_MOTION_ROLES } from './library/vocabulary';
import {
	DIGITAL_CLAUSES,
	LEARNING_AREAS,
	PLAN_STATUSES,
	SCREEN_MODES,
	type PlanStatus
} from './vocabulary';

/**
 * The activity plan: the single definition of what a plan is. The forms take their validation
 * messages from it (each issue's message is a reason code that messages/ translates) and
 * everything read back from IndexedDB is parsed with it. It uses zod's "mini" build, whose
 * checks tree-shake: the full build alone would put the first page over its size budget.
 */

export const LIMITS = {
	title: 120,
	goals: 2000,
	description: 4000,
	tool: 60,
	tools: 12,
	privacyText: 1000,
	evaluationText: 2000,
	screenMinutes: 600
} as const;

/** Free text: trimmed, bounded, and never holding a personal identity number (DESIGN.md §5). */
export const freeText = (max: number) =>
	z.string({ error: 'required' }).check(
		z.trim(),
		z.maxLength(max, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	);

const requiredText = (max: number) =>
	freeText(max).check(z.refine((s) => s.length > 0, { error: 'required', abort: true }));

const isoDate = z
	.string({ error: 'required' })
	.check(z.minLength(1, 'required'), z.refine(isValidDate, 'invalid_date'));
const clockTime = z
	.string({ error: 'required' })
	.check(z.minLength(1, 'required'), z.regex(CLOCK_TIME, 'invalid_time'));
const timestamp = z.iso.datetime({ error: 'invalid_timestamp' });

export const evaluationSchema = z.object({
	whatWorked: requiredText(LIMITS.evaluationText),
	participation: freeText(LIMITS.evaluationText),
	followUp: freeText(LIMITS.evaluationText)
});
export type PlanEvaluation = z.infer<typeof evaluationSchema>;

export const privacySchema = z.object({
	/** Will children be photographed or filmed? */
	photographed: z.boolean(),
	/** Where photos or film are stored (an approved system, named). */
	storage: freeText(LIMITS.privacyText),
	/** Specific consent for this situation is in place. */
	consent: z.boolean(),
	notes: freeText(LIMITS.privacyText)
});

/** The fields a person edits. */
export const planContentSchema = z.object({
	groupId: z.pipe(z.string({ error: 'required' }).check(z.minLength(1, 'required')), id),
	title: requiredText(LIMITS.title),
	date: isoDate,
	startTime: clockTime,
	endTime: clockTime,
	goals: freeText(LIMITS.goals),
	description: freeText(LIMITS.description),
	learningAreas: z.array(z.enum(LEARNING_AREAS)).check(z.minLength(1, 'choose_learning_area')),
	clauses: z.array(z.enum(DIGITAL_CLAUSES)),
	tools: z.array(requiredText(LIMITS.tool)).check(z.maxLength(LIMITS.tools, 'too_many')),
	screenMode: z.enum(SCREEN_MODES, { error: 'required' }),
	screenMinutes: z
		.number({ error: 'required' })
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(0, 'negative'),
			z.maximum(LIMITS.screenMinutes, 'too_big')
		),
	adultParticipates: z.boolean(),
	privacy: privacySchema,
	status: z.enum(PLAN_STATUSES),
	evaluation: z.nullable(evaluationSchema)
});
export type PlanContent = z.infer<typeof planContentSchema>;

type RefinementContext = Parameters<Parameters<typeof z.superRefine<PlanContent>>[0]>[1];

/** Rules between fields. Each issue points at the field the message belongs beside. */
function checkPlanRules(plan: PlanContent, ctx: RefinementContext): void {
	const duration = minutesOfDay(plan.endTime) - minutesOfDay(plan.startTime);
	if (duration <= 0) {
		ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'end_before_start' });
	} else if (plan.screenMinutes > duration) {
		ctx.addIssue({ code: 'custom', path: ['screenMinutes'], message: 'exceeds_duration' });
	}
	if (plan.privacy.photographed) {
		if (!plan.privacy.consent) {
			ctx.addIssue({ code: 'custom', path: ['privacy', 'consent'], message: 'consent_required' });
		}
		if (plan.privacy.storage.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['privacy', 'storage'], message: 'storage_required' });
		}
	}
	if (plan.status === 'evaluated' && plan.evaluation === null) {
		ctx.addIssue({ code: 'custom', path: ['status'], message: 'evaluation_required' });
	}
}

const count = (max: number) =>
	z.number().check(z.refine(Number.isInteger, 'not_integer'), z.minimum(1), z.maximum(max));

/** A plan that is one session of a series planned from a stop-motion activity. */
export const planSeriesSchema = z.strictObject({
	id,
	index: count(20),
	count: count(20),
	activityId: z.string().check(z.minLength(1), z.maxLength(80)),
	phase: z.enum(STOP_MOTION_PHASES)
});
export type PlanSeries = z.infer<typeof planSeriesSchema>;

/** The roles children rotate through in a session: counted children, never names. */
export const planRotaSchema = z.strictObject({
	children: count(40),
	roles: z.array(z.enum(STOP_MOTION_ROLES)).check(z.minLength(1))
});
export type PlanRota = z.infer<typeof planRotaSchema>;

export const APPROVAL_DECISIONS = ['approved', 'changesRequested'] as const;

export const planApprovalSchema = z.strictObject({
	decision: z.enum(APPROVAL_DECISIONS),
	/** The manager's display name, as shown to staff. */
	by: freeText(120),
	at: timestamp,
	note: freeText(500)
});
export type PlanApproval = z.infer<typeof planApprovalSchema>;

export const planInputSchema = planContentSchema.check(z.superRefine(checkPlanRules));

export const activityPlanSchema = z
	.extend(planContentSchema, {
		id,
		kindergartenId: id,
		createdAt: timestamp,
		updatedAt: timestamp,
		/** Set when deleted; kept as a tombstone so a delete can be undone and later synced. */
		deletedAt: z.nullable(timestamp),
		// Added after version 1 of the local database: older records have neither.
		series: z.optional(z.nullable(planSeriesSchema)),
		rota: z.optional(z.nullable(planRotaSchema)),
		/** The manager's (styrer's) decision on the plan; only a manager may set it (server-checked). */
		approval: z.optional(z.nullable(planApprovalSchema)),
		/** On a synced device: the server revision this copy is based on (never sent). */
		syncRev: z.optional(z.number().check(z.minimum(0)))
	})
	.check(z.superRefine(checkPlanRules));
export type ActivityPlan = z.infer<typeof activityPlanSchema>;

export function durationMinutes(plan: Pick<PlanContent, 'startTime' | 'endTime'>): number {
	return minutesOfDay(plan.endTime) - minutesOfDay(plan.startTime);
}

export function isActive(plan: Pick<ActivityPlan, 'deletedAt'>): boolean {
	return plan.deletedAt === null;
}

/** A field's problem, as a reason code the UI turns into a sentence, with its limit if any. */
export interface FieldProblem {
	code: string;
	limit?: number;
}
export type FieldProblems = Record<string, FieldProblem>;

/** Flattens zod issues into one problem per field path (`privacy.consent`), first one wins. */
export function problemsOf(error: z.core.$ZodError): FieldProblems {
	const problems: FieldProblems = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String);
		// An issue inside a list item (tools.3) belongs beside the list.
		const key = path.filter((p) => !/^\d+$/.test(p)).join('.') || '_';
		if (problems[key]) continue;
		const limit =
			issue.code === 'too_big'
				? Number(issue.maximum)
				: issue.code === 'too_small'
					? Number(issue.minimum)
					: undefined;
		problems[key] = {
			code: issue.message,
			...(limit !== undefined && Number.isFinite(limit) ? { limit } : {})
		};
	}
	return problems;
}

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
		tools: form.tools
			.split(',')
			.map((t) => t.trim())
			.filter((t) => t.length > 0),
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

/** The status a plan takes when evaluated: evaluating is the last step. */
export const EVALUATED: PlanStatus = 'evaluated';
