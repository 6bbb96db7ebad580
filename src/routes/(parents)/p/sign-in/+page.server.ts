import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api/http';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signIn } from '$lib/server/use-cases/auth';
import {
	field,
	parentContext,
	safeNext,
	setSessionCookie,
	waitMinutes
} from '../../session.server';

export const load: PageServerLoad = async (event) => {
	const { actor } = await parentContext(event);
	if (actor?.role === 'parent') redirect(303, safeNext(event.url.searchParams.get('next')));
	return { notParent: actor !== null, next: safeNext(event.url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async (event) => {
		const { deps } = await parentContext(event);
		const form = await event.request.formData();
		const email = field(form, 'email');
		const password = field(form, 'password');
		try {
			const { token } = await signIn(
				deps,
				{ email: email.slice(0, 254), password: password.slice(0, 1024) },
				event.getClientAddress(),
				event.cookies.get(SESSION_COOKIE) ?? null
			);
			setSessionCookie(event.cookies, deps, token);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.status === 429) {
				return fail(429, { email, problem: 'wait', minutes: waitMinutes(error.headers) });
			}
			return fail(400, { email, problem: 'failed', minutes: 0 });
		}
		redirect(303, safeNext(form.get('next')));
	}
};
