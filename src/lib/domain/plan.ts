import { z } from 'zod/mini';
import { CLOCK_TIME, isValidDate, minutesOfDay } from './calendar';
import { LIMITS } from './plan-basics';
import { isUuid } from './ids';
import { id } from './organisation';
import { containsPersonalNumber } from './personal-number';
import { STOP_MOTION_PHASES, STOP_MOTION_ROLES } from './library/vocabulary';
import { DIGITAL_CLAUSES, LEARNING_AREAS, PLAN_STATUSES, SCREEN_MODES } from './vocabulary';

/**
 * The activity plan: the single definition of what a plan is. The forms take their validation
 * messages from it (each issue's message is a reason code that messages/ translates) and
 * everything read back from IndexedDB is parsed with it. It uses zod's "mini" build, whose
 * checks tree-shake: the full build alone would put the first page over its size budget.
 */

/**
 * Free text: trimmed, bounded, and never holding a personal identity number
 * (docs/design/security.md).
 */
export const freeText = (max: number) =>
	z.string({ error: 'required' }).check(
		z.trim(),
		z.maxLength(max, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	);

const requiredText = (max: number) =>
	freeText(max).check(z.refine((s) => s.length > 0, { error: 'required', abort: true }));

/** A built-in activity's id (`bee-bot-lopet`): lower-case letters and digits, hyphenated. */
export const ACTIVITY_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The activity a plan or a copy comes from: a built-in activity's slug or an own activity's
 * UUID. An id, never free text: it has an id's shape, and a slug holds no identity number
 * (a UUID's digits are random, so it is not read for one).
 */
export const activityRef = z.string().check(
	z.maxLength(80, 'too_long'),
	z.refine((s) => ACTIVITY_SLUG.test(s), { error: 'invalid_id', abort: true }),
	z.refine((s) => isUuid(s) || !containsPersonalNumber(s), 'personal_number')
);

/** A link to a web page: http or https, bounded, and no identity number in it, encoded or not. */
export const webUrl = z.url({ protocol: /^https?$/, error: 'invalid_url' }).check(
	z.maxLength(2000, 'too_long'),
	z.refine(
		(s) => !containsPersonalNumber(s) && !containsPersonalNumber(decoded(s)),
		'personal_number'
	)
);

function decoded(url: string): string {
	try {
		return decodeURIComponent(url);
	} catch {
		return url;
	}
}

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
	activityId: activityRef,
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
		/**
		 * When staff first changed the content of an approved plan after the approval, for the
		 * manager to see; written by the server only, cleared by the next decision (ADR 23).
		 */
		changedSinceApproval: z.optional(z.nullable(timestamp)),
		/** On a synced device: the server revision this copy is based on (never sent). */
		syncRev: z.optional(z.number().check(z.minimum(0)))
	})
	.check(z.superRefine(checkPlanRules));
export type ActivityPlan = z.infer<typeof activityPlanSchema>;

export {
	EVALUATED,
	LIMITS,
	byTimeOfDay,
	durationMinutes,
	evaluationOpen,
	isActive,
	problemsOf,
	type FieldProblem,
	type FieldProblems
} from './plan-basics';
