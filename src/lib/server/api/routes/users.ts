import * as users from '../../use-cases/users';
import { userPatchBody } from '../../schemas';
import { resource, reply } from '../context';
import { idParam, jsonBody, signedIn } from '../middleware';

/** The owner's users: listed, and changed (role, place, disabled) by those who may. */
export const userRoutes = resource()
	.get('/users', signedIn, async (c) =>
		reply(200, { users: await users.listUsers(c.env.deps, c.var.actor) })
	)
	.patch('/users/:id', signedIn, idParam, jsonBody(userPatchBody), async (c) => {
		const { id } = c.req.valid('param');
		const input = c.req.valid('json');
		return reply(200, { user: await users.updateUser(c.env.deps, c.var.actor, id, input) });
	});
