import type { z } from 'zod/mini';
import * as guidance from '../../use-cases/guidance';
import type { guidanceBody } from '../../schemas';
import { resource, reply } from '../context';
import { signedIn, unjudgedJson } from '../middleware';

/**
 * The owner's screen-time guidance: read and saved by owner administrators; tablets get it by
 * pull (ADR 11). The body is judged after the permission, by the use case.
 */
export const guidanceRoutes = resource()
	.get('/guidance', signedIn, async (c) =>
		reply(200, await guidance.currentGuidance(c.env.deps, c.var.actor))
	)
	.put('/guidance', signedIn, unjudgedJson<z.input<typeof guidanceBody>>(), async (c) =>
		reply(200, await guidance.saveGuidance(c.env.deps, c.var.actor, c.req.valid('json')))
	);
