import {
	ACTIVITY_ID,
	activityFactsSchema,
	activityTextsSchema,
	BASE_LOCALE,
	CONTENT_LOCALES,
	partialActivityTextsSchema,
	textsAgainstFacts,
	type ActivityFacts,
	type ActivityTexts,
	type PartialActivityTexts
} from './activity';
import { contentFile, isShippedLocale, issueLines } from './content';

/**
 * The build-time check of the built-in library (run by vite.config.ts at the start of every
 * build and dev server, and by the unit tests), over its files as text: path (`<id>/<name>`)
 * → content. Every activity has its facts and every text in every shipped locale (nb, nn, en);
 * a further locale's file may leave texts out, but what it has must be valid; lists have as
 * many items in every locale as in bokmål; and the libraries cover what the product promises.
 * Each problem is one line that names the file (`<id>/<file>: <field>: <problem>`).
 */
export function checkBuiltInLibrary(files: Readonly<Record<string, string>>): string[] {
	const problems: string[] = [];
	const folders = new Map<string, { facts?: string; texts: Map<string, string> }>();
	for (const [path, content] of Object.entries(files)) {
		const file = contentFile(path);
		if (!file) {
			problems.push(`${path}: not inside an activity's folder`);
			continue;
		}
		const folder = folders.get(file.id) ?? { texts: new Map<string, string>() };
		folders.set(file.id, folder);
		if (file.file === 'facts') folder.facts = content;
		else if (file.file === 'texts') folder.texts.set(file.locale, content);
		else {
			problems.push(
				`${file.id}/${file.name}: unknown file (an activity has facts.json and one <locale>.json per language)`
			);
		}
	}

	const valid: Array<{ id: string; facts: ActivityFacts }> = [];
	for (const [id, folder] of [...folders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const before = problems.length;
		if (!ACTIVITY_ID.test(id)) {
			problems.push(`${id}: the folder's name is the activity's id: lower-case a–z, 0–9 and -`);
		}
		const facts = parseFile(id, 'facts.json', folder.facts, problems, (raw, where) => {
			const result = activityFactsSchema.safeParse(raw);
			if (!result.success) problems.push(...issueLines(where, result.error));
			return result.data;
		});
		const base = parseTexts(id, BASE_LOCALE, folder.texts, facts, undefined, problems);
		for (const locale of CONTENT_LOCALES) {
			if (locale !== BASE_LOCALE) parseTexts(id, locale, folder.texts, facts, base, problems);
		}
		for (const locale of [...folder.texts.keys()].sort()) {
			if (!isShippedLocale(locale)) parseTexts(id, locale, folder.texts, facts, base, problems);
		}
		if (facts && problems.length === before) valid.push({ id, facts });
	}

	const coding = valid.filter((a) => a.facts.kind === 'codingToy');
	const stopMotion = valid.filter((a) => a.facts.kind === 'stopMotion');
	if (coding.length < 12) {
		problems.push(`coding-toy library: ${coding.length} activities, needs 12`);
	}
	if (stopMotion.length < 8) {
		problems.push(`stop-motion library: ${stopMotion.length} activities, needs 8`);
	}
	for (const tool of ['bee-bot', 'blue-bot', 'cubetto', 'robot-mouse'] as const) {
		if (!coding.some((a) => a.facts.tool === tool)) {
			problems.push(`coding-toy library: no ${tool}`);
		}
	}
	const unplugged = coding.filter((a) => a.facts.tool === 'unplugged');
	if (!unplugged.some((a) => a.facts.setting !== 'outdoor')) {
		problems.push('coding-toy library: no indoor unplugged activity');
	}
	if (!unplugged.some((a) => a.facts.setting !== 'indoor')) {
		problems.push('coding-toy library: no outdoor unplugged activity');
	}
	return problems;
}

/** A file's JSON, checked by `check`; a missing file or bad JSON is a problem. */
function parseFile<T>(
	id: string,
	name: string,
	content: string | undefined,
	problems: string[],
	check: (raw: unknown, where: string) => T | undefined
): T | undefined {
	const where = `${id}/${name}`;
	if (content === undefined) {
		problems.push(`${where}: missing`);
		return undefined;
	}
	let raw: unknown;
	try {
		raw = JSON.parse(content);
	} catch (error) {
		problems.push(`${where}: not valid JSON: ${(error as Error).message}`);
		return undefined;
	}
	return check(raw, where);
}

/**
 * One locale's texts of an activity: complete in a shipped locale, any subset in a further one
 * (its file may also be absent), and in step with the facts and with bokmål's lists.
 */
function parseTexts(
	id: string,
	locale: string,
	texts: ReadonlyMap<string, string>,
	facts: ActivityFacts | undefined,
	base: ActivityTexts | undefined,
	problems: string[]
): ActivityTexts | undefined {
	const complete = isShippedLocale(locale);
	if (!complete && !texts.has(locale)) return undefined;
	const parsed = parseFile(
		id,
		`${locale}.json`,
		texts.get(locale),
		problems,
		(raw, where): PartialActivityTexts | undefined => {
			const result = (complete ? activityTextsSchema : partialActivityTextsSchema).safeParse(raw);
			if (!result.success) {
				problems.push(...issueLines(where, result.error));
				return undefined;
			}
			if (facts) {
				const found = textsAgainstFacts(result.data, facts, { complete, base });
				problems.push(...found.map(([field, problem]) => `${where}: ${field}: ${problem}`));
			}
			return result.data;
		}
	);
	return complete ? (parsed as ActivityTexts | undefined) : undefined;
}
