import { readConfig } from './config';
import { startServer } from './app';
import type { ServerDeps } from './deps';
import { purgeTombstones } from './use-cases/horizon';
import { forgetOldFailures } from './auth/throttle';

let started: Promise<ServerDeps> | undefined;

/** How often the running server removes tombstones past the horizon. */
const PURGE_EVERY_MS = 6 * 3_600_000;

/**
 * The running server's dependencies, started once (hooks.server.ts starts it at boot). The
 * running server also removes tombstones past the horizon and sign-in failures a day old, at
 * start and every few hours.
 */
export function serverDeps(): Promise<ServerDeps> {
	started ??= (async () => {
		const config = readConfig();
		const deps = await startServer(config);
		const purge = () =>
			purgeTombstones(deps, config.tombstoneDays).then(
				({ removed, purgedThrough }) => {
					if (removed > 0) {
						console.log(
							`Removed ${removed} tombstones older than ${config.tombstoneDays} days (through revision ${purgedThrough}).`
						);
					}
				},
				(error: unknown) => console.error('Removing old tombstones failed:', error)
			);
		const forget = () =>
			forgetOldFailures(deps).catch((error: unknown) =>
				console.error('Removing old sign-in failures failed:', error)
			);
		await purge();
		await forget();
		setInterval(() => void forget(), PURGE_EVERY_MS).unref();
		setInterval(() => void purge(), PURGE_EVERY_MS).unref();
		return deps;
	})();
	return started;
}
