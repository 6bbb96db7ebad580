/**
 * Asks the browser not to evict this origin's storage under pressure: on a shared tablet the
 * plans live only here until sync exists. The answer is the browser's to give; a refusal
 * changes nothing but the risk.
 */
export async function requestPersistentStorage(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

/** A storage failure in words a person can act on (quota, private mode, blocked upgrade). */
export function describeError(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return typeof error === 'string' ? error : JSON.stringify(error);
}
