import * as client from 'openid-client';
import type { OidcClient } from './oidc';
import type { ServerConfig } from '../config';
import { ApiError } from '../api/http';
import { oidcCookieKey, openOidcCookie, sameText, sealOidcCookie } from './oidc-cookie';

/**
 * OpenID Connect sign-in with openid-client: authorization code flow with PKCE (S256), state
 * and nonce. The ID token's issuer, audience (our client id), nonce, lifetime and signature are
 * checked; users are keyed by (issuer, sub). Only the `openid` scope is asked for: Lekeplan
 * needs nothing about the person beyond a stable subject, and never the national identity
 * number (Feide's `userid-nin`).
 */

export type OidcConfig = NonNullable<ServerConfig['oidc']>;

/** Only `openid`: never profile data, never national identity number scopes. */
export const OIDC_SCOPE = 'openid';

export interface OidcClientOptions {
	/** Milliseconds since the epoch, for the flow cookie's ten-minute limit. */
	now?: () => number;
	/** Timeout for each request to the provider, in seconds. */
	timeoutSeconds?: number;
	log?: (line: string) => void;
}

const unavailable = () => new ApiError(503, 'oidc_unavailable');

/** Walks an error and its causes. */
function* chain(error: unknown): Generator<unknown> {
	let current = error;
	for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
		yield current;
		current = current instanceof Error ? current.cause : undefined;
	}
}

/** The reason code for a failed code exchange or ID token check. */
export function failureReason(error: unknown): ApiError {
	for (const e of chain(error)) {
		if (e instanceof client.AuthorizationResponseError) return new ApiError(401, 'oidc_denied');
		if (!(e instanceof Error)) continue;
		const claim = (e.cause as { claim?: unknown } | undefined)?.claim;
		const code = (e as { code?: unknown }).code;
		if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
			if (claim === 'nonce') return new ApiError(401, 'oidc_nonce_mismatch');
			if (claim === 'aud' || claim === 'azp') return new ApiError(401, 'oidc_audience_mismatch');
			if (claim === 'iss') return new ApiError(401, 'oidc_issuer_mismatch');
		}
		if (
			e.message === 'JWT signature verification failed' ||
			e.message === 'unexpected JWT "alg" header parameter' ||
			e.message === 'unsupported JWS algorithm'
		) {
			return new ApiError(401, 'oidc_signature_invalid');
		}
		if (e.message === 'unexpected "iss" (issuer) response parameter value') {
			return new ApiError(401, 'oidc_issuer_mismatch');
		}
		if (/"state"/.test(e.message)) return new ApiError(400, 'oidc_state_invalid');
		if (e.name === 'TimeoutError' || (e instanceof TypeError && e.message === 'fetch failed')) {
			return unavailable();
		}
	}
	return new ApiError(401, 'oidc_token_invalid');
}

export function createOidcClient(
	config: OidcConfig,
	options: OidcClientOptions = {}
): Promise<OidcClient> {
	const now = options.now ?? Date.now;
	const log = options.log ?? ((line: string) => console.warn(line));
	const key = oidcCookieKey(config.clientSecret);
	const issuerUrl = new URL(config.issuer);
	const redirectUri = new URL(config.redirectUri);

	let discovered: Promise<client.Configuration> | null = null;
	/** Discovers the provider once; a failure is retried at the next sign-in. */
	const configuration = (): Promise<client.Configuration> => {
		discovered ??= client
			.discovery(
				issuerUrl,
				config.clientId,
				{ client_secret: config.clientSecret },
				client.ClientSecretBasic(config.clientSecret),
				{
					execute: [
						...(config.allowInsecure ? [client.allowInsecureRequests] : []),
						// Without this, openid-client trusts TLS for the ID token and skips its signature.
						client.enableNonRepudiationChecks
					],
					timeout: options.timeoutSeconds ?? 15
				}
			)
			.catch((error: unknown) => {
				discovered = null;
				log(
					`OpenID Connect discovery at ${config.issuer} failed (${error instanceof Error ? error.message : String(error)}); retrying at the next sign-in.`
				);
				throw unavailable();
			});
		return discovered;
	};
	// Discover at boot so a misconfiguration shows in the log early, without holding up the
	// server (password sign-in keeps working while the provider is away).
	configuration().catch(() => undefined);

	return Promise.resolve({
		issuer: config.issuer,

		async start(invitationToken) {
			const provider = await configuration();
			const state = client.randomState();
			const nonce = client.randomNonce();
			const verifier = client.randomPKCECodeVerifier();
			const url = client.buildAuthorizationUrl(provider, {
				redirect_uri: redirectUri.href,
				scope: OIDC_SCOPE,
				state,
				nonce,
				code_challenge: await client.calculatePKCECodeChallenge(verifier),
				code_challenge_method: 'S256'
			});
			return {
				url: url.href,
				cookie: sealOidcCookie(key, { state, nonce, verifier, invitationToken }, now())
			};
		},

		async finish(callbackUrl, cookie) {
			const flow = openOidcCookie(key, cookie, now());
			const returnedState = callbackUrl.searchParams.get('state');
			if (!flow || returnedState === null || !sameText(returnedState, flow.state)) {
				throw new ApiError(400, 'oidc_state_invalid');
			}
			const provider = await configuration();
			// The redirect URI sent to the token endpoint is the configured one, whatever host
			// or proxy the callback reached us through.
			const current = new URL(redirectUri);
			current.search = callbackUrl.search;
			let claims: client.IDToken | undefined;
			try {
				const tokens = await client.authorizationCodeGrant(provider, current, {
					expectedState: flow.state,
					expectedNonce: flow.nonce,
					pkceCodeVerifier: flow.verifier,
					idTokenExpected: true
				});
				claims = tokens.claims();
			} catch (error) {
				throw failureReason(error);
			}
			if (!claims || typeof claims.sub !== 'string' || claims.sub.length === 0) {
				throw new ApiError(401, 'oidc_token_invalid');
			}
			return { issuer: claims.iss, subject: claims.sub, invitationToken: flow.invitationToken };
		}
	});
}
