import type { ServerDeps } from '../deps';
import { ApiError, csvResponse, errorResponse, json, parseWith, readJson } from './http';
import {
	clearedSessionCookie,
	currentActor,
	readCookie,
	requireActor,
	SESSION_COOKIE,
	sessionCookie,
	startSession
} from '../auth/sessions';
import { OIDC_COOKIE } from '../auth/oidc';
import { audit } from '../audit';
import * as organisation from '../use-cases/organisation';
import * as users from '../use-cases/users';
import * as invitations from '../use-cases/invitations';
import * as auth from '../use-cases/auth';
import * as sync from '../use-cases/sync';
import * as guidance from '../use-cases/guidance';
import * as auditLog from '../use-cases/audit-log';
import { auditCsv } from '../use-cases/audit-csv';
import { syncScope } from '../access';
import { MAX_PUSH_BYTES } from '$lib/sync';
import {
	acceptBody,
	groupBody,
	invitationBody,
	kindergartenBody,
	signInBody,
	invitationToken,
	userPatchBody,
	resolveBody
} from '../schemas';
import { isUuid } from '$lib/domain/ids';
import { z } from 'zod/mini';

const tokenOnly = z.strictObject({ token: invitationToken });

/**
 * The JSON API, `/api/v1/…`: parse, call a use case, map the outcome to a status code. It is a
 * plain `Request → Response` function so the tests drive it in-process on both databases
 * (tests/server), and `src/routes/api/v1/[...path]/+server.ts` hands it SvelteKit's requests.
 */

export interface ApiContext {
	request: Request;
	url: URL;
	deps: ServerDeps;
	clientAddress: string;
	params: string[];
}

type Handler = (ctx: ApiContext) => Promise<Response>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Route {
	pattern: RegExp;
	methods: Partial<Record<Method, Handler>>;
}

const ID = '([^/]+)';

/** Ids in paths must look like ids; anything else cannot exist (404, not 500). */
function idParam(ctx: ApiContext, index = 0): string {
	const id = ctx.params[index] ?? '';
	if (!isUuid(id)) throw new ApiError(404, 'not_found');
	return id;
}

const body = async <T>(ctx: ApiContext, schema: Parameters<typeof parseWith<T>>[0]) =>
	parseWith(schema, await readJson(ctx.request));

const actor = (ctx: ApiContext) => requireActor(ctx.deps, ctx.request);

export const routes: Route[] = [
	{
		// Liveness, for a load balancer or a monitor: public, and touches no database (so it is
		// also the no-op baseline of the concurrency benchmark, bench/sync-server.bench-run.ts).
		pattern: /^\/api\/v1\/health$/,
		methods: { GET: () => Promise.resolve(json(200, { ok: true })) }
	},
	{
		pattern: /^\/api\/v1\/auth\/sign-in$/,
		methods: {
			POST: async (ctx) => {
				const input = await body(ctx, signInBody);
				const { token } = await auth.signIn(
					ctx.deps,
					input,
					ctx.clientAddress,
					readCookie(ctx.request, SESSION_COOKIE)
				);
				const me = await currentActor(
					ctx.deps,
					new Request(ctx.url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })
				);
				return json(200, { user: me }, { 'set-cookie': sessionCookie(ctx.deps, token) });
			}
		}
	},
	{
		pattern: /^\/api\/v1\/auth\/sign-out$/,
		methods: {
			POST: async (ctx) => {
				const me = await currentActor(ctx.deps, ctx.request);
				await auth.signOut(ctx.deps, me, readCookie(ctx.request, SESSION_COOKIE));
				return json(204, null, { 'set-cookie': clearedSessionCookie(ctx.deps) });
			}
		}
	},
	{
		pattern: /^\/api\/v1\/me$/,
		methods: { GET: async (ctx) => json(200, { user: await actor(ctx) }) }
	},
	{
		pattern: /^\/api\/v1\/auth\/oidc$/,
		methods: { GET: (ctx) => Promise.resolve(json(200, { enabled: ctx.deps.oidc !== null })) }
	},
	{
		pattern: /^\/api\/v1\/auth\/oidc\/start$/,
		methods: {
			GET: async (ctx) => {
				if (!ctx.deps.oidc) throw new ApiError(404, 'oidc_not_configured');
				const invitation = ctx.url.searchParams.get('invitation');
				if (invitation) await invitations.openInvitation(ctx.deps, invitation);
				const { url, cookie } = await ctx.deps.oidc.start(invitation);
				const secure = ctx.deps.origin.startsWith('https://') ? '; Secure' : '';
				return new Response(null, {
					status: 302,
					headers: {
						location: url,
						'set-cookie': `${OIDC_COOKIE}=${cookie}; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600${secure}`
					}
				});
			}
		}
	},
	{
		pattern: /^\/api\/v1\/auth\/oidc\/callback$/,
		methods: {
			GET: async (ctx) => {
				const oidc = ctx.deps.oidc;
				if (!oidc) throw new ApiError(404, 'oidc_not_configured');
				const secure = ctx.deps.origin.startsWith('https://') ? '; Secure' : '';
				const clear = `${OIDC_COOKIE}=; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
				const previous = readCookie(ctx.request, SESSION_COOKIE);
				let identity;
				try {
					identity = await oidc.finish(ctx.url, readCookie(ctx.request, OIDC_COOKIE));
				} catch (error) {
					const reason = error instanceof ApiError ? error.reason : 'oidc_failed';
					await audit(ctx.deps.db, ctx.deps.clock, { action: 'sign_in_failed', reason });
					return redirect(`/sign-in?error=${reason}`, clear);
				}
				try {
					if (identity.invitationToken) {
						await invitations.acceptInvitation(
							ctx.deps,
							{ token: identity.invitationToken, email: null, password: null },
							identity
						);
					}
					const { token } = await auth.signInWithIdentity(ctx.deps, identity, previous);
					const headers = new Headers({ location: '/' });
					headers.append('set-cookie', clear);
					headers.append('set-cookie', sessionCookie(ctx.deps, token));
					return new Response(null, { status: 302, headers });
				} catch (error) {
					if (error instanceof ApiError) return redirect(`/sign-in?error=${error.reason}`, clear);
					throw error;
				}
			}
		}
	},
	{
		pattern: /^\/api\/v1\/kindergartens$/,
		methods: {
			GET: async (ctx) =>
				json(200, {
					kindergartens: await organisation.listKindergartens(ctx.deps, await actor(ctx))
				}),
			POST: async (ctx) => {
				const me = await actor(ctx);
				const input = await body(ctx, kindergartenBody);
				return json(201, {
					kindergarten: await organisation.createKindergarten(ctx.deps, me, input)
				});
			}
		}
	},
	{
		pattern: new RegExp(`^/api/v1/kindergartens/${ID}$`),
		methods: {
			GET: async (ctx) => {
				const me = await actor(ctx);
				return json(200, {
					kindergarten: await organisation.getKindergarten(ctx.deps, me, idParam(ctx))
				});
			},
			PATCH: async (ctx) => {
				const me = await actor(ctx);
				const id = idParam(ctx);
				const input = await body(ctx, kindergartenBody);
				return json(200, {
					kindergarten: await organisation.renameKindergarten(ctx.deps, me, id, input)
				});
			},
			DELETE: async (ctx) => {
				const me = await actor(ctx);
				await organisation.deleteKindergarten(ctx.deps, me, idParam(ctx));
				return json(204, null);
			}
		}
	},
	{
		pattern: new RegExp(`^/api/v1/kindergartens/${ID}/groups$`),
		methods: {
			GET: async (ctx) => {
				const me = await actor(ctx);
				return json(200, { groups: await organisation.listGroups(ctx.deps, me, idParam(ctx)) });
			},
			POST: async (ctx) => {
				const me = await actor(ctx);
				const id = idParam(ctx);
				const input = await body(ctx, groupBody);
				return json(201, { group: await organisation.createGroup(ctx.deps, me, id, input) });
			}
		}
	},
	{
		pattern: new RegExp(`^/api/v1/groups/${ID}$`),
		methods: {
			GET: async (ctx) => {
				const me = await actor(ctx);
				return json(200, { group: await organisation.getGroup(ctx.deps, me, idParam(ctx)) });
			},
			PATCH: async (ctx) => {
				const me = await actor(ctx);
				const id = idParam(ctx);
				const input = await body(ctx, groupBody);
				return json(200, { group: await organisation.updateGroup(ctx.deps, me, id, input) });
			},
			DELETE: async (ctx) => {
				const me = await actor(ctx);
				await organisation.deleteGroup(ctx.deps, me, idParam(ctx));
				return json(204, null);
			}
		}
	},
	{
		pattern: /^\/api\/v1\/users$/,
		methods: {
			GET: async (ctx) => json(200, { users: await users.listUsers(ctx.deps, await actor(ctx)) })
		}
	},
	{
		pattern: new RegExp(`^/api/v1/users/${ID}$`),
		methods: {
			PATCH: async (ctx) => {
				const me = await actor(ctx);
				const id = idParam(ctx);
				const input = await body(ctx, userPatchBody);
				return json(200, { user: await users.updateUser(ctx.deps, me, id, input) });
			}
		}
	},
	{
		pattern: /^\/api\/v1\/invitations$/,
		methods: {
			GET: async (ctx) =>
				json(200, { invitations: await invitations.listInvitations(ctx.deps, await actor(ctx)) }),
			POST: async (ctx) => {
				const me = await actor(ctx);
				const input = await body(ctx, invitationBody);
				return json(201, { invitation: await invitations.createInvitation(ctx.deps, me, input) });
			}
		}
	},
	{
		pattern: /^\/api\/v1\/invitations\/lookup$/,
		methods: {
			POST: async (ctx) => {
				const input = await body(ctx, tokenOnly);
				return json(200, {
					invitation: await invitations.describeInvitation(ctx.deps, input.token)
				});
			}
		}
	},
	{
		pattern: /^\/api\/v1\/invitations\/accept$/,
		methods: {
			POST: async (ctx) => {
				const input = await body(ctx, acceptBody);
				const { userId, ownerId } = await invitations.acceptInvitation(ctx.deps, input);
				// The new user is signed in at once: no second password check that a rate limit
				// could refuse after the account exists.
				const token = await startSession(ctx.deps, userId, readCookie(ctx.request, SESSION_COOKIE));
				await audit(ctx.deps.db, ctx.deps.clock, {
					action: 'sign_in',
					ownerId,
					actorUserId: userId,
					reason: 'invitation'
				});
				const me = await currentActor(
					ctx.deps,
					new Request(ctx.url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })
				);
				return json(201, { user: me }, { 'set-cookie': sessionCookie(ctx.deps, token) });
			}
		}
	},
	{
		pattern: new RegExp(`^/api/v1/invitations/${ID}$`),
		methods: {
			DELETE: async (ctx) => {
				const me = await actor(ctx);
				await invitations.revokeInvitation(ctx.deps, me, idParam(ctx));
				return json(204, null);
			}
		}
	},
	{
		pattern: /^\/api\/v1\/sync\/push$/,
		methods: {
			POST: async (ctx) => {
				const me = await actor(ctx);
				const scope = await syncScope(ctx.deps, me);
				const input = await readJson(ctx.request, MAX_PUSH_BYTES);
				return json(200, await sync.push(ctx.deps, me, scope, input));
			}
		}
	},
	{
		pattern: /^\/api\/v1\/sync\/pull$/,
		methods: {
			GET: async (ctx) => {
				const me = await actor(ctx);
				const scope = await syncScope(ctx.deps, me);
				return json(200, await sync.pull(ctx.deps, me, scope, ctx.url.searchParams));
			}
		}
	},
	{
		pattern: /^\/api\/v1\/sync\/conflicts$/,
		methods: {
			GET: async (ctx) => {
				const me = await actor(ctx);
				const scope = await syncScope(ctx.deps, me);
				return json(200, { conflicts: await sync.listConflicts(ctx.deps, scope) });
			}
		}
	},
	{
		pattern: new RegExp(`^/api/v1/sync/conflicts/${ID}/resolve$`),
		methods: {
			POST: async (ctx) => {
				const me = await actor(ctx);
				const scope = await syncScope(ctx.deps, me);
				const id = idParam(ctx);
				const input = await body(ctx, resolveBody);
				return json(200, {
					resolved: await sync.resolveConflict(ctx.deps, me, scope, id, input)
				});
			}
		}
	},
	{
		// The owner's screen-time guidance: read and saved by owner administrators; tablets get
		// it by pull (ADR 11).
		pattern: /^\/api\/v1\/guidance$/,
		methods: {
			GET: async (ctx) => json(200, await guidance.currentGuidance(ctx.deps, await actor(ctx))),
			PUT: async (ctx) => {
				const me = await actor(ctx);
				return json(200, await guidance.saveGuidance(ctx.deps, me, await readJson(ctx.request)));
			}
		}
	},
	{
		pattern: /^\/api\/v1\/audit$/,
		methods: {
			GET: async (ctx) =>
				json(200, await auditLog.readAuditLog(ctx.deps, await actor(ctx), ctx.url.searchParams))
		}
	},
	{
		pattern: /^\/api\/v1\/audit\/export$/,
		methods: {
			GET: async (ctx) =>
				csvResponse(await auditCsv(ctx.deps, await actor(ctx), ctx.url.searchParams))
		}
	}
];

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw new ApiError(404, 'not_found');
	}
}

function redirect(location: string, cookie: string): Response {
	return new Response(null, { status: 302, headers: { location, 'set-cookie': cookie } });
}

/** Handles one API request. Every failure a caller can cause is a 4xx with a reason code. */
export async function handleApi(
	request: Request,
	deps: ServerDeps,
	clientAddress: string
): Promise<Response> {
	const url = new URL(request.url);
	try {
		for (const route of routes) {
			const match = route.pattern.exec(url.pathname);
			if (!match) continue;
			const handler = route.methods[request.method as Method];
			if (!handler) {
				throw new ApiError(405, 'method_not_allowed', undefined, {
					allow: Object.keys(route.methods).join(', ')
				});
			}
			return await handler({
				request,
				url,
				deps,
				clientAddress,
				params: match.slice(1).map(decodeSegment)
			});
		}
		throw new ApiError(404, 'not_found');
	} catch (error) {
		if (error instanceof ApiError) return errorResponse(error);
		console.error('Unexpected error in', request.method, url.pathname, error);
		return json(500, { error: { status: 500, reason: 'internal_error' } });
	}
}
