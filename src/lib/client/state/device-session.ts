import {
	callApi,
	type ServerGroup,
	type ServerKindergarten,
	type SignedInUser
} from '$lib/client/api';
import { repositories } from './repositories';
import { deviceUserId, setDeviceUser } from './device-user';
import { sync } from './sync.svelte';

/** Staff and managers plan on the tablet, and their plans sync. */
export function syncsPlans(user: SignedInUser | null): boolean {
	return (
		user !== null && (user.role === 'staff' || user.role === 'manager') && !!user.kindergartenId
	);
}

/**
 * After the account is known: a signed-in planner's own database takes over (the page reloads
 * once to open it), the organisation comes from the server, and sync starts.
 */
export async function startDeviceSession(
	user: SignedInUser | null,
	landing: string = window.location.href
): Promise<void> {
	if (!syncsPlans(user) || !user) return;
	if (deviceUserId() !== user.userId) {
		setDeviceUser(user.userId);
		window.location.assign(landing);
		return;
	}
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
	await sync.start(user);
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
