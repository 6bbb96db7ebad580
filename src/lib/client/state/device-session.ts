import type { SignedInUser } from '$lib/client/api';
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
	const { loadOrganisationFromServer } = await import('./planner-session');
	await loadOrganisationFromServer(user);
	await sync.start(user);
}
