import type { LayoutServerLoad } from './$types';
import { isDraftLocale, parentDirection } from '$lib/i18n/parent-locales';
import { parentContext } from './session.server';

export const load: LayoutServerLoad = async (event) => {
	const { actor, locale } = await parentContext(event);
	// A parent's pages are theirs: never kept in a shared or the browser's cache (and so never
	// revalidated into a 304 that would carry the app's Referrer-Policy, see hooks.server.ts).
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return {
		locale,
		dir: parentDirection(locale),
		draft: isDraftLocale(locale),
		parent: actor?.role === 'parent' ? { displayName: actor.displayName } : null,
		here: event.url.pathname + event.url.search
	};
};
