import {
	callApi,
	type ServerGroup,
	type ServerKindergarten,
	type SignedInUser
} from '$lib/client/api';
import { repositories } from './repositories';
import { setDeviceUser } from './device-user';

/*
 * The server's side of a signed-in planner's session on the tablet: the organisation fetched at
 * the start, what is unsent and the sign-out at the end. Loaded by `startDeviceSession()` and the
 * sign-out page, so a tablet nobody signs in on never loads it.
 */

/** Replaces the device's kindergarten and groups with the server's (when it answers). */
export async function loadOrganisationFromServer(user: SignedInUser): Promise<void> {
	const [k, g] = await Promise.all([
		callApi<{ kindergarten: ServerKindergarten }>('GET', `/kindergartens/${user.kindergartenId}`),
		callApi<{ groups: ServerGroup[] }>('GET', `/kindergartens/${user.kindergartenId}/groups`)
	]);
	if (k.ok && g.ok) {
		await repositories().organisation.replaceFromServer(
			k.data.kindergarten,
			g.data.groups.map((group) => ({ ...group, kindergartenId: k.data.kindergarten.id }))
		);
	}
}

/** Everything unsent, as a file a person can keep (the last resort before signing out). */
export async function exportUnsent(): Promise<Blob> {
	const db = repositories().db;
	const outbox = await db.outbox.orderBy('id').toArray();
	const ids = [...new Set(outbox.map((m) => m.recordId))];
	const plans = (await db.plans.bulkGet(ids)).filter(Boolean);
	const file = { exportedAt: new Date().toISOString(), unsentChanges: outbox, plans };
	return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
}

/**
 * Signs out of the server and leaves the user's database: removed when `removeData`, else kept
 * on the tablet for the next time this user signs in.
 */
export async function endDeviceSession(removeData: boolean): Promise<void> {
	await callApi('POST', '/auth/sign-out');
	const db = repositories().db;
	setDeviceUser(null);
	if (removeData) {
		db.close();
		await db.delete();
	}
}
