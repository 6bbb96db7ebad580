import type { z } from 'zod/mini';
import {
	activityFactsSchema,
	activityTextsSchema,
	BASE_LOCALE,
	CONTENT_LOCALES,
	LIBRARY_TOOLS,
	partialActivityTextsSchema,
	TEXT_FIELDS,
	textsAgainstFacts,
	type ActivityFacts,
	type ActivityTexts,
	type PartialActivityTexts,
	type TextField
} from './activity';
import type { BuiltInActivity } from './library-activity';

/**
 * The built-in library's files (content/<id>/facts.json and content/<id>/<locale>.json) turned
 * into activities in one locale. Pure: the files come in as arguments, so the app (Vite's lazy
 * glob in built-in.ts), the build check and the tests share this code.
 */

/** A locale's file name without `.json`: `nb`, `se`, `smj`, `nb-x-easy`. */
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]+)*$/;

export type ContentFile =
	| { id: string; file: 'facts' }
	| { id: string; file: 'texts'; locale: string }
	| { id: string; file: 'unknown'; name: string };

/** What a content file is, from its path (`…/content/<id>/<name>`); null outside a folder. */
export function contentFile(path: string): ContentFile | null {
	const parts = path.split('/');
	const name = parts.at(-1);
	const id = parts.at(-2);
	if (!name || !id || id === '.' || id === 'content') return null;
	if (name === 'facts.json') return { id, file: 'facts' };
	const locale = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
	if (LOCALE.test(locale)) return { id, file: 'texts', locale };
	return { id, file: 'unknown', name };
}

/** One line per problem of a zod parse: `<where>: <path>: <code>`. */
export function issueLines(where: string, error: z.core.$ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.join('.') || '(file)';
		const detail =
			issue.code === 'unrecognized_keys' ? `unknown ${issue.keys.join(', ')}` : issue.message;
		return `${where}: ${path}: ${detail}`;
	});
}

/** Whether the app ships this locale (then every activity has every text in it). */
export function isShippedLocale(locale: string): boolean {
	return (CONTENT_LOCALES as readonly string[]).includes(locale);
}

/** The library's order: coding toys, then stop-motion; by tool; then by id. */
export function libraryOrder(
	a: { id: string; facts: ActivityFacts },
	b: { id: string; facts: ActivityFacts }
): number {
	const kind = (x: ActivityFacts) => (x.kind === 'codingToy' ? 0 : 1);
	const tool = (x: ActivityFacts) => LIBRARY_TOOLS.indexOf(x.tool);
	return (
		kind(a.facts) - kind(b.facts) ||
		tool(a.facts) - tool(b.facts) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/**
 * An activity in one locale: its facts with the locale's texts. A text the locale lacks comes
 * from `fallback` (the bokmål texts) and is named in `untranslated`.
 */
export function localizeActivity(
	id: string,
	facts: ActivityFacts,
	texts: PartialActivityTexts,
	fallback: ActivityTexts | null = null
): BuiltInActivity {
	const untranslated: TextField[] = [];
	const pick = <F extends Exclude<TextField, 'phases'>>(field: F): ActivityTexts[F] => {
		const own = texts[field] as ActivityTexts[F] | undefined;
		if (own !== undefined) return own;
		if (!fallback) throw new Error(`${id}: no ${field}, and no bokmål to fall back to`);
		untranslated.push(field);
		return fallback[field];
	};
	const list = (field: 'goals' | 'materials' | 'steps' | 'talkAbout' | 'staffTips') => [
		...pick(field)
	];
	const activity: BuiltInActivity = {
		id,
		origin: 'builtIn',
		kind: facts.kind,
		tool: facts.tool,
		title: pick('title'),
		summary: pick('summary'),
		goals: list('goals'),
		ageMin: facts.ageMin,
		ageMax: facts.ageMax,
		groupSizeMin: facts.groupSizeMin,
		groupSizeMax: facts.groupSizeMax,
		durationMinutes: facts.durationMinutes,
		setting: facts.setting,
		materials: list('materials'),
		steps: list('steps'),
		learningAreas: [...facts.learningAreas],
		clauses: [...facts.clauses],
		screenMode: facts.screenMode,
		screenMinutes: facts.screenMinutes,
		adultParticipates: facts.adultParticipates,
		talkAbout: list('talkAbout'),
		staffTips: list('staffTips'),
		privacy: pick('privacy'),
		source: facts.source ? { ...facts.source } : null
	};
	if (facts.phases) {
		let titles = texts.phases;
		if (titles === undefined) {
			titles = fallback?.phases;
			untranslated.push('phases');
		}
		activity.phases = facts.phases.map((p) => {
			const title = titles?.[p.phase];
			if (title === undefined) throw new Error(`${id}: no title for the phase ${p.phase}`);
			return { ...p, title };
		});
	}
	if (untranslated.length > 0) activity.untranslated = untranslated;
	return activity;
}

/** Which text fields a further locale's texts lack. */
export function missingTexts(texts: PartialActivityTexts, facts: ActivityFacts): TextField[] {
	return TEXT_FIELDS.filter((f) =>
		f === 'phases'
			? facts.phases !== undefined && texts.phases === undefined
			: texts[f] === undefined
	);
}

/** The library's facts files, read (path → JSON); its texts, each loaded when asked for. */
export interface LibraryFiles {
	facts: Readonly<Record<string, unknown>>;
	texts: Readonly<Record<string, () => Promise<unknown>>>;
}

class ContentError extends Error {
	constructor(problems: string[]) {
		super(`The activity library's files are not valid:\n  ${problems.join('\n  ')}`);
		this.name = 'ContentError';
	}
}

/** How many text files' loads start in one task (see loadLibrary). */
const TEXT_LOADS_PER_TASK = 6;

/** Resolves in a later task, letting the browser paint and take input in between. */
function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

function parsed<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
	const result = schema.safeParse(value);
	if (!result.success) throw new ContentError(issueLines(where, result.error));
	return result.data;
}

/**
 * The built-in activities in `locale`, validated as they load: the facts, and the texts of that
 * locale only. A locale the app ships must have every text; a further one may lack some, and
 * then (only then) the bokmål texts of those activities are loaded too, to fall back to.
 */
export async function loadLibrary(files: LibraryFiles, locale: string): Promise<BuiltInActivity[]> {
	if (!LOCALE.test(locale)) throw new Error(`not a locale: ${locale}`);
	const textsOf = new Map<string, () => Promise<unknown>>();
	for (const [path, load] of Object.entries(files.texts)) {
		const file = contentFile(path);
		if (file?.file === 'texts') textsOf.set(`${file.id}/${file.locale}`, load);
	}
	const entries = Object.entries(files.facts).flatMap(([path, raw]) => {
		const file = contentFile(path);
		if (file?.file !== 'facts') return [];
		return [{ id: file.id, facts: parsed(activityFactsSchema, raw, `${file.id}/facts.json`) }];
	});
	entries.sort(libraryOrder);

	const shipped = isShippedLocale(locale);
	// The text files' loads start a few at a time, each few in a task of its own: starting all
	// of them at once (a request and a module each) was one long task on a slow phone (ADR 46).
	let turn = Promise.resolve();
	const turns = entries.map((_, i) => {
		if (i > 0 && i % TEXT_LOADS_PER_TASK === 0) turn = turn.then(nextTask);
		return turn;
	});
	const texts = await Promise.all(
		entries.map(async ({ id, facts }, i): Promise<PartialActivityTexts> => {
			const where = `${id}/${locale}.json`;
			const load = textsOf.get(`${id}/${locale}`);
			if (!load) {
				if (shipped) throw new ContentError([`${where}: missing`]);
				return {};
			}
			await turns[i];
			const raw = await load();
			const own = shipped
				? parsed(activityTextsSchema, raw, where)
				: parsed(partialActivityTextsSchema, raw, where);
			const problems = textsAgainstFacts(own, facts, { complete: shipped });
			if (problems.length > 0)
				throw new ContentError(problems.map(([f, p]) => `${where}: ${f}: ${p}`));
			return own;
		})
	);
	const fallbacks = await Promise.all(
		entries.map(async ({ id, facts }, i) => {
			if (missingTexts(texts[i]!, facts).length === 0) return null;
			const load = textsOf.get(`${id}/${BASE_LOCALE}`);
			if (!load) throw new ContentError([`${id}/${BASE_LOCALE}.json: missing`]);
			return parsed(activityTextsSchema, await load(), `${id}/${BASE_LOCALE}.json`);
		})
	);
	return entries.map(({ id, facts }, i) => localizeActivity(id, facts, texts[i]!, fallbacks[i]));
}
