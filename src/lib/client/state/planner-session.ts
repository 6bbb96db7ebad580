import { callApi, type ApiResult, type SignedInUser } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';
import type { AccountState } from './account.svelte';
import { repositories } from './repositories';
import { databaseName, deviceUserId, setDeviceUser } from './device-user';
import type { SyncState } from './sync.svelte';
import type { GroupInput } from './organisation.svelte';

/*
 * The server's side of a signed-in planner's session on the tablet: the organisation fetched at
 * the start, what is unsent and the sign-out at the end. Loaded by `startDeviceSession()` and the
 * sign-out page, so a tablet nobody signs in on never loads it.
 */

/** Replaces the device's kindergarten and groups with the server's (when it answers). */
export async function loadOrganisationFromServer(user: SignedInUser): Promise<void> {
	if (!user.kindergartenId) return;
	const param = { id: user.kindergartenId };
	const [k, g] = await Promise.all([
		callApi('GET', apiPath('/kindergartens/:id', param)),
		callApi('GET', apiPath('/kindergartens/:id/groups', param))
	]);
	if (k.ok && g.ok) {
		await repositories().organisation.replaceFromServer(
			k.data.kindergarten,
			g.data.groups.map((group) => ({ ...group, kindergartenId: k.data.kindergarten.id }))
		);
	}
}

/** Whether a signed-in person may change their kindergarten's name and groups on the server. */
export function managesKindergarten(user: SignedInUser | null): boolean {
	return user?.role === 'manager' || user?.role === 'ownerAdmin';
}

/**
 * A change to the kindergarten made on the server, the one place it lasts (issue 12): what the
 * server refused, by field (its reason codes) and as a whole, or ok; the device's copy is read
 * again from the server after a change, and colleagues' tablets get it when they next start.
 */
export type ServerOrganisationOutcome =
	{ ok: true } | { ok: false; reason: string; fields: Record<string, { code: string }> };

async function changed(
	user: SignedInUser,
	result: ApiResult<unknown>
): Promise<ServerOrganisationOutcome> {
	if (!result.ok) {
		return {
			ok: false,
			reason: result.reason,
			fields: Object.fromEntries(
				Object.entries(result.fields).map(([field, code]) => [field, { code }])
			)
		};
	}
	await loadOrganisationFromServer(user);
	return { ok: true };
}

export async function renameKindergartenOnServer(
	user: SignedInUser,
	name: string
): Promise<ServerOrganisationOutcome> {
	if (!user.kindergartenId) return { ok: false, reason: 'forbidden', fields: {} };
	const path = apiPath('/kindergartens/:id', { id: user.kindergartenId });
	return changed(user, await callApi('PATCH', path, { name }));
}

export async function saveGroupOnServer(
	user: SignedInUser,
	group: GroupInput
): Promise<ServerOrganisationOutcome> {
	if (!user.kindergartenId) return { ok: false, reason: 'forbidden', fields: {} };
	const body = { name: group.name, ageMin: group.ageMin, ageMax: group.ageMax };
	const result = group.id
		? await callApi('PATCH', apiPath('/groups/:id', { id: group.id }), body)
		: await callApi(
				'POST',
				apiPath('/kindergartens/:id/groups', { id: user.kindergartenId }),
				body
			);
	return changed(user, result);
}

export async function deleteGroupOnServer(
	user: SignedInUser,
	id: string
): Promise<ServerOrganisationOutcome> {
	return changed(user, await callApi('DELETE', apiPath('/groups/:id', { id })));
}

/**
 * Everything unsent, as a file a person can keep (the last resort before signing out): the
 * changes in the outbox, and the plans and own library activities they belong to as this
 * tablet has them.
 */
export async function exportUnsent(): Promise<Blob> {
	const db = repositories().db;
	const outbox = await db.outbox.orderBy('id').toArray();
	const idsOf = (type: string) => [
		...new Set(outbox.filter((m) => m.type === type).map((m) => m.recordId))
	];
	const plans = (await db.plans.bulkGet(idsOf('plan'))).filter(Boolean);
	const activities = (await db.ownActivities.bulkGet(idsOf('activity'))).filter(Boolean);
	const file = {
		exportedAt: new Date().toISOString(),
		unsentChanges: outbox,
		plans,
		activities
	};
	return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
}

/**
 * What happens to the user's database at sign-out: `ifAllSent` removes it only when nothing in
 * it is unsent (else nobody is signed out); `keep` leaves it on the tablet for the next time
 * this user signs in; `remove` removes it, unsent changes and all, because the person chose so.
 */
export type SignOutChoice = 'ifAllSent' | 'keep' | 'remove';

/**
 * Signs the user out of the server and this tablet. Returns how many changes are unsent when
 * `ifAllSent` finds some: then nothing is removed and the user stays signed in. Only a user's
 * own database is ever removed, never the tablet's signed-out one (`lekeplan`). The account
 * and sync states come from the page: imported here, they would be split off the first page's
 * chunk (ADR 12).
 */
export async function endDeviceSession(
	choice: SignOutChoice,
	{ account, sync }: { account: Pick<AccountState, 'signOut'>; sync: Pick<SyncState, 'stop'> }
): Promise<number> {
	const db = repositories().db;
	if (choice === 'ifAllSent') {
		const unsent = await db.outbox.count();
		if (unsent > 0) return unsent;
	}
	const userId = deviceUserId();
	sync.stop();
	setDeviceUser(null);
	await account.signOut();
	if (choice !== 'keep' && userId && db.name === databaseName(userId)) {
		db.close();
		await db.delete();
	}
	return 0;
}
