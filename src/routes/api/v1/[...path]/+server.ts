import type { RequestHandler } from './$types';
import { app } from '$lib/server/api/app';
import { serverDeps } from '$lib/server/instance';

const handle: RequestHandler = async ({ request, getClientAddress }) =>
	app.fetch(request, { deps: await serverDeps(), clientAddress: getClientAddress() });

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
export const PUT = handle;
