import { callApi } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';

/**
 * The page's calls of the server's JSON API (through the app's own client), other than sync:
 * signing in the browser context and finding the groups a first sync is seeded into.
 */

/** Signs this browser context in; the groups of the user's kindergarten. */
export async function signInAndListGroups(account: {
	email: string;
	password: string;
}): Promise<string[]> {
	const signIn = await callApi('POST', '/auth/sign-in', account);
	if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status} ${signIn.reason}`);
	const me = await callApi('GET', '/me');
	const kindergartenId = me.ok ? (me.data.user?.kindergartenId ?? null) : null;
	if (!kindergartenId) throw new Error('the signed-in user has no kindergarten');
	const listed = await callApi('GET', apiPath('/kindergartens/:id/groups', { id: kindergartenId }));
	if (!listed.ok) throw new Error(`groups answered ${listed.status} ${listed.reason}`);
	return listed.data.groups.map((g) => g.id);
}
