import type { ServerDeps } from '../deps';
import { ApiError } from '../api/http';
import { audit } from '../audit';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { endSession, startSession, type Actor } from '../auth/sessions';
import { recordFailure, recordSuccess, secondsToWait, throttleKeys } from '../auth/throttle';

/**
 * Local sign-in. The same answer (401 `invalid_credentials`) for an unknown email, a wrong
 * password and a disabled user; repeated failures slow further attempts down (429 with
 * Retry-After), by account and by address (auth/throttle.ts).
 */
export async function signIn(
	deps: ServerDeps,
	input: { email: string; password: string },
	clientAddress: string,
	previousToken: string | null
): Promise<{ token: string; userId: string }> {
	const email = input.email.trim().toLowerCase();
	const keys = throttleKeys(email, clientAddress);
	const wait = await secondsToWait(deps, keys);
	if (wait > 0) {
		throw new ApiError(429, 'too_many_attempts', undefined, { 'retry-after': String(wait) });
	}
	const user = await deps.db
		.selectFrom('users')
		.select(['id', 'ownerId', 'passwordHash', 'disabledAt'])
		.where('email', '=', email)
		.executeTakeFirst();
	const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
	if (!user || !user.passwordHash || !ok || user.disabledAt !== null) {
		await recordFailure(deps, keys);
		await audit(deps.db, deps.clock, {
			action: 'sign_in_failed',
			ownerId: user?.ownerId ?? null,
			actorUserId: user?.id ?? null,
			reason: !user ? 'unknown_user' : user.disabledAt ? 'disabled' : 'wrong_password'
		});
		throw new ApiError(401, 'invalid_credentials');
	}
	await recordSuccess(deps, keys);
	const token = await startSession(deps, user.id, previousToken);
	await audit(deps.db, deps.clock, {
		action: 'sign_in',
		ownerId: user.ownerId,
		actorUserId: user.id,
		reason: 'password'
	});
	return { token, userId: user.id };
}

/** Signs in the user linked to an OpenID Connect identity. */
export async function signInWithIdentity(
	deps: ServerDeps,
	identity: { issuer: string; subject: string },
	previousToken: string | null
): Promise<{ token: string; userId: string }> {
	const user = await deps.db
		.selectFrom('identities')
		.innerJoin('users', 'users.id', 'identities.userId')
		.select(['users.id', 'users.ownerId', 'users.disabledAt'])
		.where('identities.issuer', '=', identity.issuer)
		.where('identities.subject', '=', identity.subject)
		.executeTakeFirst();
	if (!user || user.disabledAt !== null) {
		await audit(deps.db, deps.clock, {
			action: 'sign_in_failed',
			ownerId: user?.ownerId ?? null,
			actorUserId: user?.id ?? null,
			reason: user ? 'disabled' : 'identity_not_linked'
		});
		throw new ApiError(403, user ? 'invalid_credentials' : 'identity_not_linked');
	}
	const token = await startSession(deps, user.id, previousToken);
	await audit(deps.db, deps.clock, {
		action: 'sign_in',
		ownerId: user.ownerId,
		actorUserId: user.id,
		reason: 'oidc'
	});
	return { token, userId: user.id };
}

export async function signOut(deps: ServerDeps, actor: Actor | null, token: string | null) {
	if (token) await endSession(deps, token);
	if (actor) {
		await audit(deps.db, deps.clock, {
			action: 'sign_out',
			ownerId: actor.ownerId,
			actorUserId: actor.userId
		});
	}
}
