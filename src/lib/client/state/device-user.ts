/**
 * Which database this tablet uses. Signed out, the device's own (`lekeplan`); signed in as
 * staff or a manager, that user's own database (`lekeplan-user-<id>`), which syncs with the
 * owner's server. Shared tablets keep each user's data apart (issue 5). The choice survives
 * reloads and going offline; switching reloads the page so every live query opens the new one.
 */
const KEY = 'lekeplan.deviceUser';

export function deviceUserId(): string | null {
	try {
		const value = localStorage.getItem(KEY);
		return value && /^[0-9a-f-]{36}$/.test(value) ? value : null;
	} catch {
		return null;
	}
}

export function databaseName(userId: string | null = deviceUserId()): string {
	return userId ? `lekeplan-user-${userId}` : 'lekeplan';
}

export function setDeviceUser(userId: string | null): void {
	if (userId) localStorage.setItem(KEY, userId);
	else localStorage.removeItem(KEY);
}

const REMOVED = 'lekeplan.removedKindergarten';

/**
 * The name of a kindergarten whose data this tablet removed because the owner deleted it
 * (ADR 44), until the person has read the notice; null when there is none.
 */
export function removedKindergarten(): string | null {
	try {
		return localStorage.getItem(REMOVED);
	} catch {
		return null;
	}
}

export function setRemovedKindergarten(name: string | null): void {
	try {
		if (name === null) localStorage.removeItem(REMOVED);
		else localStorage.setItem(REMOVED, name);
	} catch {
		// Storage unavailable (private mode): the notice is not shown.
	}
}
