import * as plan from '../../use-cases/competence-plan';
import { ownerPlanEntrySchema } from '$lib/domain/competence/owner-plan';
import { resource, reply } from '../context';
import { idParam, jsonBody, signedIn } from '../middleware';

/**
 * The owner's competence plan (issue 14, ADR 29): owner administrators list, add, change and
 * delete its entries; a kindergarten's manager reads what concerns their kindergarten.
 */
export const competencePlanRoutes = resource()
	.get('/competence/plan', signedIn, async (c) =>
		reply(200, { entries: await plan.ownerPlan(c.env.deps, c.var.actor) })
	)
	.post('/competence/plan', signedIn, jsonBody(ownerPlanEntrySchema), async (c) =>
		reply(201, { entry: await plan.addEntry(c.env.deps, c.var.actor, c.req.valid('json')) })
	)
	.put('/competence/plan/:id', signedIn, idParam, jsonBody(ownerPlanEntrySchema), async (c) =>
		reply(200, {
			entry: await plan.updateEntry(
				c.env.deps,
				c.var.actor,
				c.req.valid('param').id,
				c.req.valid('json')
			)
		})
	)
	.delete('/competence/plan/:id', signedIn, idParam, async (c) => {
		await plan.deleteEntry(c.env.deps, c.var.actor, c.req.valid('param').id);
		return reply(204, null);
	})
	.get('/competence/plan/kindergartens/:id', signedIn, idParam, async (c) =>
		reply(200, await plan.kindergartenPlan(c.env.deps, c.var.actor, c.req.valid('param').id))
	);
