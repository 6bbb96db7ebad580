import { activityFactsSchema, activityTextsSchema, type ContentLocale } from './activity';
import { localizeActivity } from './content';
import type { BuiltInActivity } from './library-activity';

/**
 * The built-in library's files for the unit tests, read by Vite's glob as text: path
 * (`<id>/<name>`) → content, what checkBuiltInLibrary reads. The app never imports this module
 * (it loads the files per locale: built-in.ts).
 */
export const CONTENT_FILES: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>('./content/*/*', { query: '?raw', import: 'default', eager: true })
	).map(([path, content]) => [path.replace('./content/', ''), content])
);

/** A content file's JSON; fails the test if the library has no such file. */
export function contentJson(path: string): unknown {
	const content = CONTENT_FILES[path];
	if (content === undefined) throw new Error(`no file ${path} in the library`);
	return JSON.parse(content);
}

/** A built-in activity in a shipped locale, made from its files (synchronously, for fixtures). */
export function builtInActivity(id: string, locale: ContentLocale): BuiltInActivity {
	return localizeActivity(
		id,
		activityFactsSchema.parse(contentJson(`${id}/facts.json`)),
		activityTextsSchema.parse(contentJson(`${id}/${locale}.json`))
	);
}
