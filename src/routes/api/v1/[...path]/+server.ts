import type { RequestHandler } from './$types';
import { handleApi } from '$lib/server/api/router';
import { serverDeps } from '$lib/server/instance';

const handle: RequestHandler = async ({ request, getClientAddress }) =>
	handleApi(request, await serverDeps(), getClientAddress());

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
export const PUT = handle;
