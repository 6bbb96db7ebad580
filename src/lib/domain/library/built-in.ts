import { loadLibrary } from './content';
import type { BuiltInActivity } from './library-activity';

/**
 * The built-in library's files, as Vite bundles them (ADR 19): the facts (small) with this
 * module, in the library pages' chunk; each text file in a chunk of its own, loaded only when
 * its locale is shown. Nothing here reaches the first page: only the library's modules import
 * this one, and the text chunks import nothing, so the rest of the app is chunked as before.
 */
const facts = import.meta.glob('./content/*/facts.json', { eager: true, import: 'default' });
const texts = import.meta.glob(['./content/*/*.json', '!./content/*/facts.json'], {
	import: 'default'
});

/** The built-in activities in `locale` (see loadLibrary). */
export function loadBuiltIn(locale: string): Promise<BuiltInActivity[]> {
	return loadLibrary({ facts, texts }, locale);
}
