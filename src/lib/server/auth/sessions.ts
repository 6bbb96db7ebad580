import { sql } from 'kysely';
import type { ServerDeps } from '../deps';
import type { Role } from '../db';
import { ApiError } from '../api/http';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'lekeplan_session';

/** The signed-in caller, as the server derives it from the session: never from the request. */
export interface Actor {
	userId: string;
	ownerId: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	displayName: string;
	email: string | null;
}

export function readCookie(request: Request, name: string): string | null {
	const header = request.headers.get('cookie');
	if (!header) return null;
	for (const part of header.split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return null;
}

function secure(deps: ServerDeps): boolean {
	return deps.origin.startsWith('https://');
}

/** The Set-Cookie value for a new session: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function sessionCookie(deps: ServerDeps, token: string): string {
	const maxAge = Math.floor(deps.sessions.absoluteMs / 1000);
	return [
		`${SESSION_COOKIE}=${token}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
		`Max-Age=${maxAge}`,
		...(secure(deps) ? ['Secure'] : [])
	].join('; ');
}

export function clearedSessionCookie(deps: ServerDeps): string {
	return [
		`${SESSION_COOKIE}=`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
		'Max-Age=0',
		...(secure(deps) ? ['Secure'] : [])
	].join('; ');
}

/**
 * Starts a session for a user: a fresh random id every time (rotation at sign-in), and any
 * session the request already carried is ended, so a fixed or stolen id never survives it.
 */
export async function startSession(
	deps: ServerDeps,
	userId: string,
	previousToken: string | null
): Promise<string> {
	const token = newToken();
	const now = deps.clock.now();
	await deps.db.transaction().execute(async (trx) => {
		if (previousToken) {
			await trx.deleteFrom('sessions').where('idHash', '=', hashToken(previousToken)).execute();
		}
		await trx
			.insertInto('sessions')
			.values({
				idHash: hashToken(token),
				userId,
				createdAt: now.toISOString(),
				lastSeenAt: now.toISOString(),
				expiresAt: new Date(now.getTime() + deps.sessions.absoluteMs).toISOString()
			})
			.execute();
	});
	return token;
}

export async function endSession(deps: ServerDeps, token: string): Promise<void> {
	await deps.db.deleteFrom('sessions').where('idHash', '=', hashToken(token)).execute();
}

export async function endSessionsOf(deps: ServerDeps, userId: string): Promise<void> {
	await deps.db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

interface ActorRow extends Actor {
	lastSeenAt: string;
	expiresAt: string;
	disabledAt: string | null;
}

/** Activity younger than this does not rewrite `last_seen_at` (one write a minute at most). */
const TOUCH_AFTER_MS = 60_000;

/**
 * The caller of a request, or null when there is no valid session. Idle and absolute
 * timeouts end a session; so does disabling its user.
 */
export async function currentActor(deps: ServerDeps, request: Request): Promise<Actor | null> {
	const token = readCookie(request, SESSION_COOKIE);
	if (!token) return null;
	const idHash = hashToken(token);
	// Every API request asks this: written out, so no query is built and renamed per request
	// (issue 18, the pull under load).
	const {
		rows: [row]
	} = await sql<ActorRow>`
		select s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt", u.id as "userId",
			u.owner_id as "ownerId", u.role as "role", u.kindergarten_id as "kindergartenId",
			u.group_id as "groupId", u.display_name as "displayName", u.email as "email",
			u.disabled_at as "disabledAt"
		from sessions s inner join users u on u.id = s.user_id
		where s.id_hash = ${idHash}`.execute(deps.db.withoutPlugins());
	if (!row) return null;
	const now = deps.clock.now().getTime();
	const idle = now - new Date(row.lastSeenAt).getTime() > deps.sessions.idleMs;
	const expired = now >= new Date(row.expiresAt).getTime();
	if (idle || expired || row.disabledAt !== null) {
		await deps.db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
		return null;
	}
	if (now - new Date(row.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
		await deps.db
			.updateTable('sessions')
			.set({ lastSeenAt: new Date(now).toISOString() })
			.where('idHash', '=', idHash)
			.execute();
	}
	return {
		userId: row.userId,
		ownerId: row.ownerId,
		role: row.role,
		kindergartenId: row.kindergartenId,
		groupId: row.groupId,
		displayName: row.displayName,
		email: row.email
	};
}

export async function requireActor(deps: ServerDeps, request: Request): Promise<Actor> {
	const actor = await currentActor(deps, request);
	if (!actor) throw new ApiError(401, 'not_signed_in');
	return actor;
}
