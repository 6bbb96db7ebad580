import { Hono } from 'hono';
import { SmartRouter } from 'hono/router/smart-router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { TrieRouter } from 'hono/router/trie-router';
import { getPath } from 'hono/utils/url';
import type { ExtractSchema } from 'hono/types';
import { reply, type ApiEnv } from './context';
import { ApiError, compressed, errorResponse, json } from './http';
import { authRoutes } from './routes/auth';
import { organisationRoutes } from './routes/organisation';
import { userRoutes } from './routes/users';
import { invitationRoutes } from './routes/invitations';
import { syncRoutes } from './routes/sync';
import { guidanceRoutes } from './routes/guidance';
import { auditRoutes } from './routes/audit';
import { competenceRoutes } from './routes/competence';
import { competenceItemRoutes } from './routes/competence-items';
import { competencePlanRoutes } from './routes/competence-plan';
import { practiceRoutes } from './routes/practice';
import { parentDeskRoutes } from './routes/parent-desk';
import { privacyNoticeRoutes } from './routes/privacy-notice';
import { myDataRoutes } from './routes/my-data';
import { exportRoutes } from './routes/export';
import { registerRoutes } from './routes/register';
import { equipmentRoutes } from './routes/equipment';

/**
 * The JSON API, `/api/v1/…` (ADR 8, 17): Hono routes, one module per resource under routes/,
 * each route listing what it asks before its handler (who calls, the id, the body: see
 * middleware.ts). `src/routes/api/v1/[...path]/+server.ts` hands it SvelteKit's requests
 * (`app.fetch(request, { deps, clientAddress })`); the tests drive it in-process with
 * `app.request()` on both databases (tests/server). Every failure a caller can cause is a 4xx
 * with a reason code, answered by the one error handler below.
 */

const base = new Hono<ApiEnv>().basePath('/api/v1');

// Around everything: JSON answers compressed for a caller that accepts it (issue 18, ADR 27).
base.use(async (c, next) => {
	await next();
	const answer = await compressed(c.res, c.req.header('accept-encoding') ?? null);
	if (answer === c.res) return;
	// Hono's setter would copy the old answer's headers (its length) onto the new one: unset first.
	c.res = undefined;
	c.res = answer;
});

// Before any route: a path the API has but not with this method is 405 with `Allow`, before
// anyone is asked who calls (see `allowed` below).
base.use(async (c, next) => {
	const allow = allowed(c.req.path);
	if (allow !== null && !allow.split(', ').includes(c.req.method)) throw notAllowed(allow);
	await next();
});

export const app = base
	// Liveness, for a load balancer or a monitor: public, and touches no database (so it is
	// also the no-op baseline of the concurrency benchmark, bench/sync-server.bench-run.ts).
	.get('/health', () => reply(200, { ok: true }))
	.route('/', authRoutes)
	.route('/', organisationRoutes)
	.route('/', userRoutes)
	.route('/', invitationRoutes)
	.route('/', syncRoutes)
	.route('/', guidanceRoutes)
	.route('/', auditRoutes)
	.route('/', competenceRoutes)
	.route('/', competenceItemRoutes)
	.route('/', competencePlanRoutes)
	.route('/', practiceRoutes)
	.route('/', parentDeskRoutes)
	.route('/', privacyNoticeRoutes)
	.route('/', myDataRoutes)
	.route('/', exportRoutes)
	.route('/', registerRoutes)
	.route('/', equipmentRoutes);

app.notFound(() => errorResponse(new ApiError(404, 'not_found')));

app.onError((error, c) => {
	if (error instanceof ApiError) return errorResponse(error);
	console.error('Unexpected error in', c.req.method, c.req.path, error);
	return json(500, { error: { status: 500, reason: 'internal_error' } });
});

/** The routes' definitions, for the browser's client: `ApiSchema['/api/v1/me']['$get']`. */
export type ApiSchema = ExtractSchema<typeof app>;

export interface RouteDefinition {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** The path template, e.g. `/api/v1/kindergartens/:id`. */
	path: string;
}

/** Every route of the API, in the order they are matched (read by the tests). */
export const apiRoutes: readonly RouteDefinition[] = app.routes
	.filter((r) => r.method !== 'ALL')
	.map(({ method, path }) => ({ method: method as RouteDefinition['method'], path }))
	.filter((r, i, all) => all.findIndex((o) => o.method === r.method && o.path === r.path) === i);

/**
 * The methods of the path a request names, as its `Allow` header (`GET, POST`), or null when
 * the API has no such path. The first template that matches is the path named, as the routes
 * are matched: `/invitations/lookup` before `/invitations/:id`, so a DELETE of it is 405.
 */
const paths = new SmartRouter<string>({ routers: [new RegExpRouter(), new TrieRouter()] });
for (const path of new Set(apiRoutes.map((r) => r.path))) {
	const methods = apiRoutes.filter((r) => r.path === path).map((r) => r.method);
	paths.add('ALL', path, methods.join(', '));
}

function allowed(path: string): string | null {
	const [matches] = paths.match('GET', path);
	return matches[0]?.[0] ?? null;
}

function notAllowed(allow: string): ApiError {
	return new ApiError(405, 'method_not_allowed', undefined, { allow });
}

// Hono answers HEAD by running GET and dropping the body. The API has no HEAD: a HEAD is 405
// (or 404 for a path it lacks) with its reason, as any method a path lacks.
const dispatch = app.fetch;
app.fetch = (request, env, executionCtx) => {
	if (request.method !== 'HEAD') return dispatch(request, env, executionCtx);
	const allow = allowed(getPath(request));
	return errorResponse(allow === null ? new ApiError(404, 'not_found') : notAllowed(allow));
};
