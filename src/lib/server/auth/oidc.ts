/**
 * OpenID Connect sign-in (Feide or any provider), configured by environment. Implemented in
 * oidc-client.ts; this is the part the rest of the server sees.
 */
export interface OidcIdentity {
	issuer: string;
	subject: string;
}

export interface OidcClient {
	readonly issuer: string;
	/**
	 * Where to send the browser, and the value of the short-lived cookie that carries the
	 * state, nonce and PKCE verifier (and the invitation being accepted, if any) to the callback.
	 */
	start(invitationToken: string | null): Promise<{ url: string; cookie: string }>;
	/** Checks the callback (state, code, PKCE, nonce, issuer, audience, signature). */
	finish(
		callbackUrl: URL,
		cookie: string | null
	): Promise<OidcIdentity & { invitationToken: string | null }>;
}

export const OIDC_COOKIE = 'lekeplan_oidc';
