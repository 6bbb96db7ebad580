import type { ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { MAX_PUSH_BYTES } from '$lib/sync';
import { bodyLimitWarning } from '$lib/server/config';
import { serverDeps } from '$lib/server/instance';

/**
 * Opens and migrates the database when the server starts (not while building: the prerender
 * step must not create data/), so a broken database stops the start, not a later request.
 * Warns when the body limit is below a push's (see bodyLimitWarning).
 */
export const init: ServerInit = async () => {
	if (building) return;
	await serverDeps();
	// adapter-node's body limit (the dev server has none).
	const warning = dev ? null : bodyLimitWarning(MAX_PUSH_BYTES);
	if (warning) console.warn(warning);
};
