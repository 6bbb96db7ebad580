import { createMiddleware } from 'hono/factory';
import type { z } from 'zod/mini';
import { isUuid } from '$lib/domain/ids';
import { requireActor, type Actor } from '../auth/sessions';
import { syncScope, type SyncScope } from '../access';
import type { ApiEnv } from './context';
import type { ServerDeps } from '../deps';
import { KINDERGARTEN_HEADER } from '$lib/sync/protocol';
import { ApiError, BODY_LIMIT_BYTES, parseWith, readJson } from './http';

/**
 * What a route asks of a request before its handler runs, in the order it is listed on the
 * route: who calls, then the id in the path, then the body. Each failure is an `ApiError`,
 * which the app's one error handler answers with its status and reason code.
 */

type With<Variables> = ApiEnv & { Variables: Variables };

/** The caller must be signed in (401 `not_signed_in`); `c.var.actor` is who calls. */
export const signedIn = createMiddleware<With<{ actor: Actor }>>(async (c, next) => {
	c.set('actor', await requireActor(c.env.deps, c.req.raw));
	await next();
});

/**
 * A caller who syncs: signed in, staff or manager of a kindergarten (ADR 9); and the scope. A
 * tablet without a session whose kindergarten (`X-Lekeplan-Kindergarten`) was deleted with its
 * data hears so (410 `kindergarten_removed`, ADR 44), and removes it.
 */
export const syncing = createMiddleware<With<{ actor: Actor; scope: SyncScope }>>(
	async (c, next) => {
		const actor = await requireActor(c.env.deps, c.req.raw).catch(async (error: unknown) => {
			throw (await removedKindergarten(c.env.deps, c.req.raw)) ?? error;
		});
		c.set('actor', actor);
		c.set('scope', await syncScope(c.env.deps, actor));
		await next();
	}
);

/** The 410 for a request naming a kindergarten deleted with its data, or null. */
async function removedKindergarten(deps: ServerDeps, request: Request): Promise<ApiError | null> {
	const id = request.headers.get(KINDERGARTEN_HEADER) ?? '';
	if (!isUuid(id)) return null;
	const removed = await deps.db
		.selectFrom('removedKindergartens')
		.select(['id', 'name', 'removedAt'])
		.where('id', '=', id)
		.executeTakeFirst();
	return removed
		? new ApiError(410, 'kindergarten_removed', undefined, undefined, {
				kindergarten: { id: removed.id, name: removed.name, removedAt: removed.removedAt }
			})
		: null;
}

/** `:id` must look like an id: anything else cannot exist (404, not 500). */
export const idParam = createMiddleware<ApiEnv, string, { out: { param: { id: string } } }>(
	async (c, next) => {
		const id = c.req.param('id') ?? '';
		if (!isUuid(id)) throw new ApiError(404, 'not_found');
		c.req.addValidatedData('param', { id });
		await next();
	}
);

/**
 * A JSON body judged by its zod schema (a Standard Schema: the client sends its input type,
 * the handler gets its output): 415, 413 and 400 from `readJson`, then `parseWith`'s 400
 * `invalid_body` or 422 `invalid_value`, each naming the fields.
 */
export const jsonBody = <S extends z.ZodMiniType>(schema: S) =>
	createMiddleware<ApiEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }>(
		async (c, next) => {
			const body = parseWith(schema, await readJson(c.req.raw)) as z.output<S> & object;
			c.req.addValidatedData('json', body);
			await next();
		}
	);

/**
 * A JSON body that may be left out (no type, no length): then the handler gets null; one sent
 * is judged as `jsonBody` judges it.
 */
export const optionalJsonBody = <S extends z.ZodMiniType>(schema: S) =>
	createMiddleware<
		ApiEnv,
		string,
		{ in: { json: z.input<S> }; out: { json: (z.output<S> & object) | null } }
	>(async (c, next) => {
		const request = c.req.raw;
		const sent =
			request.headers.has('content-type') || Number(request.headers.get('content-length') ?? 0) > 0;
		const body = sent ? (parseWith(schema, await readJson(request)) as z.output<S> & object) : null;
		c.req.addValidatedData('json', body as object);
		await next();
	});

/**
 * A JSON body read (type, size limit, well-formed) and handed to the use case unjudged, because
 * checks come before its shape: the protocol's versions (426) for a push, the permission (403)
 * for the guidance. `T` is what the client sends.
 */
export const unjudgedJson = <T>(limit = BODY_LIMIT_BYTES) =>
	createMiddleware<ApiEnv, string, { in: { json: T }; out: { json: unknown } }>(async (c, next) => {
		c.req.addValidatedData('json', (await readJson(c.req.raw, limit)) as object);
		await next();
	});
