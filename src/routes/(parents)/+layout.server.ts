import type { LayoutServerLoad } from './$types';
import { isDraftLocale, parentDirection } from '$lib/i18n/parent-locales';
import { parentContext } from './session.server';

export const load: LayoutServerLoad = async (event) => {
	const { actor, locale } = await parentContext(event);
	// The forms post to this origin without JavaScript: under `no-referrer` (ADR 22) a browser
	// sends `Origin: null` with them, which the cross-origin checks refuse. `same-origin` sends
	// the origin to this server only, and still nothing to any other.
	event.setHeaders({ 'referrer-policy': 'same-origin' });
	return {
		locale,
		dir: parentDirection(locale),
		draft: isDraftLocale(locale),
		parent: actor?.role === 'parent' ? { displayName: actor.displayName } : null,
		here: event.url.pathname + event.url.search
	};
};
