import { z } from 'zod/mini';
import { BASE_LOCALE, CONTENT_LOCALES } from '../library/vocabulary';
import { issueLines } from '../library/content';
import { LEVELS } from './suppression';

/**
 * The competence item bank (issue 14, ADR 25): statements staff and managers answer about their
 * own professional digital competence, on six levels. Its files, in content/, are like the
 * activity library's (ADR 19): `bank.json` holds what has no language (each item's audience,
 * area, DigCompEdu competence and area of Udir's PfDK framework, the library activities that
 * exercise it, and the period it was retired in), and one file per locale holds the texts.
 * An item is never removed, only retired, so old answers keep their meaning.
 */

/** The kindergarten-work areas the items are grouped in (a person's profile is per area). */
export const COMPETENCE_AREAS = [
	'judgement',
	'privacy',
	'copyright',
	'creative',
	'assessing',
	'inclusion',
	'documentation',
	'parents',
	'safety',
	'learning',
	'leadership'
] as const;
export type CompetenceArea = (typeof COMPETENCE_AREAS)[number];

/**
 * DigCompEdu's 22 competences (Redecker 2017, JRC107466), by number: 1 professional
 * engagement, 2 digital resources, 3 teaching and learning, 4 assessment, 5 empowering
 * learners, 6 facilitating learners' digital competence.
 */
export const DIGCOMPEDU = {
	'1.1': 'Organisational communication',
	'1.2': 'Professional collaboration',
	'1.3': 'Reflective practice',
	'1.4': 'Digital continuous professional development',
	'2.1': 'Selecting digital resources',
	'2.2': 'Creating and modifying digital resources',
	'2.3': 'Managing, protecting and sharing digital resources',
	'3.1': 'Teaching',
	'3.2': 'Guidance',
	'3.3': 'Collaborative learning',
	'3.4': 'Self-regulated learning',
	'4.1': 'Assessment strategies',
	'4.2': 'Analysing evidence',
	'4.3': 'Feedback and planning',
	'5.1': 'Accessibility and inclusion',
	'5.2': 'Differentiation and personalisation',
	'5.3': 'Actively engaging learners',
	'6.1': 'Information and media literacy',
	'6.2': 'Digital communication and collaboration',
	'6.3': 'Digital content creation',
	'6.4': 'Responsible use',
	'6.5': 'Digital problem solving'
} as const;
export type DigCompEduCompetence = keyof typeof DIGCOMPEDU;

/**
 * The seven competence areas of Udir's framework for teachers' professional digital competence
 * (PfDK, 2017; from St.meld. 11 (2008–2009)). No such framework exists for kindergarten staff;
 * the mapping shows where an item would sit in it.
 */
export const PFDK_AREAS = {
	subject: 'Fag og grunnleggende ferdigheter',
	society: 'Skolen i samfunnet',
	ethics: 'Etikk',
	pedagogy: 'Pedagogikk og fagdidaktikk',
	leadingLearning: 'Ledelse av læringsprosesser',
	interaction: 'Samhandling og kommunikasjon',
	change: 'Endring og utvikling'
} as const;
export type PfdkArea = keyof typeof PFDK_AREAS;

/** What the product promises (issue 14): at least this many items in force per audience. */
export const MIN_ITEMS = { staff: 24, manager: 4 } as const;
/** The form takes at most this long (the strategy warns of survey fatigue). */
export const MAX_MINUTES = 15;

/** Content beside the bank with a check of its own (resources.ts), not a locale's texts. */
const OWN_CHECK = new Set(['resources.json']);

const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * A period: a year and a term, 1 for spring (January–June) and 2 for autumn, e.g. `2026-2`
 * for autumn 2026; periods sort as strings (the suppression relies on it).
 */
export const PERIOD = /^20\d\d-[12]$/;

const itemFactsSchema = z.strictObject({
	id: z.string().check(z.regex(ITEM_ID, 'invalid_id')),
	audience: z.enum(['staff', 'manager']),
	area: z.enum(COMPETENCE_AREAS),
	digCompEdu: z.enum(Object.keys(DIGCOMPEDU) as [DigCompEduCompetence, ...DigCompEduCompetence[]]),
	pfdk: z.enum(Object.keys(PFDK_AREAS) as [PfdkArea, ...PfdkArea[]]),
	/** Library activities of these kinds exercise it (the person's suggestions). */
	activityKinds: z.array(z.enum(['codingToy', 'stopMotion'])),
	/** Not asked from this period on; old answers keep it. */
	retiredIn: z.nullable(z.string().check(z.regex(PERIOD, 'invalid_period')))
});
export type CompetenceItemFacts = z.infer<typeof itemFactsSchema>;

export const itemBankSchema = z.strictObject({
	version: z.number().check(z.int(), z.minimum(1)),
	date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')),
	/** An estimate for the form's "takes about N minutes". */
	secondsPerItem: z.number().check(z.int(), z.minimum(5), z.maximum(120)),
	items: z.array(itemFactsSchema)
});
export type ItemBank = z.infer<typeof itemBankSchema>;

const text = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(300, 'too_long'));
const levelTexts = z.strictObject(Object.fromEntries(LEVELS.map((l) => [String(l), text])));
export const itemTextsSchema = z.strictObject({
	areas: z.record(z.enum(COMPETENCE_AREAS), text),
	levels: levelTexts,
	items: z.record(z.string(), text)
});
export type ItemTexts = z.infer<typeof itemTextsSchema>;

/** A further locale may leave texts out; bokmål then stands in (marked untranslated). */
export const partialItemTextsSchema = z.strictObject({
	areas: z.optional(z.partialRecord(z.enum(COMPETENCE_AREAS), text)),
	levels: z.optional(z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6']), text)),
	items: z.optional(z.record(z.string(), text))
});
export type PartialItemTexts = z.infer<typeof partialItemTextsSchema>;

function parseJson(where: string, raw: string | undefined, problems: string[]): unknown {
	if (raw === undefined) {
		problems.push(`${where}: missing`);
		return undefined;
	}
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		problems.push(`${where}: not valid JSON`);
		return undefined;
	}
}

/**
 * The build-time check of the item bank over its files as text (`bank.json`, `<locale>.json`):
 * valid facts, unique ids, enough items in force per audience, every area in use, the form
 * within MAX_MINUTES, and every text in every shipped locale; a further locale may be partial
 * but names no unknown item. One line per problem, naming the file.
 */
export function checkItemBank(files: Readonly<Record<string, string>>): string[] {
	const problems: string[] = [];
	const raw = parseJson('bank.json', files['bank.json'], problems);
	const parsed = raw === undefined ? null : itemBankSchema.safeParse(raw);
	if (parsed && !parsed.success) problems.push(...issueLines('bank.json', parsed.error));
	const bank = parsed?.success ? parsed.data : null;
	const ids = new Set<string>();
	if (bank) {
		for (const item of bank.items) {
			if (ids.has(item.id)) problems.push(`bank.json: items: ${item.id}: duplicate id`);
			ids.add(item.id);
		}
		for (const audience of ['staff', 'manager'] as const) {
			const n = inForce(bank, audience).length;
			if (n < MIN_ITEMS[audience]) {
				problems.push(
					`bank.json: ${audience}: ${n} items in force, at least ${MIN_ITEMS[audience]}`
				);
			}
			if (minutesToAnswer(bank, audience) > MAX_MINUTES) {
				problems.push(`bank.json: ${audience}: the form would take over ${MAX_MINUTES} minutes`);
			}
		}
		for (const area of COMPETENCE_AREAS) {
			if (!bank.items.some((i) => i.area === area && i.retiredIn === null)) {
				problems.push(`bank.json: ${area}: no item in force in this area`);
			}
		}
	}
	for (const name of Object.keys(files)) {
		if (OWN_CHECK.has(name)) continue;
		if (name !== 'bank.json' && !/^[a-z]{2,3}(-[A-Za-z0-9]+)?\.json$/.test(name)) {
			problems.push(`${name}: unknown file (the bank has bank.json and one <locale>.json each)`);
		}
	}
	const locales = new Set<string>([
		...CONTENT_LOCALES,
		...Object.keys(files)
			.filter((n) => n !== 'bank.json' && !OWN_CHECK.has(n) && n.endsWith('.json'))
			.map((n) => n.slice(0, -'.json'.length))
	]);
	for (const locale of locales) {
		const where = `${locale}.json`;
		const shipped = (CONTENT_LOCALES as readonly string[]).includes(locale);
		const json = parseJson(where, files[where], problems);
		if (json === undefined) continue;
		const result = (shipped ? itemTextsSchema : partialItemTextsSchema).safeParse(json);
		if (!result.success) {
			problems.push(...issueLines(where, result.error));
			continue;
		}
		const texts = result.data;
		for (const id of Object.keys(texts.items ?? {})) {
			if (bank && !ids.has(id)) problems.push(`${where}: items: ${id}: not in bank.json`);
		}
		if (shipped && bank) {
			for (const id of ids) {
				if (!texts.items?.[id]) problems.push(`${where}: items: ${id}: required`);
			}
		}
	}
	return problems;
}

/** The items asked in a period (not retired by then), in the bank's order. */
export function inForce(
	bank: ItemBank,
	audience: 'staff' | 'manager',
	period?: string
): CompetenceItemFacts[] {
	return bank.items.filter(
		(i) =>
			i.audience === audience &&
			(i.retiredIn === null || (period !== undefined && period < i.retiredIn))
	);
}

/** "Takes about N minutes", rounded up. */
export function minutesToAnswer(bank: ItemBank, audience: 'staff' | 'manager'): number {
	return Math.ceil((inForce(bank, audience).length * bank.secondsPerItem) / 60);
}

export interface CompetenceItem extends CompetenceItemFacts {
	readonly text: string;
	/** Shown in bokmål because this locale's file lacks it. */
	readonly untranslated: boolean;
}

/** The bank in one locale: each item with its text, bokmål where a further locale lacks one. */
export function itemsInLocale(
	bank: ItemBank,
	texts: PartialItemTexts,
	base: ItemTexts
): CompetenceItem[] {
	return bank.items.map((facts) => {
		const own = texts.items?.[facts.id];
		return { ...facts, text: own ?? base.items[facts.id] ?? facts.id, untranslated: !own };
	});
}

export { BASE_LOCALE };
