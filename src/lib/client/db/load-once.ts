/**
 * A module (or anything) loaded the first time it is asked for, then kept; a failed load (the
 * network, offline before the service worker had it) is tried again at the next ask. The
 * repositories load their schemas this way, so the first page does not (ADR 12).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () => {
		loading ??= load().catch((error: unknown) => {
			loading = undefined;
			throw error;
		});
		return loading;
	};
}
