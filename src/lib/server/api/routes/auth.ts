import type { ServerDeps } from '../../deps';
import {
	clearedSessionCookie,
	currentActor,
	readCookie,
	SESSION_COOKIE,
	sessionCookie
} from '../../auth/sessions';
import { OIDC_COOKIE } from '../../auth/oidc';
import { audit } from '../../audit';
import * as auth from '../../use-cases/auth';
import * as invitations from '../../use-cases/invitations';
import { signInBody } from '../../schemas';
import { resource, reply } from '../context';
import { jsonBody } from '../middleware';
import { ApiError } from '../http';

/** The caller as a new session token makes them, for the answer to a sign-in. */
export const actorOf = (deps: ServerDeps, url: string, token: string) =>
	currentActor(deps, new Request(url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } }));

/** The OpenID Connect state cookie (ADR 8), or its removal. */
function oidcCookie(deps: ServerDeps, value: string, maxAge: number): string {
	const secure = deps.origin.startsWith('https://') ? '; Secure' : '';
	return `${OIDC_COOKIE}=${value}; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

function redirect(location: string, ...cookies: string[]): Response {
	const headers = new Headers({ location });
	for (const cookie of cookies) headers.append('set-cookie', cookie);
	return new Response(null, { status: 302, headers });
}

/** Signing in and out, with a password or with the owner's identity provider; who am I. */
export const authRoutes = resource()
	.post('/auth/sign-in', jsonBody(signInBody), async (c) => {
		const { deps, clientAddress } = c.env;
		const previous = readCookie(c.req.raw, SESSION_COOKIE);
		const { token } = await auth.signIn(deps, c.req.valid('json'), clientAddress, previous);
		const user = await actorOf(deps, c.req.url, token);
		return reply(200, { user }, { 'set-cookie': sessionCookie(deps, token) });
	})
	.post('/auth/sign-out', async (c) => {
		const { deps } = c.env;
		const me = await currentActor(deps, c.req.raw);
		await auth.signOut(deps, me, readCookie(c.req.raw, SESSION_COOKIE));
		return reply(204, null, { 'set-cookie': clearedSessionCookie(deps) });
	})
	// Who am I: nobody is an answer, not an error (issue 12): 200 with `user: null`, so a page
	// loaded by nobody logs no failed request.
	.get('/me', async (c) => reply(200, { user: await currentActor(c.env.deps, c.req.raw) }))
	.get('/auth/oidc', (c) => reply(200, { enabled: c.env.deps.oidc !== null }))
	.get('/auth/oidc/start', async (c) => {
		const { deps } = c.env;
		if (!deps.oidc) throw new ApiError(404, 'oidc_not_configured');
		const invitation = new URL(c.req.url).searchParams.get('invitation');
		if (invitation) await invitations.openInvitation(deps, invitation);
		const { url, cookie } = await deps.oidc.start(invitation);
		return redirect(url, oidcCookie(deps, cookie, 600));
	})
	.get('/auth/oidc/callback', async (c) => {
		const { deps } = c.env;
		const oidc = deps.oidc;
		if (!oidc) throw new ApiError(404, 'oidc_not_configured');
		const clear = oidcCookie(deps, '', 0);
		const previous = readCookie(c.req.raw, SESSION_COOKIE);
		let identity;
		try {
			identity = await oidc.finish(new URL(c.req.url), readCookie(c.req.raw, OIDC_COOKIE));
		} catch (error) {
			const reason = error instanceof ApiError ? error.reason : 'oidc_failed';
			await audit(deps.db, deps.clock, { action: 'sign_in_failed', reason });
			return redirect(`/sign-in?error=${reason}`, clear);
		}
		try {
			if (identity.invitationToken) {
				await invitations.acceptInvitation(
					deps,
					{ token: identity.invitationToken, email: null, password: null },
					identity
				);
			}
			const { token } = await auth.signInWithIdentity(deps, identity, previous);
			return redirect('/', clear, sessionCookie(deps, token));
		} catch (error) {
			if (error instanceof ApiError) return redirect(`/sign-in?error=${error.reason}`, clear);
			throw error;
		}
	});
