import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { MAX_PUSH_BYTES } from '$lib/sync';
import { bodyLimitWarning } from '$lib/server/config';
import { serverDeps } from '$lib/server/instance';
import { crossOriginRefusal, isCrossOriginWrite } from '$lib/server/security/cross-origin';
import { securityHeaders, sendSecurityHeadersOnEveryResponse } from '$lib/server/security/headers';
import { parentDirection } from '$lib/i18n/parent-locales';

/**
 * Opens and migrates the database when the server starts (not while building: the prerender
 * step must not create data/), so a broken database stops the start, not a later request.
 * Warns when the body limit is below a push's (see bodyLimitWarning). From then on every
 * response of this process carries the security headers, files and the prerendered shell too.
 */
export const init: ServerInit = async () => {
	if (building) return;
	const deps = await serverDeps();
	sendSecurityHeadersOnEveryResponse(deps.origin);
	// adapter-node's body limit (the dev server has none).
	const warning = dev ? null : bodyLimitWarning(MAX_PUSH_BYTES);
	if (warning) console.warn(warning);
};

/**
 * The security headers on every response SvelteKit makes (ADR 22). A header the response has
 * already (SvelteKit's full Content-Security-Policy on a page) stays as it is. Files and the
 * prerendered shell, which adapter-node serves without SvelteKit, get them from `init`.
 */
const withSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event, { transformPageChunk: parentLanguage(event.locals) });
	// The parents' forms post without JavaScript: under `no-referrer` a browser sends `Origin: null`
	// with them, which the cross-origin checks refuse. `same-origin` gives the origin to this
	// server only (ADR 39).
	if (event.locals.parentLocale) response.headers.set('referrer-policy', 'same-origin');
	for (const [name, value] of Object.entries(securityHeaders(event.url.origin))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/**
 * A parents' page (issue 17, ADR 39) is in the parent's language: its layout puts the locale in
 * `locals`, and the page's `<html>` gets that `lang` and its direction (Arabic right to left).
 * The app's own pages keep app.html's `lang`, which the app sets itself in the browser.
 */
function parentLanguage(locals: App.Locals) {
	return ({ html }: { html: string }) => {
		const locale = locals.parentLocale;
		if (!locale) return html;
		// The page's own <title> (in its language) replaces the app's.
		return html
			.replace('<html lang="nb">', `<html lang="${locale}" dir="${parentDirection(locale)}">`)
			.replace('<title>Lekeplan</title>', '');
	};
}

/** A state-changing request from another origin's page is refused before anything reads it. */
const refuseCrossOrigin: Handle = ({ event, resolve }) =>
	isCrossOriginWrite(event.request, event.url.origin) ? crossOriginRefusal() : resolve(event);

export const handle = sequence(withSecurityHeaders, refuseCrossOrigin);
