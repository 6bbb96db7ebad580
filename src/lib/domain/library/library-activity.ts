import { z } from 'zod/mini';
import { LIBRARY_TOOLS, SETTINGS, STOP_MOTION_PHASES } from './vocabulary';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES } from '../vocabulary';
import { activityRef, freeText, problemsOf, webUrl, type FieldProblems } from '../plan';
import { id } from '../organisation';
import type { TextField } from './activity';

/**
 * An activity as staff read and use it: in one language. Built-in activities are localized
 * into this shape for the locale shown; a kindergarten's own activities are stored in it.
 */

const requiredText = (max: number) =>
	freeText(max).check(z.refine((s) => s.length > 0, { error: 'required', abort: true }));
const lines = (max: number) =>
	z.array(requiredText(max)).check(z.minLength(1, 'required'), z.maxLength(20, 'too_many'));
const wholeNumber = (min: number, max: number) =>
	z
		.number({ error: 'required' })
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(min, 'too_small'),
			z.maximum(max, 'too_big')
		);

export const LIMITS = {
	title: 120,
	summary: 400,
	goal: 300,
	material: 200,
	step: 600,
	talk: 300,
	tip: 400,
	privacy: 600
} as const;

const phaseSchema = z.strictObject({
	phase: z.enum(STOP_MOTION_PHASES),
	title: requiredText(LIMITS.title),
	minutes: wholeNumber(5, 240),
	screenMode: z.enum(SCREEN_MODES),
	screenMinutes: wholeNumber(0, 240),
	rotatesRoles: z.boolean()
});

const activityFields = {
	kind: z.enum(['codingToy', 'stopMotion']),
	tool: z.enum(LIBRARY_TOOLS, { error: 'required' }),
	title: requiredText(LIMITS.title),
	summary: requiredText(LIMITS.summary),
	/**
	 * What the children learn or practise: a plan's goals. Every built-in activity has them;
	 * an own activity may not (those written before the field, or left empty in the form).
	 */
	goals: z.optional(lines(LIMITS.goal)),
	ageMin: wholeNumber(0, 5),
	ageMax: wholeNumber(1, 6),
	groupSizeMin: wholeNumber(1, 30),
	groupSizeMax: wholeNumber(1, 30),
	durationMinutes: wholeNumber(5, 240),
	setting: z.enum(SETTINGS, { error: 'required' }),
	materials: lines(LIMITS.material),
	steps: lines(LIMITS.step),
	learningAreas: z.array(z.enum(LEARNING_AREAS)).check(z.minLength(1, 'choose_learning_area')),
	clauses: z.array(z.enum(DIGITAL_CLAUSES)),
	screenMode: z.enum(SCREEN_MODES, { error: 'required' }),
	screenMinutes: wholeNumber(0, 240),
	adultParticipates: z.boolean(),
	talkAbout: lines(LIMITS.talk),
	staffTips: lines(LIMITS.tip),
	privacy: requiredText(LIMITS.privacy),
	/** Where it is adapted from: every string in it is checked like the rest (issue 13). */
	source: z.nullable(z.strictObject({ title: requiredText(200), url: webUrl })),
	phases: z.optional(z.array(phaseSchema))
};

type RefinementContext = Parameters<Parameters<typeof z.superRefine<ActivityRules>>[0]>[1];
interface ActivityRules {
	ageMin: number;
	ageMax: number;
	groupSizeMin: number;
	groupSizeMax: number;
	durationMinutes: number;
	screenMinutes: number;
}

function checkActivityRules(a: ActivityRules, ctx: RefinementContext): void {
	if (a.ageMax <= a.ageMin) {
		ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'age_max_before_min' });
	}
	if (a.groupSizeMax < a.groupSizeMin) {
		ctx.addIssue({ code: 'custom', path: ['groupSizeMax'], message: 'group_size_max_before_min' });
	}
	if (a.screenMinutes > a.durationMinutes) {
		ctx.addIssue({ code: 'custom', path: ['screenMinutes'], message: 'exceeds_duration' });
	}
}

/** What the own-activity form produces. */
export const activityContentSchema = z
	.strictObject(activityFields)
	.check(z.superRefine(checkActivityRules));
export type ActivityContent = z.infer<typeof activityContentSchema>;

/** A kindergarten's own activity, as stored on the device. */
export const ownActivitySchema = z
	.strictObject({
		...activityFields,
		id,
		origin: z.literal('own'),
		kindergartenId: id,
		/** The built-in activity it was copied from, if any. */
		copiedFrom: z.nullable(activityRef),
		createdAt: z.iso.datetime(),
		updatedAt: z.iso.datetime(),
		deletedAt: z.nullable(z.iso.datetime()),
		/** On a synced device: the server revision this copy is based on (never sent). */
		syncRev: z.optional(z.number().check(z.minimum(0))),
		/**
		 * Shared with the owner's other kindergartens (true), or withdrawn (false); absent when
		 * never shared. Only the kindergarten's manager changes it (ADR 38).
		 */
		shared: z.optional(z.boolean()),
		/**
		 * Set by the server's pull on another kindergarten's shared activity: the name of the
		 * kindergarten it comes from. Such an activity is planned and copied here, never edited.
		 */
		sharedFrom: z.optional(z.string().check(z.minLength(1), z.maxLength(200)))
	})
	.check(z.superRefine(checkActivityRules));
export type OwnActivity = z.infer<typeof ownActivitySchema>;

/**
 * A built-in activity in the locale shown (content.ts makes it from its files). `untranslated`
 * names the texts a further locale lacks, shown in bokmål instead; absent when none is.
 */
export type BuiltInActivity = ActivityContent & {
	id: string;
	origin: 'builtIn';
	untranslated?: TextField[];
};

export type LibraryActivity = BuiltInActivity | OwnActivity;

/** The own-activity form as typed: lists are one item per line. */
export interface ActivityForm {
	tool: string;
	title: string;
	summary: string;
	goals: string;
	ageMin: string;
	ageMax: string;
	groupSizeMin: string;
	groupSizeMax: string;
	durationMinutes: string;
	setting: string;
	materials: string;
	steps: string;
	learningAreas: string[];
	clauses: string[];
	screenMode: string;
	screenMinutes: string;
	adultParticipates: boolean;
	talkAbout: string;
	staffTips: string;
	privacy: string;
}

export function emptyActivityForm(): ActivityForm {
	return {
		tool: 'unplugged',
		title: '',
		summary: '',
		goals: '',
		ageMin: '3',
		ageMax: '6',
		groupSizeMin: '2',
		groupSizeMax: '6',
		durationMinutes: '30',
		setting: 'indoor',
		materials: '',
		steps: '',
		learningAreas: [],
		clauses: [],
		screenMode: 'screenFree',
		screenMinutes: '0',
		adultParticipates: true,
		talkAbout: '',
		staffTips: '',
		privacy: ''
	};
}

export function activityToForm(a: LibraryActivity): ActivityForm {
	return {
		tool: a.tool,
		title: a.title,
		summary: a.summary,
		goals: (a.goals ?? []).join('\n'),
		ageMin: String(a.ageMin),
		ageMax: String(a.ageMax),
		groupSizeMin: String(a.groupSizeMin),
		groupSizeMax: String(a.groupSizeMax),
		durationMinutes: String(a.durationMinutes),
		setting: a.setting,
		materials: a.materials.join('\n'),
		steps: a.steps.join('\n'),
		learningAreas: [...a.learningAreas],
		clauses: [...a.clauses],
		screenMode: a.screenMode,
		screenMinutes: String(a.screenMinutes),
		adultParticipates: a.adultParticipates,
		talkAbout: a.talkAbout.join('\n'),
		staffTips: a.staffTips.join('\n'),
		privacy: a.privacy
	};
}

const splitLines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l.length > 0);

const wholeOrNaN = (text: string) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/**
 * Validates the own-activity form. What the form does not show (the kind, a stop-motion
 * activity's phases, its source) is carried over from `base`, the activity being edited or
 * copied.
 */
export function parseActivityForm(
	form: ActivityForm,
	base: Pick<ActivityContent, 'kind' | 'phases' | 'source'> = {
		kind: 'codingToy',
		source: null
	}
): { ok: true; content: ActivityContent } | { ok: false; problems: FieldProblems } {
	const numbers = [
		'ageMin',
		'ageMax',
		'groupSizeMin',
		'groupSizeMax',
		'durationMinutes',
		'screenMinutes'
	] as const;
	const goals = splitLines(form.goals ?? '');
	const candidate = {
		kind: base.kind,
		...(base.phases ? { phases: base.phases } : {}),
		source: base.source,
		tool: form.tool,
		title: form.title,
		summary: form.summary,
		...(goals.length > 0 ? { goals } : {}),
		setting: form.setting,
		materials: splitLines(form.materials),
		steps: splitLines(form.steps),
		learningAreas: form.learningAreas,
		clauses: form.clauses,
		screenMode: form.screenMode,
		adultParticipates: form.adultParticipates,
		talkAbout: splitLines(form.talkAbout),
		staffTips: splitLines(form.staffTips),
		privacy: form.privacy,
		...Object.fromEntries(numbers.map((k) => [k, wholeOrNaN(form[k])]))
	};
	const parsed = activityContentSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, content: parsed.data };
	const problems = problemsOf(parsed.error);
	for (const k of numbers) {
		if (form[k].trim() !== '' && Number.isNaN(wholeOrNaN(form[k]))) {
			problems[k] = { code: 'not_integer' };
		}
	}
	return { ok: false, problems };
}
