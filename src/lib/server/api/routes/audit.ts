import * as auditLog from '../../use-cases/audit-log';
import { auditCsv } from '../../use-cases/audit-csv';
import { csvResponse } from '../http';
import { resource, reply } from '../context';
import { signedIn } from '../middleware';

/**
 * The owner's audit log, for owner administrators: a page at a time, filtered by the query
 * (action, person, kindergarten, dates), refusals grouped; and the same rows as CSV.
 */
export const auditRoutes = resource()
	.get('/audit', signedIn, async (c) =>
		reply(
			200,
			await auditLog.readAuditLog(c.env.deps, c.var.actor, new URL(c.req.url).searchParams)
		)
	)
	.get('/audit/export', signedIn, async (c) =>
		csvResponse(await auditCsv(c.env.deps, c.var.actor, new URL(c.req.url).searchParams))
	);
