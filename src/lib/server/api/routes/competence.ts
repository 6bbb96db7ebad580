import { createMiddleware } from 'hono/factory';
import type { z } from 'zod/mini';
import * as competence from '../../use-cases/competence';
import { competenceOverviewCsv } from '../../use-cases/competence-csv';
import type { competenceAnswersBody } from '../../schemas';
import { csvResponse } from '../http';
import { resource, reply, type ApiEnv } from '../context';
import { idParam, signedIn, unjudgedJson } from '../middleware';

/**
 * Professional digital competence (issue 14, ADR 25): a person's own self-assessment (only they
 * read, export or delete it), and the anonymised figures a manager reviews for their
 * kindergarten and an owner administrator for every kindergarten (also as CSV: `?period=`,
 * `?lang=`). The body is judged after the permission, by the use case.
 */
/** `?period=YYYY-1|2`, optional (the current period): judged by the use case. */
const periodQuery = createMiddleware<
	ApiEnv,
	string,
	{ in: { query: { period?: string } }; out: { query: { period: string | null } } }
>(async (c, next) => {
	c.req.addValidatedData('query', { period: c.req.query('period') ?? null });
	await next();
});

export const competenceRoutes = resource()
	.get('/competence/mine', signedIn, async (c) =>
		reply(200, { submissions: await competence.ownSubmissions(c.env.deps, c.var.actor) })
	)
	.delete('/competence/mine', signedIn, async (c) => {
		await competence.deleteOwn(c.env.deps, c.var.actor, null);
		return reply(204, null);
	})
	.put(
		'/competence/mine/:period',
		signedIn,
		unjudgedJson<z.input<typeof competenceAnswersBody>>(),
		async (c) =>
			reply(200, {
				submission: await competence.submitAnswers(
					c.env.deps,
					c.var.actor,
					c.req.param('period'),
					c.req.valid('json')
				)
			})
	)
	.delete('/competence/mine/:period', signedIn, async (c) => {
		await competence.deleteOwn(c.env.deps, c.var.actor, c.req.param('period'));
		return reply(204, null);
	})
	.get('/competence/kindergartens/:id', signedIn, idParam, periodQuery, async (c) =>
		reply(
			200,
			await competence.reviewKindergarten(
				c.env.deps,
				c.var.actor,
				c.req.valid('param').id,
				c.req.valid('query').period
			)
		)
	)
	.get('/competence/overview', signedIn, periodQuery, async (c) =>
		reply(200, await competence.ownerOverview(c.env.deps, c.var.actor, c.req.valid('query').period))
	)
	.get('/competence/overview/export', signedIn, async (c) =>
		csvResponse(
			await competenceOverviewCsv(c.env.deps, c.var.actor, new URL(c.req.url).searchParams)
		)
	);
