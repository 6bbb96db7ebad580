import { getStreamed } from '$lib/client/api';
import { KINDERGARTEN_HEADER } from '$lib/sync/protocol';
import { forgetAccount } from './account.svelte';
import { databaseName, deviceUserId, setDeviceUser, setRemovedKindergarten } from './device-user';
import { repositories } from './repositories';

/*
 * A kindergarten the owner deleted with all its data (issue 16, ADR 44): the server answers a
 * tablet's sync that still names it with 410 `kindergarten_removed`, and the tablet removes the
 * signed-in person's database (plans, outbox, everything of that account), forgets the account,
 * and says so on the next page. Loaded only when that answer comes, or when a session is lost.
 */

/** Whether an answer of the sync endpoints says the tablet's kindergarten is gone. */
export function isRemovedAnswer(answer: { status: number; reason: string }): boolean {
	return answer.status === 410 && answer.reason === 'kindergarten_removed';
}

/**
 * Removes this tablet's account database and forgets the account, then opens the device's own
 * database (a reload) where the notice naming the kindergarten is shown. Never the device's own
 * database (`lekeplan`), never another person's.
 */
export async function dropRemovedKindergarten(): Promise<void> {
	const db = repositories().db;
	const userId = deviceUserId();
	const name = (await repositories().organisation.kindergarten())?.name ?? '';
	setRemovedKindergarten(name);
	setDeviceUser(null);
	forgetAccount();
	if (userId && db.name === databaseName(userId)) {
		db.close();
		await db.delete();
	}
	window.location.assign('/');
}

/**
 * A tablet whose session the server no longer knows asks, with the kindergarten its database
 * holds, whether that kindergarten was deleted; when it was, its data goes.
 */
export async function checkKindergartenRemoved(): Promise<void> {
	const kindergarten = await repositories().organisation.kindergarten();
	if (!kindergarten || !deviceUserId()) return;
	const answer = await getStreamed('/sync/conflicts', {
		stallMs: 30_000,
		headers: { [KINDERGARTEN_HEADER]: kindergarten.id }
	});
	if (!answer.ok && isRemovedAnswer(answer)) await dropRemovedKindergarten();
}
