import { callApi, type ApiResult, type SignedInUser } from '$lib/client/api';

/**
 * Who is signed in to the owner's server, if anyone. The planner works without it (offline
 * first); signing in gives access to the server's pages for the user's role.
 */
export class AccountState {
	user = $state<SignedInUser | null>(null);
	/** False until the first answer (or a failure to reach the server). */
	known = $state(false);
	oidcEnabled = $state(false);

	async refresh(): Promise<void> {
		const [me, oidc] = await Promise.all([
			callApi<{ user: SignedInUser }>('GET', '/me'),
			callApi<{ enabled: boolean }>('GET', '/auth/oidc')
		]);
		if (me.ok) this.user = me.data.user;
		else if (me.status === 401) this.user = null;
		if (oidc.ok) this.oidcEnabled = oidc.data.enabled;
		this.known = true;
	}

	async signIn(email: string, password: string): Promise<ApiResult<{ user: SignedInUser }>> {
		const result = await callApi<{ user: SignedInUser }>('POST', '/auth/sign-in', {
			email,
			password
		});
		if (result.ok) this.user = result.data.user;
		return result;
	}

	async acceptInvitation(input: {
		token: string;
		email: string;
		password: string;
		displayName: string;
	}): Promise<ApiResult<{ user: SignedInUser }>> {
		const result = await callApi<{ user: SignedInUser }>('POST', '/invitations/accept', input);
		if (result.ok) this.user = result.data.user;
		return result;
	}

	async signOut(): Promise<void> {
		await callApi('POST', '/auth/sign-out');
		this.user = null;
	}
}

export const account = new AccountState();
