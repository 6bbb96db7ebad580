import type { z } from 'zod/mini';
import * as desk from '../../use-cases/parent-desk';
import type { SummaryPublish } from '$lib/domain/parent-summary';
import type { parentCodeBody, questionAnswerBody } from '../../schemas';
import { isUuid } from '$lib/domain/ids';
import { ApiError } from '../http';
import { resource, reply } from '../context';
import { idParam, signedIn, unjudgedJson } from '../middleware';

/**
 * The kindergarten's side of the parents' pages (issue 17, ADR 40): summaries published and
 * withdrawn (a manager, or staff the manager allows), who may publish, join codes, the parents
 * of a group and their questions (the manager). Bodies are judged after the permission, by the
 * use case.
 */
export const parentDeskRoutes = resource()
	.get('/parent-desk', signedIn, async (c) =>
		reply(200, await desk.deskAccess(c.env.deps, c.var.actor))
	)
	.get('/summaries', signedIn, async (c) =>
		reply(200, { summaries: await desk.listSummaries(c.env.deps, c.var.actor) })
	)
	.post('/summaries', signedIn, unjudgedJson<SummaryPublish>(), async (c) => {
		const { summary, replaced } = await desk.publishSummary(
			c.env.deps,
			c.var.actor,
			c.req.valid('json')
		);
		return reply(replaced ? 200 : 201, { summary, replaced });
	})
	.delete('/summaries/:id', signedIn, idParam, async (c) => {
		await desk.withdrawSummary(c.env.deps, c.var.actor, c.req.valid('param').id);
		return reply(204, null);
	})
	.get('/summary-publishers', signedIn, async (c) =>
		reply(200, { staff: await desk.listPublishers(c.env.deps, c.var.actor) })
	)
	.put('/summary-publishers/:id', signedIn, idParam, async (c) => {
		await desk.setPublisher(c.env.deps, c.var.actor, c.req.valid('param').id, true);
		return reply(204, null);
	})
	.delete('/summary-publishers/:id', signedIn, idParam, async (c) => {
		await desk.setPublisher(c.env.deps, c.var.actor, c.req.valid('param').id, false);
		return reply(204, null);
	})
	.get('/parent-codes', signedIn, async (c) =>
		reply(200, { codes: await desk.listCodes(c.env.deps, c.var.actor) })
	)
	.post('/parent-codes', signedIn, unjudgedJson<z.input<typeof parentCodeBody>>(), async (c) =>
		reply(201, { code: await desk.createCode(c.env.deps, c.var.actor, c.req.valid('json')) })
	)
	.delete('/parent-codes/:id', signedIn, idParam, async (c) => {
		await desk.revokeCode(c.env.deps, c.var.actor, c.req.valid('param').id);
		return reply(204, null);
	})
	.get('/groups/:id/parents', signedIn, idParam, async (c) =>
		reply(200, {
			parents: await desk.listParents(c.env.deps, c.var.actor, c.req.valid('param').id)
		})
	)
	.delete('/groups/:id/parents/:user', signedIn, idParam, async (c) => {
		const user = c.req.param('user');
		if (!isUuid(user)) throw new ApiError(404, 'not_found');
		await desk.removeParent(c.env.deps, c.var.actor, c.req.valid('param').id, user);
		return reply(204, null);
	})
	.get('/parent-questions', signedIn, async (c) =>
		reply(200, { questions: await desk.listQuestions(c.env.deps, c.var.actor) })
	)
	.put(
		'/parent-questions/:id/answer',
		signedIn,
		idParam,
		unjudgedJson<z.input<typeof questionAnswerBody>>(),
		async (c) =>
			reply(200, {
				question: await desk.answerQuestion(
					c.env.deps,
					c.var.actor,
					c.req.valid('param').id,
					c.req.valid('json')
				)
			})
	);
