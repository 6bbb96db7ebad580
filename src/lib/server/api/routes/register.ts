import { createMiddleware } from 'hono/factory';
import type { z } from 'zod/mini';
import * as register from '../../use-cases/register';
import type { RegisterEntryFields, ToolProposalFields } from '$lib/domain/register';
import { resource, reply, type ApiEnv } from '../context';
import { idParam, signedIn, unjudgedJson } from '../middleware';

/**
 * The owner's register of digital tools (issue 16, ADR 43): read by everyone of the owner but
 * parents; entries added and changed by owner admins, who also see where tools that are not
 * approved are planned (`/register/usage?from=`) and decide the staff's proposals. Bodies are
 * judged after the permission, by the use case.
 */
const usageQuery = createMiddleware<
	ApiEnv,
	string,
	{ in: { query: { from?: string } }; out: { query: { from: string | null } } }
>(async (c, next) => {
	c.req.addValidatedData('query', { from: c.req.query('from') ?? null });
	await next();
});

export const registerRoutes = resource()
	.get('/register', signedIn, async (c) =>
		reply(200, { entries: await register.registerFor(c.env.deps, c.var.actor) })
	)
	.post('/register/entries', signedIn, unjudgedJson<RegisterEntryFields>(), async (c) =>
		reply(201, await register.addEntry(c.env.deps, c.var.actor, c.req.valid('json')))
	)
	.put(
		'/register/entries/:id',
		signedIn,
		idParam,
		unjudgedJson<z.input<typeof register.entryUpdateBody>>(),
		async (c) =>
			reply(
				200,
				await register.updateEntry(
					c.env.deps,
					c.var.actor,
					c.req.valid('param').id,
					c.req.valid('json')
				)
			)
	)
	.get('/register/usage', signedIn, usageQuery, async (c) =>
		reply(200, await register.registerUsage(c.env.deps, c.var.actor, c.req.valid('query')))
	)
	.post('/register/proposals', signedIn, unjudgedJson<ToolProposalFields>(), async (c) =>
		reply(201, await register.propose(c.env.deps, c.var.actor, c.req.valid('json')))
	)
	.get('/register/proposals', signedIn, async (c) =>
		reply(200, { proposals: await register.proposals(c.env.deps, c.var.actor) })
	)
	.post(
		'/register/proposals/:id/decision',
		signedIn,
		idParam,
		unjudgedJson<z.input<typeof register.decisionBody>>(),
		async (c) =>
			reply(
				200,
				await register.decideProposal(
					c.env.deps,
					c.var.actor,
					c.req.valid('param').id,
					c.req.valid('json')
				)
			)
	);
