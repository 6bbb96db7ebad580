import type { LayoutServerLoad } from './$types';
import { isDraftLocale, parentDirection } from '$lib/i18n/parent-locales';
import { parentContext } from './session.server';

export const load: LayoutServerLoad = async (event) => {
	const { actor, locale } = await parentContext(event);
	return {
		locale,
		dir: parentDirection(locale),
		draft: isDraftLocale(locale),
		parent: actor?.role === 'parent' ? { displayName: actor.displayName } : null,
		here: event.url.pathname + event.url.search
	};
};
