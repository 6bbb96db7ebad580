import { z } from 'zod/mini';
import { isValidDate } from '../calendar';
import { id } from '../organisation';
import { freeText } from '../plan';
import type { FieldProblems } from '../plan-basics';
import { COMPETENCE_AREAS, PERIOD } from './item-bank';

/**
 * The kindergarten's competence development plan (issue 14, ADR 28): the manager picks focus
 * areas from the gaps of the competence review, and plans actions for them, each with who is
 * responsible (a role, or a name if the manager wishes), dates and a status. A synced record
 * (`developmentPlan`): only a manager writes it, everyone in the kindergarten reads it, offline
 * too. This is its one definition: the form, the tablet's store and the server all parse with it.
 */

export const DEVELOPMENT_PLAN_LIMITS = {
	title: 120,
	why: 500,
	actionTitle: 200,
	responsibleName: 120,
	notes: 2000,
	focusAreas: COMPETENCE_AREAS.length,
	itemsPerArea: 12,
	actions: 30
} as const;

/** Where the plan stands: being written, in force, or done with. */
export const DEVELOPMENT_PLAN_STATUSES = ['draft', 'active', 'completed'] as const;
export type DevelopmentPlanStatus = (typeof DEVELOPMENT_PLAN_STATUSES)[number];

/** Where one action stands. */
export const ACTION_STATUSES = ['planned', 'underway', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Who is responsible for an action, as a role: the plan names no person unless the manager
 * chooses to (then `responsibleRole` is null and `responsibleName` holds the name).
 */
export const RESPONSIBLE_ROLES = ['manager', 'pedagogicalLeaders', 'allStaff', 'owner'] as const;
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isoDate = z
	.string({ error: 'required' })
	.check(z.minLength(1, 'required'), z.refine(isValidDate, 'invalid_date'));
const timestamp = z.iso.datetime({ error: 'invalid_timestamp' });
const requiredText = (max: number) =>
	freeText(max).check(z.refine((s) => s.length > 0, { error: 'required', abort: true }));

export const focusAreaSchema = z.strictObject({
	area: z.enum(COMPETENCE_AREAS, { error: 'required' }),
	/** The review's items in the area the plan aims at (its gaps, when the review showed them). */
	itemIds: z
		.array(z.string().check(z.maxLength(60, 'too_long'), z.regex(ITEM_ID, 'invalid_id')))
		.check(z.maxLength(DEVELOPMENT_PLAN_LIMITS.itemsPerArea, 'too_many')),
	/** Why this area: what the review showed, in the manager's words. */
	why: freeText(DEVELOPMENT_PLAN_LIMITS.why)
});
export type FocusArea = z.infer<typeof focusAreaSchema>;

export const planActionSchema = z.strictObject({
	/** Made on the tablet: the form keeps an action's fields together as actions come and go. */
	id,
	title: requiredText(DEVELOPMENT_PLAN_LIMITS.actionTitle),
	/** The focus area it serves, if one. */
	area: z.nullable(z.enum(COMPETENCE_AREAS)),
	responsibleRole: z.nullable(z.enum(RESPONSIBLE_ROLES)),
	responsibleName: freeText(DEVELOPMENT_PLAN_LIMITS.responsibleName),
	start: isoDate,
	end: isoDate,
	status: z.enum(ACTION_STATUSES, { error: 'required' })
});
export type PlanAction = z.infer<typeof planActionSchema>;

/** The fields the manager writes. */
export const developmentPlanContentSchema = z.strictObject({
	title: requiredText(DEVELOPMENT_PLAN_LIMITS.title),
	/** The review period the focus areas were picked from. */
	period: z.string({ error: 'required' }).check(z.regex(PERIOD, 'invalid_period')),
	startDate: isoDate,
	endDate: isoDate,
	status: z.enum(DEVELOPMENT_PLAN_STATUSES, { error: 'required' }),
	focusAreas: z
		.array(focusAreaSchema)
		.check(
			z.minLength(1, 'choose_focus_area'),
			z.maxLength(DEVELOPMENT_PLAN_LIMITS.focusAreas, 'too_many')
		),
	actions: z
		.array(planActionSchema)
		.check(z.maxLength(DEVELOPMENT_PLAN_LIMITS.actions, 'too_many')),
	notes: freeText(DEVELOPMENT_PLAN_LIMITS.notes)
});
export type DevelopmentPlanContent = z.infer<typeof developmentPlanContentSchema>;

type RefinementContext = Parameters<Parameters<typeof z.superRefine<DevelopmentPlanContent>>[0]>[1];

/** Rules between fields; each issue points at the field its message belongs beside. */
function checkRules(plan: DevelopmentPlanContent, ctx: RefinementContext): void {
	if (plan.endDate < plan.startDate) {
		ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
	}
	const areas = plan.focusAreas.map((f) => f.area);
	plan.focusAreas.forEach((f, i) => {
		if (areas.indexOf(f.area) !== i) {
			ctx.addIssue({ code: 'custom', path: ['focusAreas', i, 'area'], message: 'duplicate' });
		}
	});
	const ids = plan.actions.map((a) => a.id);
	plan.actions.forEach((a, i) => {
		if (ids.indexOf(a.id) !== i) {
			ctx.addIssue({ code: 'custom', path: ['actions', i, 'id'], message: 'duplicate' });
		}
		if (a.end < a.start) {
			ctx.addIssue({ code: 'custom', path: ['actions', i, 'end'], message: 'end_before_start' });
		}
		if (a.area !== null && !areas.includes(a.area)) {
			ctx.addIssue({ code: 'custom', path: ['actions', i, 'area'], message: 'not_a_focus_area' });
		}
		if (a.responsibleRole === null && a.responsibleName === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['actions', i, 'responsibleName'],
				message: 'responsible_required'
			});
		}
		if (a.responsibleRole !== null && a.responsibleName !== '') {
			ctx.addIssue({
				code: 'custom',
				path: ['actions', i, 'responsibleName'],
				message: 'role_or_name'
			});
		}
	});
}

export const developmentPlanInputSchema = developmentPlanContentSchema.check(
	z.superRefine(checkRules)
);

export const developmentPlanSchema = z
	.extend(developmentPlanContentSchema, {
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
export type DevelopmentPlan = z.infer<typeof developmentPlanSchema>;

/**
 * The form's problems, one per field path, with the list positions kept (`actions.2.title`),
 * so each message goes beside its own action's field.
 */
export function developmentPlanProblems(input: unknown): FieldProblems | null {
	const parsed = developmentPlanInputSchema.safeParse(input);
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

/**
 * The areas a manager is offered as focus areas, gaps first: the review's gap items grouped by
 * area (in the bank's order of areas), then every other area. Pure, from the review's figures.
 */
export function focusChoices(
	gapItems: readonly { itemId: string; area: string }[]
): { area: (typeof COMPETENCE_AREAS)[number]; gapItemIds: string[] }[] {
	const withGaps = COMPETENCE_AREAS.map((area) => ({
		area,
		gapItemIds: gapItems.filter((g) => g.area === area).map((g) => g.itemId)
	}));
	return [
		...withGaps.filter((c) => c.gapItemIds.length > 0),
		...withGaps.filter((c) => c.gapItemIds.length === 0)
	];
}

/** The plans as a staff member reads them: live first (active, draft, completed), newest first. */
export function byStanding(a: DevelopmentPlan, b: DevelopmentPlan): number {
	const rank = (p: DevelopmentPlan) => DEVELOPMENT_PLAN_STATUSES.indexOf(p.status);
	const order = [1, 0, 2];
	return (
		order[rank(a)]! - order[rank(b)]! ||
		b.startDate.localeCompare(a.startDate) ||
		a.title.localeCompare(b.title, 'nb')
	);
}
