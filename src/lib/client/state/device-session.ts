import type { SignedInUser } from '$lib/client/api';
import { account } from './account.svelte';
import { deviceUserId, setDeviceUser } from './device-user';
import { sync } from './sync.svelte';

let opening: Promise<void> = Promise.resolve();

/** When the app starts: who is signed in (asking the server), then that planner's session. */
export function openDeviceSession(): Promise<void> {
	opening = account
		.refresh()
		.then(async () => {
			// The session is gone: perhaps with the kindergarten itself (ADR 44).
			if (account.sessionLost && !account.unreachable) {
				const { checkKindergartenRemoved } = await import('./removed-kindergarten');
				await checkKindergartenRemoved();
			}
		})
		.then(() => startDeviceSession(account.user))
		.then(() => undefined);
	return opening;
}

/**
 * Resolves when the session `openDeviceSession()` began has started syncing, or turned out not
 * to: sign-out waits for it before it asks what is unsent.
 */
export function deviceSessionOpened(): Promise<void> {
	// A failure is reported where the session was opened (the layout); sign-out goes on.
	return opening.catch(() => undefined);
}

/** Staff and managers plan on the tablet, and their plans sync. */
export function syncsPlans(user: SignedInUser | null): boolean {
	return (
		user !== null && (user.role === 'staff' || user.role === 'manager') && !!user.kindergartenId
	);
}

/**
 * After the account is known: a signed-in planner's own database takes over (the page reloads
 * once to open it, on the page that offers the device's own plans if it has any), the
 * organisation comes from the server, and sync starts. Says whether the page is reloading into
 * `landing`; when the tablet already holds this planner's database it is not, and a caller that
 * wants the planner on `landing` goes there itself.
 */
export async function startDeviceSession(
	user: SignedInUser | null,
	landing: string = window.location.href
): Promise<'reloading' | 'started' | 'notPlanner'> {
	if (!syncsPlans(user) || !user) return 'notPlanner';
	if (deviceUserId() !== user.userId) {
		// Plans made on the device before anyone signed in are offered, not hidden (issue 12).
		let next = landing;
		if (deviceUserId() === null) {
			const { hasPlansToBring } = await import('./device-plans');
			if (await hasPlansToBring()) {
				const url = new URL(landing, window.location.href);
				next = `/bring-plans?next=${encodeURIComponent(url.pathname + url.search)}`;
			}
		}
		setDeviceUser(user.userId);
		window.location.assign(next);
		return 'reloading';
	}
	const { loadOrganisationFromServer } = await import('./planner-session');
	await loadOrganisationFromServer(user);
	await sync.start(user);
	return 'started';
}
