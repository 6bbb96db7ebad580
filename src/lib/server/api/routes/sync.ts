import { createMiddleware } from 'hono/factory';
import { MAX_PUSH_BYTES, type PushRequest } from '$lib/sync';
import * as sync from '$lib/server/use-cases/sync';
import { resolveBody } from '../../schemas';
import { encodedReply, resource, reply, type ApiEnv } from '../context';
import { idParam, jsonBody, syncing, unjudgedJson } from '../middleware';

/**
 * The pull's query, handed to the use case as it came: it judges it strictly (ADR 9), versions
 * first. Typed for the client as the text of each parameter.
 */
const pullQuery = createMiddleware<
	ApiEnv,
	string,
	{
		in: { query: Record<Exclude<keyof sync.PullQuery, 'known'>, string> & { known?: string } };
		out: { query: URLSearchParams };
	}
>(async (c, next) => {
	// The query string alone: the whole URL was parsed once already, to route the request.
	const url = c.req.url;
	const start = url.indexOf('?');
	c.req.addValidatedData('query', new URLSearchParams(start === -1 ? '' : url.slice(start + 1)));
	await next();
});

/**
 * Sync (ADR 9): push and pull, and the conflicts to resolve. Push and pull keep their fast
 * paths (ADR 13): the push body is read as bytes within MAX_PUSH_BYTES and parsed once by the
 * use case; the pull's answer is bytes, compressed in the route and sent as one streamed chunk
 * (`encodedReply`).
 */
export const syncRoutes = resource()
	.post('/sync/push', syncing, unjudgedJson<PushRequest>(MAX_PUSH_BYTES), async (c) => {
		const { actor, scope } = c.var;
		return reply(200, await sync.push(c.env.deps, actor, scope, c.req.valid('json')));
	})
	.get('/sync/pull', syncing, pullQuery, async (c) => {
		const { actor, scope } = c.var;
		const answer = await sync.pull(c.env.deps, actor, scope, c.req.valid('query'));
		return encodedReply(c.req.header('accept-encoding'), 200, answer);
	})
	.get('/sync/conflicts', syncing, async (c) =>
		reply(200, { conflicts: await sync.listConflicts(c.env.deps, c.var.scope) })
	)
	.post('/sync/conflicts/:id/resolve', syncing, idParam, jsonBody(resolveBody), async (c) => {
		const { actor, scope } = c.var;
		const { id } = c.req.valid('param');
		const input = c.req.valid('json');
		return reply(200, {
			resolved: await sync.resolveConflict(c.env.deps, actor, scope, id, input)
		});
	});
