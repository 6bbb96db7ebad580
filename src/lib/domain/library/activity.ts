import { z } from 'zod/mini';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES } from '../vocabulary';
import { LIBRARY_TOOLS, SETTINGS, STOP_MOTION_PHASES } from './vocabulary';
import { containsPersonalNumber } from '../personal-number';
import { ACTIVITY_SLUG, webUrl } from '../plan';

/**
 * Library activities: templates staff plan from. Built-in activities ship in every locale the
 * app ships (nb, nn, en); the build fails when one lacks a field or a locale (see check.ts,
 * run by vite.config.ts). A kindergarten's own activities are written in one language.
 */

export {
	CONTENT_LOCALES,
	LIBRARY_TOOLS,
	SETTINGS,
	STOP_MOTION_PHASES,
	STOP_MOTION_ROLES,
	type ActivitySetting,
	type ContentLocale,
	type LibraryTool,
	type StopMotionPhase,
	type StopMotionRole
} from './vocabulary';

const text = (max: number) =>
	z.string({ error: 'required' }).check(
		z.trim(),
		z.minLength(1, 'required'),
		z.maxLength(max, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	);

/** One text in every shipped locale. A missing locale is an error, not a fallback. */
const localized = (max: number) => z.strictObject({ nb: text(max), nn: text(max), en: text(max) });
const localizedList = (max: number) =>
	z.array(localized(max)).check(z.minLength(1, 'required'), z.maxLength(20, 'too_many'));

const wholeNumber = (min: number, max: number) =>
	z
		.number({ error: 'required' })
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(min, 'too_small'),
			z.maximum(max, 'too_big')
		);

const slug = z.string().check(z.regex(ACTIVITY_SLUG, 'invalid_id'));

export const activityPhaseSchema = z.strictObject({
	phase: z.enum(STOP_MOTION_PHASES),
	title: localized(120),
	minutes: wholeNumber(5, 240),
	screenMode: z.enum(SCREEN_MODES),
	screenMinutes: wholeNumber(0, 240),
	/** Whether children rotate roles in this session (shown with the rota). */
	rotatesRoles: z.boolean()
});

export const builtInActivitySchema = z
	.strictObject({
		id: slug,
		kind: z.enum(['codingToy', 'stopMotion']),
		tool: z.enum(LIBRARY_TOOLS),
		title: localized(120),
		summary: localized(400),
		ageMin: wholeNumber(0, 5),
		ageMax: wholeNumber(1, 6),
		groupSizeMin: wholeNumber(1, 30),
		groupSizeMax: wholeNumber(1, 30),
		/** Minutes of one session. */
		durationMinutes: wholeNumber(5, 240),
		setting: z.enum(SETTINGS),
		materials: localizedList(200),
		steps: localizedList(600),
		learningAreas: z.array(z.enum(LEARNING_AREAS)).check(z.minLength(1, 'required')),
		clauses: z.array(z.enum(DIGITAL_CLAUSES)).check(z.minLength(1, 'required')),
		screenMode: z.enum(SCREEN_MODES),
		/** Screen minutes of one session. */
		screenMinutes: wholeNumber(0, 240),
		adultParticipates: z.boolean(),
		talkAbout: localizedList(300),
		staffTips: localizedList(400),
		privacy: localized(600),
		/** Where it is adapted from, if anywhere. */
		source: z.nullable(z.strictObject({ title: text(200), url: webUrl })),
		/** Stop-motion only: one session per phase, in order. */
		phases: z.optional(z.array(activityPhaseSchema))
	})
	.check(
		z.superRefine((a, ctx) => {
			if (a.ageMax <= a.ageMin) {
				ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'age_max_before_min' });
			}
			if (a.groupSizeMax < a.groupSizeMin) {
				ctx.addIssue({ code: 'custom', path: ['groupSizeMax'], message: 'too_small' });
			}
			if (a.screenMinutes > a.durationMinutes) {
				ctx.addIssue({ code: 'custom', path: ['screenMinutes'], message: 'exceeds_duration' });
			}
			if (a.kind === 'stopMotion') {
				const phases = a.phases?.map((p) => p.phase) ?? [];
				const inOrder = STOP_MOTION_PHASES.filter((p) => phases.includes(p));
				if (phases.length < 4 || phases.join() !== inOrder.join()) {
					ctx.addIssue({ code: 'custom', path: ['phases'], message: 'phases_out_of_order' });
				}
				if (a.tool !== 'stop-motion') {
					ctx.addIssue({ code: 'custom', path: ['tool'], message: 'invalid_tool' });
				}
			} else if (a.phases !== undefined) {
				ctx.addIssue({ code: 'custom', path: ['phases'], message: 'phases_only_stop_motion' });
			}
		})
	);
export type BuiltInActivity = z.infer<typeof builtInActivitySchema>;
export type ActivityPhase = z.infer<typeof activityPhaseSchema>;
