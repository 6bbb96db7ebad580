import { z } from 'zod/mini';
import { readCookie, SESSION_COOKIE, sessionCookie, startSession } from '../../auth/sessions';
import { audit } from '../../audit';
import * as invitations from '../../use-cases/invitations';
import { acceptBody, invitationBody, invitationToken } from '../../schemas';
import { resource, reply } from '../context';
import { idParam, jsonBody, signedIn } from '../middleware';
import { actorOf } from './auth';

const tokenOnly = z.strictObject({ token: invitationToken });

/** Invitations: made and revoked by administrators; looked up and accepted by the invited. */
export const invitationRoutes = resource()
	.get('/invitations', signedIn, async (c) =>
		reply(200, { invitations: await invitations.listInvitations(c.env.deps, c.var.actor) })
	)
	.post('/invitations', signedIn, jsonBody(invitationBody), async (c) => {
		const input = c.req.valid('json');
		const invitation = await invitations.createInvitation(c.env.deps, c.var.actor, input);
		return reply(201, { invitation });
	})
	.post('/invitations/lookup', jsonBody(tokenOnly), async (c) =>
		reply(200, {
			invitation: await invitations.describeInvitation(c.env.deps, c.req.valid('json').token)
		})
	)
	.post('/invitations/accept', jsonBody(acceptBody), async (c) => {
		const { deps } = c.env;
		const { userId, ownerId } = await invitations.acceptInvitation(deps, c.req.valid('json'));
		// The new user is signed in at once: no second password check that a rate limit could
		// refuse after the account exists.
		const token = await startSession(deps, userId, readCookie(c.req.raw, SESSION_COOKIE));
		await audit(deps.db, deps.clock, {
			action: 'sign_in',
			ownerId,
			actorUserId: userId,
			reason: 'invitation'
		});
		const user = await actorOf(deps, c.req.url, token);
		return reply(201, { user }, { 'set-cookie': sessionCookie(deps, token) });
	})
	.delete('/invitations/:id', signedIn, idParam, async (c) => {
		await invitations.revokeInvitation(c.env.deps, c.var.actor, c.req.valid('param').id);
		return reply(204, null);
	});
