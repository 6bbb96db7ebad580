import { z } from 'zod/mini';
import { isValidDate } from './calendar';
import { id } from './organisation';
import { freeText } from './plan';
import type { FieldProblems } from './plan-basics';
import { DIGITAL_CLAUSES, LEARNING_AREAS } from './vocabulary';

export { digitalPlanName, kindergartenYearOf } from './digital-plan-year';

/**
 * The kindergarten's digital plan for a year (issue 15, the strategy's "helhetlige planer",
 * ADR 34): goals tied to the framework plan's learning areas and digital-practice clauses, what
 * the staff will learn (with the competence development plan linked when there is one), the
 * tools and equipment the work relies on, and how and when it is evaluated. One plan per
 * kindergarten per kindergarten year; earlier years stay readable. A synced record
 * (`digitalPlan`) that only a manager writes and everyone in the kindergarten reads, offline
 * too. This is its one definition: the form, the tablet's store and the server parse with it.
 */

export const DIGITAL_PLAN_LIMITS = {
	goal: 500,
	goals: 20,
	staffLearning: 2000,
	tools: 2000,
	evaluation: 2000,
	evaluationDates: 12,
	firstYear: 2000,
	lastYear: 2100
} as const;

const isoDate = z
	.string({ error: 'required' })
	.check(z.minLength(1, 'required'), z.refine(isValidDate, 'invalid_date'));
const timestamp = z.iso.datetime({ error: 'invalid_timestamp' });
const requiredText = (max: number) =>
	freeText(max).check(z.refine((s) => s.length > 0, { error: 'required', abort: true }));

export const digitalGoalSchema = z.strictObject({
	/** Made on the tablet: the form keeps a goal's fields together as goals come and go. */
	id,
	text: requiredText(DIGITAL_PLAN_LIMITS.goal),
	learningAreas: z
		.array(z.enum(LEARNING_AREAS))
		.check(z.minLength(1, 'choose_learning_area'), z.maxLength(LEARNING_AREAS.length, 'too_many')),
	clauses: z.array(z.enum(DIGITAL_CLAUSES)).check(z.maxLength(DIGITAL_CLAUSES.length, 'too_many'))
});
export type DigitalGoal = z.infer<typeof digitalGoalSchema>;

/** The fields the manager writes. */
export const digitalPlanContentSchema = z.strictObject({
	/**
	 * The kindergarten year the plan is for, by the calendar year it starts in (August): 2026 is
	 * the year 2026–2027.
	 */
	year: z
		.int({ error: 'invalid_year' })
		.check(
			z.minimum(DIGITAL_PLAN_LIMITS.firstYear, 'invalid_year'),
			z.maximum(DIGITAL_PLAN_LIMITS.lastYear, 'invalid_year')
		),
	goals: z
		.array(digitalGoalSchema)
		.check(z.minLength(1, 'choose_goal'), z.maxLength(DIGITAL_PLAN_LIMITS.goals, 'too_many')),
	/** What the staff will learn this year. */
	staffLearning: freeText(DIGITAL_PLAN_LIMITS.staffLearning),
	/** The competence development plan (ADR 28) the staff's learning follows, if one. */
	developmentPlanId: z.nullable(id),
	/** The tools and equipment the work relies on (free text for now). */
	tools: freeText(DIGITAL_PLAN_LIMITS.tools),
	/** How the work is evaluated. */
	evaluation: freeText(DIGITAL_PLAN_LIMITS.evaluation),
	/** When it is evaluated. */
	evaluationDates: z
		.array(isoDate)
		.check(z.maxLength(DIGITAL_PLAN_LIMITS.evaluationDates, 'too_many'))
});
export type DigitalPlanContent = z.infer<typeof digitalPlanContentSchema>;

type RefinementContext = Parameters<Parameters<typeof z.superRefine<DigitalPlanContent>>[0]>[1];

/** Rules between fields; each issue points at the field its message belongs beside. */
function checkRules(plan: DigitalPlanContent, ctx: RefinementContext): void {
	const ids = plan.goals.map((g) => g.id);
	plan.goals.forEach((g, i) => {
		if (ids.indexOf(g.id) !== i) {
			ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: 'duplicate' });
		}
		for (const list of ['learningAreas', 'clauses'] as const) {
			if (new Set(g[list]).size !== g[list].length) {
				ctx.addIssue({ code: 'custom', path: ['goals', i, list], message: 'duplicate' });
			}
		}
	});
	plan.evaluationDates.forEach((d, i) => {
		if (plan.evaluationDates.indexOf(d) !== i) {
			ctx.addIssue({ code: 'custom', path: ['evaluationDates', i], message: 'duplicate' });
		}
	});
}

export const digitalPlanInputSchema = digitalPlanContentSchema.check(z.superRefine(checkRules));

export const digitalPlanSchema = z
	.extend(digitalPlanContentSchema, {
		id,
		kindergartenId: id,
		createdAt: timestamp,
		updatedAt: timestamp,
		/** Set when deleted; kept as a tombstone so a delete can be undone and synced. */
		deletedAt: z.nullable(timestamp),
		/** On a synced device: the server revision this copy is based on (never sent). */
		syncRev: z.optional(z.number().check(z.minimum(0)))
	})
	.check(z.superRefine(checkRules));
export type DigitalPlan = z.infer<typeof digitalPlanSchema>;

/**
 * The form's problems, one per field path, with the list positions kept (`goals.2.text`), so
 * each message goes beside its own goal's field.
 */
export function digitalPlanProblems(input: unknown): FieldProblems | null {
	const parsed = digitalPlanInputSchema.safeParse(input);
	if (parsed.success) return null;
	const problems: FieldProblems = {};
	for (const issue of parsed.error.issues) {
		const key = issue.path.map(String).join('.') || '_';
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

/** The plans as they are read: the newest year first. */
export function byYear(a: DigitalPlan, b: DigitalPlan): number {
	return b.year - a.year || a.createdAt.localeCompare(b.createdAt);
}
