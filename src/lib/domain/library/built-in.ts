import { loadLibrary } from './content';
import type { BuiltInActivity } from './library-activity';

/**
 * The built-in library's files, as Vite bundles them (ADR 19): the facts (small) in this
 * module's chunk, each locale's texts in a chunk of their own (vite.config.ts groups them), loaded
 * only when that locale is shown. Imported with `import()` by index.ts, so no page loads any of
 * it before the library is opened.
 */
const facts = import.meta.glob('./content/*/facts.json', { eager: true, import: 'default' });
const texts = import.meta.glob(['./content/*/*.json', '!./content/*/facts.json'], {
	import: 'default'
});

/** The built-in activities in `locale` (see loadLibrary). */
export function loadBuiltIn(locale: string): Promise<BuiltInActivity[]> {
	return loadLibrary({ facts, texts }, locale);
}
