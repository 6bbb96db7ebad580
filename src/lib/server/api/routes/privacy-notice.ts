import type { z } from 'zod/mini';
import * as notice from '../../use-cases/privacy-notice';
import type { privacyNoticeBody } from '../../schemas';
import { resource, reply } from '../context';
import { signedIn, unjudgedJson } from '../middleware';

/**
 * The owner's privacy notice (issues 16 and 17): read by everyone signed in, one language's text
 * saved by an owner admin. The body is judged after the permission, by the use case.
 */
export const privacyNoticeRoutes = resource()
	.get('/privacy-notice', signedIn, async (c) =>
		reply(200, await notice.readPrivacyNotice(c.env.deps, c.var.actor))
	)
	.put(
		'/privacy-notice/:locale',
		signedIn,
		unjudgedJson<z.input<typeof privacyNoticeBody>>(),
		async (c) =>
			reply(
				200,
				await notice.savePrivacyNotice(
					c.env.deps,
					c.var.actor,
					c.req.param('locale'),
					c.req.valid('json')
				)
			)
	);
