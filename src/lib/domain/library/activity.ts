import { z } from 'zod/mini';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES } from '../vocabulary';
import {
	LIBRARY_TOOLS,
	SETTINGS,
	STOP_MOTION_PHASES,
	type StopMotionPhase as StopMotionPhaseId
} from './vocabulary';
import { containsPersonalNumber } from '../personal-number';
import { webUrl } from '../plan';

/**
 * The files of a built-in activity (content/<id>/, docs/CONTRIBUTING.md, ADR 19): its facts
 * (`facts.json`: what has no language) and its texts, one file per locale (`nb.json`, …).
 * Every locale the app ships (nb, nn, en) must have every text: the build fails otherwise
 * (check.ts, run by vite.config.ts). A further locale may be partial; what it lacks is shown
 * in bokmål and marked as not yet translated (content.ts).
 */

export {
	BASE_LOCALE,
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
const textList = (max: number) =>
	z
		.array(text(max), { error: 'required' })
		.check(z.minLength(1, 'required'), z.maxLength(20, 'too_many'));

const wholeNumber = (min: number, max: number) =>
	z
		.number({ error: 'required' })
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(min, 'too_small'),
			z.maximum(max, 'too_big')
		);

/** An activity's id: the name of its folder. */
export const ACTIVITY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const reference = z.strictObject({ title: text(200), url: webUrl });

export const phaseFactsSchema = z.strictObject({
	phase: z.enum(STOP_MOTION_PHASES),
	minutes: wholeNumber(5, 240),
	screenMode: z.enum(SCREEN_MODES),
	screenMinutes: wholeNumber(0, 240),
	/** Whether children rotate roles in this session (shown with the rota). */
	rotatesRoles: z.boolean()
});

/** `facts.json`: what an activity is, in no language. */
export const activityFactsSchema = z
	.strictObject({
		kind: z.enum(['codingToy', 'stopMotion']),
		tool: z.enum(LIBRARY_TOOLS),
		ageMin: wholeNumber(0, 5),
		ageMax: wholeNumber(1, 6),
		groupSizeMin: wholeNumber(1, 30),
		groupSizeMax: wholeNumber(1, 30),
		/** Minutes of one session. */
		durationMinutes: wholeNumber(5, 240),
		setting: z.enum(SETTINGS),
		learningAreas: z
			.array(z.enum(LEARNING_AREAS), { error: 'required' })
			.check(z.minLength(1, 'required')),
		clauses: z
			.array(z.enum(DIGITAL_CLAUSES), { error: 'required' })
			.check(z.minLength(1, 'required')),
		screenMode: z.enum(SCREEN_MODES),
		/** Screen minutes of one session. */
		screenMinutes: wholeNumber(0, 240),
		adultParticipates: z.boolean(),
		/** Where it is adapted from, if anywhere (shown with the activity). */
		source: z.nullable(reference),
		/**
		 * Where the facts about a toy that its texts state (steps, turns, memory, ages) come
		 * from: the maker's manual or page, for whoever checks or translates them.
		 */
		factSources: z.optional(
			z
				.array(z.strictObject({ fact: text(200), ...reference.shape }))
				.check(z.minLength(1, 'required'))
		),
		/** Stop-motion only: one session per phase, in order. */
		phases: z.optional(z.array(phaseFactsSchema))
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
export type ActivityFacts = z.infer<typeof activityFactsSchema>;
export type PhaseFacts = z.infer<typeof phaseFactsSchema>;

/** The texts of an activity, the fields a translator translates. */
export const TEXT_FIELDS = [
	'title',
	'summary',
	'goals',
	'materials',
	'steps',
	'talkAbout',
	'staffTips',
	'privacy',
	'phases'
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Each phase's title, by the phase's id (stop-motion only; an object, not `z.record()`: see below). */
const phaseTitles = z.strictObject(
	Object.fromEntries(STOP_MOTION_PHASES.map((p) => [p, z.optional(text(120))])) as Record<
		StopMotionPhaseId,
		z.ZodMiniOptional<ReturnType<typeof text>>
	>
);

const textFields = {
	title: text(120),
	summary: text(400),
	/** What the children learn or practise, tied to its learning areas: a plan's goals. */
	goals: textList(300),
	materials: textList(200),
	steps: textList(600),
	talkAbout: textList(300),
	staffTips: textList(400),
	privacy: text(600),
	/** Stop-motion only: each phase's title, by the phase's id in `facts.json`. */
	phases: z.optional(phaseTitles)
};

/** `<locale>.json` of a locale the app ships: every text. */
export const activityTextsSchema = z.strictObject(textFields);
export type ActivityTexts = z.infer<typeof activityTextsSchema>;

/**
 * `<locale>.json` of a further locale: any of the texts, each complete where present. (Written
 * out rather than `z.partial()`, which would bring more of zod into the first page's chunk.)
 */
export const partialActivityTextsSchema = z.strictObject({
	title: z.optional(textFields.title),
	summary: z.optional(textFields.summary),
	goals: z.optional(textFields.goals),
	materials: z.optional(textFields.materials),
	steps: z.optional(textFields.steps),
	talkAbout: z.optional(textFields.talkAbout),
	staffTips: z.optional(textFields.staffTips),
	privacy: z.optional(textFields.privacy),
	phases: textFields.phases
});
export type PartialActivityTexts = z.infer<typeof partialActivityTextsSchema>;

/**
 * Where texts and facts disagree, as [field, problem]: phase titles for exactly the facts'
 * phases (`complete`: the texts of a shipped locale, which must have them), and, given the
 * bokmål texts, as many items in each list as bokmål has.
 */
export function textsAgainstFacts(
	texts: PartialActivityTexts,
	facts: ActivityFacts,
	options: { complete: boolean; base?: ActivityTexts }
): Array<[string, string]> {
	const problems: Array<[string, string]> = [];
	const phases = facts.phases?.map((p) => p.phase) ?? [];
	const base = options.base;
	if (texts.phases === undefined) {
		if (options.complete && phases.length > 0) problems.push(['phases', 'required']);
	} else {
		if (phases.length === 0) problems.push(['phases', 'phases_only_stop_motion']);
		for (const phase of phases) {
			if (texts.phases[phase] === undefined) problems.push([`phases.${phase}`, 'required']);
		}
		for (const phase of Object.keys(texts.phases)) {
			if (!(phases as string[]).includes(phase))
				problems.push([`phases.${phase}`, 'unknown phase']);
		}
	}
	if (base) {
		for (const field of ['goals', 'materials', 'steps', 'talkAbout', 'staffTips'] as const) {
			const items = texts[field];
			if (items && items.length !== base[field].length) {
				problems.push([field, `${items.length} items, bokmål has ${base[field].length}`]);
			}
		}
	}
	return problems;
}
