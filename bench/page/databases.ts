import { Dexie } from 'dexie';
import { LekeplanDatabase } from '$lib/client/db';

/** The page's databases besides the app's own (`lekeplan`), each made anew for a round. */
export const DATABASES = {
	repository: 'lekeplan-bench-repository',
	raw: 'lekeplan-bench-raw',
	sync: 'lekeplan-bench-sync',
	syncRaw: 'lekeplan-bench-sync-raw',
	httpSync: 'lekeplan-bench-http-sync',
	httpSyncRaw: 'lekeplan-bench-http-sync-raw',
	throttled: 'lekeplan-bench-throttled'
} as const;

/** A freshly created database of the app's schema. */
export async function freshDatabase(name: string): Promise<LekeplanDatabase> {
	await Dexie.delete(name);
	const db = new LekeplanDatabase(name);
	await db.open();
	return db;
}

export async function cleanUp(): Promise<void> {
	for (const name of Object.values(DATABASES)) await Dexie.delete(name);
}
