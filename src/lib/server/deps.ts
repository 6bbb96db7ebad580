import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { Database, Dialect } from './db';
import type { OidcClient } from './auth/oidc';

export interface SessionPolicy {
	/** A session unused this long ends. */
	idleMs: number;
	/** A session ends this long after sign-in, however active. */
	absoluteMs: number;
}

/** Everything a use case needs; made once at start (see app.ts), or per test. */
export interface ServerDeps {
	db: Kysely<Database>;
	dialect: Dialect;
	clock: Clock;
	sessions: SessionPolicy;
	/** Present when OpenID Connect is configured. */
	oidc: OidcClient | null;
	/** The public origin, e.g. https://lekeplan.kommune.no (for links and the Secure flag). */
	origin: string;
}
