import * as mine from '../../use-cases/my-data';
import { resource, reply } from '../context';
import { signedIn } from '../middleware';

/**
 * What is stored about the caller, and their request to have it deleted (issue 16); the owner's
 * requests for its owner admins, who carry them out.
 */
export const myDataRoutes = resource()
	.get('/me/data', signedIn, async (c) => reply(200, await mine.myData(c.env.deps, c.var.actor)))
	.get('/me/deletion-request', signedIn, async (c) =>
		reply(200, await mine.myDeletionRequest(c.env.deps, c.var.actor))
	)
	.post('/me/deletion-request', signedIn, async (c) =>
		reply(201, await mine.askDeletion(c.env.deps, c.var.actor))
	)
	.delete('/me/deletion-request', signedIn, async (c) =>
		reply(200, await mine.withdrawDeletion(c.env.deps, c.var.actor))
	)
	.get('/deletion-requests', signedIn, async (c) =>
		reply(200, await mine.listDeletionRequests(c.env.deps, c.var.actor))
	)
	.post('/deletion-requests/:id/completion', signedIn, async (c) =>
		reply(200, await mine.carryOutDeletion(c.env.deps, c.var.actor, c.req.param('id')))
	);
