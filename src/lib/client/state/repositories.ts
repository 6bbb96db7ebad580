import { openRepositories, type Repositories } from '$lib/client/db';
import { databaseStatus } from './database-status.svelte';
import { databaseName } from './device-user';

let current: Repositories | undefined;

/** The device's repositories, opened on first use (IndexedDB exists only in the browser). */
export function repositories(): Repositories {
	if (!current) {
		current = openRepositories(databaseName());
		databaseStatus.watch(current.db);
	}
	return current;
}

/** Lets unit tests run the state classes on a database of their own. */
export function useRepositories(repos: Repositories): void {
	current = repos;
}
