import * as auth from '../../use-cases/auth';
import { resource, reply } from '../context';
import { signedIn } from '../middleware';

/** The owner's audit log, for owner administrators. */
export const auditRoutes = resource().get('/audit', signedIn, async (c) =>
	reply(200, { entries: await auth.readAuditLog(c.env.deps, c.var.actor) })
);
