import type { ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { serverDeps } from '$lib/server/instance';

/**
 * Opens and migrates the database when the server starts (not while building: the prerender
 * step must not create data/), so a broken database stops the start, not a later request.
 */
export const init: ServerInit = async () => {
	if (!building) await serverDeps();
};
