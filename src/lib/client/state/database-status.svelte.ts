import type { LekeplanDatabase } from '$lib/client/db';

/**
 * What the page must say about the local database's version (docs/design/sync-protocol.md: a
 * blocked upgrade is shown, not hidden). `blocked`: this tab wants a newer schema but another tab
 * still holds the old one open. `outdated`: another tab upgraded the schema, so this tab closed its
 * connection and must reload before it can read or write again.
 */
export class DatabaseStatus {
	blocked = $state(false);
	outdated = $state(false);

	watch(db: LekeplanDatabase): void {
		db.on('blocked', () => {
			this.blocked = true;
		});
		db.on('ready', () => {
			this.blocked = false;
		});
		db.on('versionchange', () => {
			db.close();
			this.outdated = true;
			return false; // we closed it ourselves; tell Dexie not to
		});
	}
}

export const databaseStatus = new DatabaseStatus();
