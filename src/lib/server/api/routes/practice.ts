import { createMiddleware } from 'hono/factory';
import * as practice from '../../use-cases/practice-overview';
import { practiceOverviewCsv } from '../../use-cases/practice-csv';
import { csvResponse } from '../http';
import { resource, reply, type ApiEnv } from '../context';
import { signedIn } from '../middleware';

/**
 * The owner's overview of digital practice (issue 15, ADR 33): owner administrators only, for a
 * period (`?from=&to=`, YYYY-MM-DD) and the kindergartens named (`?kindergarten=` repeated; none:
 * every one), also as CSV (`/export`, `?lang=`). The query is judged by the use case, after the
 * permission.
 */
const overviewQuery = createMiddleware<
	ApiEnv,
	string,
	{
		in: { query: { from?: string; to?: string; kindergarten?: string | string[] } };
		out: { query: { from: string | null; to: string | null; kindergartens: string[] } };
	}
>(async (c, next) => {
	c.req.addValidatedData('query', {
		from: c.req.query('from') ?? null,
		to: c.req.query('to') ?? null,
		kindergartens: c.req.queries('kindergarten') ?? []
	});
	await next();
});

export const practiceRoutes = resource()
	.get('/practice/overview', signedIn, overviewQuery, async (c) =>
		reply(200, await practice.ownerPracticeOverview(c.env.deps, c.var.actor, c.req.valid('query')))
	)
	.get('/practice/overview/export', signedIn, async (c) =>
		csvResponse(await practiceOverviewCsv(c.env.deps, c.var.actor, new URL(c.req.url).searchParams))
	);
