import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { serverDeps } from '$lib/server/instance';
import { currentActor, SESSION_COOKIE, type Actor } from '$lib/server/auth/sessions';
import type { ServerDeps } from '$lib/server/deps';
import {
	chooseParentLocale,
	PARENT_LOCALE_COOKIE,
	type ParentLocale
} from '$lib/i18n/parent-locales';

/**
 * What every parents' page needs on the server (issue 17, ADR 39): the server's deps, who calls
 * (the same session cookie and lookup as the JSON API, auth/sessions.ts) and the page's language.
 */
export interface ParentContext {
	deps: ServerDeps;
	actor: Actor | null;
	locale: ParentLocale;
}

export async function parentContext(event: RequestEvent): Promise<ParentContext> {
	const locale = chooseParentLocale(
		event.cookies.get(PARENT_LOCALE_COOKIE),
		event.request.headers.get('accept-language')
	);
	event.locals.parentLocale = locale;
	const deps = await serverDeps();
	const actor = await currentActor(deps, event.request);
	return { deps, actor, locale };
}

/** A signed-in parent, or the parents' sign-in page (which comes back here after). */
export async function requireParent(
	event: RequestEvent
): Promise<ParentContext & { actor: Actor }> {
	const context = await parentContext(event);
	if (!context.actor || context.actor.role !== 'parent') {
		redirect(303, `/p/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
	}
	return { ...context, actor: context.actor };
}

/** The session cookie as the API sets it (auth/sessions.ts: HttpOnly, Lax, Secure behind HTTPS). */
export function setSessionCookie(cookies: Cookies, deps: ServerDeps, token: string) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: deps.origin.startsWith('https://'),
		maxAge: Math.floor(deps.sessions.absoluteMs / 1000)
	});
}

/** A local path to go back to (never another origin); else the summaries. */
export function safeNext(value: unknown): string {
	return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/p';
}

/** Minutes to wait, rounded up, from a 429's Retry-After seconds. */
export function waitMinutes(headers: Record<string, string> | undefined): number {
	return Math.max(1, Math.ceil(Number(headers?.['retry-after'] ?? 60) / 60));
}

/** A form field as text ('' when missing or a file). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
