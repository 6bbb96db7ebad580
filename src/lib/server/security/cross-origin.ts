/**
 * Refuses state-changing requests that another origin's page made (issue 13, ADR 22).
 * SvelteKit's own check (`csrf.checkOrigin`) only looks at form content types, and the session
 * cookie is `SameSite=Lax`, which a page on the same site but another origin (another port,
 * another subdomain of the owner's domain) still gets sent along. So every request that is not
 * a read must come from the app's own origin, whatever its body or content type:
 *
 * - when it has an `Origin` header (browsers send one with every such request), that must be
 *   the app's origin (`null`, from a sandboxed frame or a redirect, is not);
 * - else, when it has `Sec-Fetch-Site`, that must be `same-origin` (or `none`: the person's own
 *   action in the browser, such as a bookmark);
 * - with neither, it did not come from a browser page (a script, curl, a test): nothing a
 *   browser's cookie could be abused by, so it is let through to the API's own checks.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossOriginWrite(request: Request, origin: string): boolean {
	if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
	const from = request.headers.get('origin');
	if (from !== null) return from !== origin;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null) return site !== 'same-origin' && site !== 'none';
	return false;
}

/** The 403 a refused request gets: the API's error shape, with a reason code. */
export function crossOriginRefusal(): Response {
	return new Response(JSON.stringify({ error: { status: 403, reason: 'cross_origin_request' } }), {
		status: 403,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}
