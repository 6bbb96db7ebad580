import { subscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';

/**
 * The headers every response carries (issue 13, ADR 22).
 *
 * `frame-ancestors` works only as a header (a <meta> policy ignores it, and the prerendered
 * shell's policy is a <meta>), so it goes out as one on every response. On the pages SvelteKit
 * renders, its own full policy header replaces this one and says the same.
 *
 * `origin` is the public origin (ORIGIN): over HTTPS, Strict-Transport-Security too.
 */
export function securityHeaders(origin: string): Record<string, string> {
	const headers: Record<string, string> = {
		'content-security-policy': "frame-ancestors 'none'",
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		// Invitation links carry their token in the path: never hand a URL on to another site.
		'referrer-policy': 'no-referrer',
		// Nothing in the app uses these; a script that got in could not either.
		'permissions-policy':
			'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()'
	};
	if (origin.startsWith('https://')) {
		headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
	}
	return headers;
}

let subscribed = false;

/**
 * Puts the security headers on every response of every HTTP server in this process, before
 * anything answers: adapter-node serves the prerendered shell and the static files itself,
 * before SvelteKit (and its `handle` hook) sees the request, so a hook alone cannot reach them.
 * Node announces each request on the `http.server.request.start` diagnostics channel before
 * the server's request handler runs; the headers set here are the defaults a handler's own
 * headers of the same name replace (SvelteKit's full Content-Security-Policy on its pages).
 */
export function sendSecurityHeadersOnEveryResponse(origin: string): void {
	if (subscribed) return;
	subscribed = true;
	const headers = Object.entries(securityHeaders(origin));
	subscribe('http.server.request.start', (message) => {
		const { response } = message as { response: ServerResponse };
		for (const [name, value] of headers) response.setHeader(name, value);
	});
}
