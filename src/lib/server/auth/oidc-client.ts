import type { OidcClient } from './oidc';
import type { ServerConfig } from '../config';

/** Placeholder until the OpenID Connect client lands (see the OIDC part). */
export function createOidcClient(config: NonNullable<ServerConfig['oidc']>): Promise<OidcClient> {
	return Promise.reject(
		new Error(`OpenID Connect is not implemented yet (issuer ${config.issuer})`)
	);
}
