import { redirect, type RequestHandler } from '@sveltejs/kit';
import { signOut } from '$lib/server/use-cases/auth';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { parentContext } from '../../session.server';

/** Sign-out from the parents' navigation (a form): ends the session, back to sign-in. */
export const POST: RequestHandler = async (event) => {
	const { deps, actor } = await parentContext(event);
	await signOut(deps, actor, event.cookies.get(SESSION_COOKIE) ?? null);
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/p/sign-in');
};
