import type { z } from 'zod/mini';
import * as items from '../../use-cases/competence-items';
import type { competenceRetirementBody } from '../../schemas';
import type { OwnItemFields } from '$lib/domain/competence/owner-items';
import { resource, reply } from '../context';
import { signedIn, unjudgedJson } from '../middleware';

/**
 * The owner's own competence items (issue 14, ADR 37): owner admins read the set, add an item and
 * retire any item from a period on; tablets get the set by pull. Bodies are judged after the
 * permission, by the use case.
 */
export const competenceItemRoutes = resource()
	.get('/competence/items', signedIn, async (c) =>
		reply(200, await items.itemSet(c.env.deps, c.var.actor))
	)
	.post('/competence/items', signedIn, unjudgedJson<OwnItemFields>(), async (c) =>
		reply(201, await items.addItem(c.env.deps, c.var.actor, c.req.valid('json')))
	)
	.post(
		'/competence/items/:id/retirement',
		signedIn,
		unjudgedJson<z.input<typeof competenceRetirementBody>>(),
		async (c) =>
			reply(
				200,
				await items.retireItem(c.env.deps, c.var.actor, c.req.param('id'), c.req.valid('json'))
			)
	);
