import {
	callApi,
	type ApiAnswer,
	type ApiInput,
	type ApiResult,
	type SignedInUser
} from '$lib/client/api';
import { deviceUserId } from './device-user';

/**
 * Who is signed in to the owner's server, if anyone. The planner works without it (offline
 * first); signing in gives access to the server's pages for the user's role.
 */
export class AccountState {
	user = $state<SignedInUser | null>(null);
	/** False until the first answer (or a failure to reach the server). */
	known = $state(false);
	oidcEnabled = $state(false);
	/** The tablet holds this user's data, but the server no longer knows the session. */
	sessionLost = $state(false);
	/** Whether the last attempt to reach the server failed (offline, or the server is down). */
	unreachable = $state(false);

	async refresh(): Promise<void> {
		// A sign-out the server did not hear (offline) is finished first: until then, the session
		// it still holds must not sign the last user in again on a shared tablet.
		if (signOutPending()) {
			const out = await callApi('POST', '/auth/sign-out');
			if (out.ok) setSignOutPending(false);
			else {
				this.user = null;
				this.unreachable = out.status === 0;
				this.known = true;
				return;
			}
		}
		const [me, oidc] = await Promise.all([callApi('GET', '/me'), callApi('GET', '/auth/oidc')]);
		this.unreachable = !me.ok && me.status === 0;
		if (me.ok) this.user = me.data.user;
		// Offline at start: the planner whose database this is stays signed in on the tablet,
		// and syncs when the network returns.
		else if (me.status === 0) this.user = rememberedUser();
		remember(this.user);
		this.sessionLost = me.ok && me.data.user === null && deviceUserId() !== null;
		if (oidc.ok) this.oidcEnabled = oidc.data.enabled;
		this.known = true;
	}

	async signIn(
		email: string,
		password: string
	): Promise<ApiResult<ApiAnswer<'POST', '/auth/sign-in'>>> {
		const result = await callApi('POST', '/auth/sign-in', { email, password });
		if (result.ok) {
			this.user = result.data.user;
			// The server knows the session again: the banner that asked for this sign-in goes.
			this.sessionLost = false;
			setSignOutPending(false);
		}
		remember(this.user);
		return result;
	}

	async acceptInvitation(
		input: ApiInput<'POST', '/invitations/accept'>['json']
	): Promise<ApiResult<ApiAnswer<'POST', '/invitations/accept'>>> {
		const result = await callApi('POST', '/invitations/accept', input);
		if (result.ok) {
			this.user = result.data.user;
			setSignOutPending(false);
		}
		return result;
	}

	/** Signs out; when the server cannot be reached, it is told at the next start. */
	async signOut(): Promise<void> {
		const out = await callApi('POST', '/auth/sign-out');
		setSignOutPending(!out.ok);
		this.user = null;
		remember(null);
	}
}

const REMEMBERED = 'lekeplan.account';

/** Forgets the tablet's remembered account (its kindergarten was deleted, ADR 44). */
export function forgetAccount(): void {
	try {
		localStorage.removeItem(REMEMBERED);
	} catch {
		// Storage unavailable: nothing was remembered.
	}
}
const SIGN_OUT_PENDING = 'lekeplan.signOutPending';

function signOutPending(): boolean {
	try {
		return localStorage.getItem(SIGN_OUT_PENDING) === 'true';
	} catch {
		return false;
	}
}

function setSignOutPending(pending: boolean): void {
	try {
		if (pending) localStorage.setItem(SIGN_OUT_PENDING, 'true');
		else localStorage.removeItem(SIGN_OUT_PENDING);
	} catch {
		// Storage unavailable (private mode): the server's session ends when it times out.
	}
}

/** The last known account of the tablet's planner (names and ids; no secrets). */
function remember(user: SignedInUser | null): void {
	try {
		if (user && user.userId === deviceUserId())
			localStorage.setItem(REMEMBERED, JSON.stringify(user));
		else if (!user || deviceUserId() === null) localStorage.removeItem(REMEMBERED);
	} catch {
		// Storage unavailable (private mode): nothing to remember.
	}
}

function rememberedUser(): SignedInUser | null {
	try {
		const user = JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null') as SignedInUser | null;
		return user && user.userId === deviceUserId() ? user : null;
	} catch {
		return null;
	}
}

export const account = new AccountState();
