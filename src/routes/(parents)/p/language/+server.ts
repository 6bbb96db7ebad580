import { redirect, type RequestHandler } from '@sveltejs/kit';
import { isParentLocale, PARENT_LOCALE_COOKIE } from '$lib/i18n/parent-locales';
import { safeNext } from '../../session.server';

/**
 * The language menu (a form, no JavaScript): remembers the choice for a year and goes back to
 * the page it came from. An unknown language changes nothing.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (isParentLocale(locale)) {
		cookies.set(PARENT_LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 365 * 86_400
		});
	}
	redirect(303, safeNext(form.get('back')));
};
