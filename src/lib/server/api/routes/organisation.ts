import * as organisation from '../../use-cases/organisation';
import * as deletion from '../../use-cases/kindergarten-deletion';
import { groupBody, kindergartenBody, kindergartenDeletionBody } from '../../schemas';
import { resource, reply } from '../context';
import { idParam, jsonBody, optionalJsonBody, signedIn } from '../middleware';

/** The owner's kindergartens and their groups (age bands). */
export const organisationRoutes = resource()
	.get('/kindergartens', signedIn, async (c) =>
		reply(200, { kindergartens: await organisation.listKindergartens(c.env.deps, c.var.actor) })
	)
	.post('/kindergartens', signedIn, jsonBody(kindergartenBody), async (c) => {
		const input = c.req.valid('json');
		const kindergarten = await organisation.createKindergarten(c.env.deps, c.var.actor, input);
		return reply(201, { kindergarten });
	})
	.get('/kindergartens/:id', signedIn, idParam, async (c) => {
		const { id } = c.req.valid('param');
		return reply(200, {
			kindergarten: await organisation.getKindergarten(c.env.deps, c.var.actor, id)
		});
	})
	.patch('/kindergartens/:id', signedIn, idParam, jsonBody(kindergartenBody), async (c) => {
		const { id } = c.req.valid('param');
		const input = c.req.valid('json');
		return reply(200, {
			kindergarten: await organisation.renameKindergarten(c.env.deps, c.var.actor, id, input)
		});
	})
	.get('/kindergartens/:id/deletion-preview', signedIn, idParam, async (c) => {
		const { id } = c.req.valid('param');
		return reply(200, { preview: await deletion.deletionPreview(c.env.deps, c.var.actor, id) });
	})
	// With `{ confirmName }`: the kindergarten and all its data; without a body: an empty one only.
	.delete(
		'/kindergartens/:id',
		signedIn,
		idParam,
		optionalJsonBody(kindergartenDeletionBody),
		async (c) => {
			const { id } = c.req.valid('param');
			const body = c.req.valid('json');
			if (body) {
				await deletion.deleteKindergartenWithData(c.env.deps, c.var.actor, id, body.confirmName);
			} else {
				await organisation.deleteKindergarten(c.env.deps, c.var.actor, id);
			}
			return reply(204, null);
		}
	)
	.get('/kindergartens/:id/groups', signedIn, idParam, async (c) => {
		const { id } = c.req.valid('param');
		return reply(200, { groups: await organisation.listGroups(c.env.deps, c.var.actor, id) });
	})
	.post('/kindergartens/:id/groups', signedIn, idParam, jsonBody(groupBody), async (c) => {
		const { id } = c.req.valid('param');
		const input = c.req.valid('json');
		return reply(201, {
			group: await organisation.createGroup(c.env.deps, c.var.actor, id, input)
		});
	})
	.get('/groups/:id', signedIn, idParam, async (c) => {
		const { id } = c.req.valid('param');
		return reply(200, { group: await organisation.getGroup(c.env.deps, c.var.actor, id) });
	})
	.patch('/groups/:id', signedIn, idParam, jsonBody(groupBody), async (c) => {
		const { id } = c.req.valid('param');
		const input = c.req.valid('json');
		return reply(200, {
			group: await organisation.updateGroup(c.env.deps, c.var.actor, id, input)
		});
	})
	.delete('/groups/:id', signedIn, idParam, async (c) => {
		await organisation.deleteGroup(c.env.deps, c.var.actor, c.req.valid('param').id);
		return reply(204, null);
	});
